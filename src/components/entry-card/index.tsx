import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import './index.scss'

interface Props {
  /** One character shown on the coloured icon. */
  icon: string
  iconColor: string
  title: string
  note: string
  url: string
  testId: string
}

/** A row on 我的 that opens a part of the app. */
export default function EntryCard({ icon, iconColor, title, note, url, testId }: Props) {
  return (
    <View className='entry-card' data-testid={testId} onClick={() => void Taro.navigateTo({ url })}>
      <View className='entry-card__icon' style={{ background: iconColor }}>
        <Text>{icon}</Text>
      </View>
      <View className='entry-card__body'>
        <Text className='entry-card__title'>{title}</Text>
        <Text className='entry-card__note'>{note}</Text>
      </View>
      <Text className='entry-card__arrow'>›</Text>
    </View>
  )
}
