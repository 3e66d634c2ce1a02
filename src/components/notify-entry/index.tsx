import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import './index.scss'

export const NOTIFY_INBOX_URL = '/packages/notify/inbox/index'

/** 我的 → 服务通知, with the unread count as a badge. */
export default function NotifyEntry({ unread }: { unread: number }) {
  return (
    <View className='notify-entry' data-testid='me-entry-notify' onClick={() => void Taro.navigateTo({ url: NOTIFY_INBOX_URL })}>
      <View className='notify-entry__icon'>
        <Text>通</Text>
      </View>
      <Text className='notify-entry__title'>服务通知</Text>
      {unread > 0 ? (
        <Text className='notify-entry__badge' data-testid='me-notify-badge'>
          {unread > 99 ? '99+' : String(unread)}
        </Text>
      ) : null}
      <Text className='notify-entry__arrow'>›</Text>
    </View>
  )
}
