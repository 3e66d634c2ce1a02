import { Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import './index.scss'

export interface NotifyItemProps {
  title: string
  /** The template's fields as label → value lines, in order. */
  lines: Array<{ label: string; value: string }>
  at: number
  unread: boolean
  /** 查看详情 opens the template's page; absent: no link. */
  onOpen?: () => void
}

/** One 服务通知: WeChat's card look (title, time, field lines, 查看详情), a red dot while unread. */
export default function NotifyItem({ title, lines, at, unread, onOpen }: NotifyItemProps) {
  return (
    <View className={`notify-item${unread ? ' notify-item--unread' : ''}`} data-testid='notify-item' data-unread={unread ? '1' : '0'} onClick={onOpen}>
      <View className='notify-item__head'>
        <Text className='notify-item__title'>{title}</Text>
        {unread ? <View className='notify-item__dot' data-testid='notify-unread-dot' /> : null}
      </View>
      <Text className='notify-item__time'>{dayjs(at).format('M月D日 HH:mm')}</Text>
      <View className='notify-item__lines'>
        {lines.map((line) => (
          <View key={line.label} className='notify-item__line'>
            <Text className='notify-item__label'>{line.label}</Text>
            <Text className='notify-item__value'>{line.value}</Text>
          </View>
        ))}
      </View>
      {onOpen ? (
        <View className='notify-item__foot'>
          <Text>查看详情</Text>
          <Text className='notify-item__arrow'>›</Text>
        </View>
      ) : null}
    </View>
  )
}
