import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { PosterKind } from '../../utils/poster/layout'
import { posterUrl } from '../../utils/poster/url'
import './index.scss'

interface Props {
  kind: PosterKind
  id?: string
  /** The line under 生成分享海报. */
  note?: string
}

/** 生成分享海报: a card row between a page's cards; opens the poster page (subpackage packages/share). */
export default function PosterEntry({ kind, id, note = '带上你的专属二维码，好友扫码直达' }: Props) {
  return (
    <View className='poster-entry' data-testid='poster-entry' onClick={() => void Taro.navigateTo({ url: posterUrl(kind, id) })}>
      <View className='poster-entry__icon'>
        <Text className='poster-entry__icon-text'>海报</Text>
      </View>
      <View className='poster-entry__body'>
        <Text className='poster-entry__title'>生成分享海报</Text>
        <Text className='poster-entry__note'>{note}</Text>
      </View>
      <Text className='poster-entry__arrow'>›</Text>
    </View>
  )
}
