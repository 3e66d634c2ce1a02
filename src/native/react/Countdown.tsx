// One native-countdown for pages: the native <native-countdown> on weapp (the page's config must list
// it in usingComponents, see src/native/README.md) and a React equivalent on H5.
import { useEffect, useRef, useState } from 'react'
import { Text } from '@tarojs/components'
import { formatSeconds, msToNextSecond, secondsLeft } from './remaining'
import './countdown.scss'

export interface CountdownProps {
  /** Epoch ms on the server clock; 0 = no deadline (shows 00:00, never ends). */
  deadline: number
  /** Server clock − client clock, ms. */
  offset?: number
  /** Called once per deadline when the time is up (also when it had already passed). */
  onEnd?: () => void
}

function WeappCountdown({ deadline, offset = 0, onEnd }: CountdownProps) {
  // Props spelled out one by one: Taro reads them from this JSX to build the wxml template.
  return <native-countdown deadline={deadline} offset={offset} onEnd={() => onEnd?.()} />
}

function H5Countdown({ deadline, offset = 0, onEnd }: CountdownProps) {
  const [left, setLeft] = useState(() => (deadline > 0 ? secondsLeft(deadline, offset, Date.now()) : 0))
  const onEndRef = useRef(onEnd)
  onEndRef.current = onEnd
  const firedFor = useRef<number | null>(null)

  useEffect(() => {
    if (deadline <= 0) {
      setLeft(0)
      return undefined
    }
    let timer: ReturnType<typeof setTimeout> | undefined
    const tick = () => {
      const now = Date.now()
      const next = secondsLeft(deadline, offset, now)
      setLeft(next)
      if (next > 0) {
        timer = setTimeout(tick, msToNextSecond(deadline, offset, now))
      } else if (firedFor.current !== deadline) {
        firedFor.current = deadline
        onEndRef.current?.()
      }
    }
    tick()
    return () => clearTimeout(timer)
  }, [deadline, offset])

  const ended = deadline > 0 && left === 0
  return <Text className={ended ? 'native-countdown native-countdown--ended' : 'native-countdown'}>{formatSeconds(left)}</Text>
}

export default function Countdown(props: CountdownProps) {
  return process.env.TARO_ENV === 'h5' ? <H5Countdown {...props} /> : <WeappCountdown {...props} />
}
