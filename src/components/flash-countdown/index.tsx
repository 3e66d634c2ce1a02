import { Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import { useEffect, useState } from 'react'
import Countdown from '../../native/react/Countdown'
import { saleNow, useSaleOffset } from './clock'
import './index.scss'

const DAY_MS = 24 * 3600_000
/** setTimeout's longest delay. */
const MAX_DELAY_MS = 2 ** 31 - 1

export interface FlashCountdownProps {
  /** Epoch ms on the server's clock. */
  deadline: number
  /** Text before the time: 距开始 / 距结束. */
  prefix: string
  /** Called once when the deadline passes. */
  onEnd?: () => void
  /** `light`: white on the red price band; `plain`: red on white. */
  tone?: 'light' | 'plain'
  /** More than a day away: show the date and this word (开抢, 结束) instead of a long countdown. */
  farLabel?: string
}

/**
 * Time left to a flash sale's start or end on the server's clock. On weapp it
 * is the native <native-countdown>: a page that renders this lists it in usingComponents.
 */
export default function FlashCountdown({ deadline, prefix, onEnd, tone = 'plain', farLabel }: FlashCountdownProps) {
  const offset = useSaleOffset()
  const [, setWoken] = useState(0)
  const far = farLabel !== undefined && deadline - saleNow() > DAY_MS
  useEffect(() => {
    if (!far) return undefined
    // The day before the deadline the date gives way to the countdown (which fires onEnd).
    const timer = setTimeout(() => setWoken((n) => n + 1), Math.min(deadline - DAY_MS - saleNow() + 1000, MAX_DELAY_MS))
    return () => clearTimeout(timer)
  }, [far, deadline, offset])
  return (
    <View className={`flash-countdown flash-countdown--${tone}`} data-testid='flash-countdown'>
      {far ? (
        <Text className='flash-countdown__text'>
          {dayjs(deadline).format('M月D日 HH:mm')} {farLabel}
        </Text>
      ) : (
        <>
          <Text className='flash-countdown__text'>{prefix}</Text>
          <View className='flash-countdown__time' data-testid='flash-countdown-time'>
            <Countdown deadline={deadline} offset={offset} onEnd={onEnd} />
          </View>
        </>
      )}
    </View>
  )
}

export { noteServerNow, saleNow, saleOffset, useSaleOffset, withServerNow } from './clock'
