import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import Countdown from '../../native/react/Countdown'
import { serverOffset, syncServerClock } from '../order-countdown/server-clock'
import './index.scss'

interface Props {
  /** The group's deadline on the server's clock (epoch ms). */
  deadline: number
  /** Text before the time, e.g. 剩余. */
  prefix?: string
  /** Text after the time, e.g. 结束. */
  suffix?: string
  /** Called once when the deadline passes. */
  onEnd?: () => void
  compact?: boolean
}

/**
 * Time left to a group's deadline, measured on the server's clock (the offset
 * `system.ping` measured once). On weapp it is the native <native-countdown>:
 * a page that renders this lists it in usingComponents.
 */
export default function GroupCountdown({ deadline, prefix = '剩余', suffix = '结束', onEnd, compact = false }: Props) {
  const [offset, setOffset] = useState(serverOffset)

  useEffect(() => {
    let live = true
    void syncServerClock().then(() => live && setOffset(serverOffset()))
    return () => {
      live = false
    }
  }, [])

  return (
    <View className={`group-countdown${compact ? ' group-countdown--compact' : ''}`} data-testid='group-countdown'>
      {prefix ? <Text className='group-countdown__text'>{prefix}</Text> : null}
      <View className='group-countdown__time' data-testid='group-countdown-time'>
        <Countdown deadline={deadline} offset={offset} onEnd={onEnd} />
      </View>
      {suffix ? <Text className='group-countdown__text'>{suffix}</Text> : null}
    </View>
  )
}
