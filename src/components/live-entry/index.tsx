import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { LIVE_LIST_URL } from './links'
import './index.scss'

export { LIVE_LIST_URL } from './links'

/** 我的 → 直播: live rooms, previews and replays. */
export default function LiveEntry() {
  return (
    <View className='live-entry' data-testid='me-entry-live' onClick={() => void Taro.navigateTo({ url: LIVE_LIST_URL })}>
      <View className='live-entry__icon'>
        <Text>播</Text>
      </View>
      <View className='live-entry__body'>
        <Text className='live-entry__title'>直播</Text>
        <Text className='live-entry__note'>直播中、预告与回放，边看边买</Text>
      </View>
      <Text className='live-entry__arrow'>›</Text>
    </View>
  )
}
