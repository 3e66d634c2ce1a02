import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { isH5 } from '../../utils/platform'
import './index.scss'

interface Props {
  /** The group page's path with its id: /packages/groupbuy/group/index?id=… */
  path: string
  /** Seats left, for the call to action. */
  seatsLeft: number
}

/** The full address of a page path in the H5 app (the browser's origin). */
export function h5Link(path: string): string {
  const origin = typeof window !== 'undefined' && window.location ? window.location.origin : ''
  return `${origin}${path}`
}

/**
 * 邀请好友: on weapp a share button (the page's useShareAppMessage answers the
 * card with the group's path); on H5 the group's link, shown and copied with 复制链接.
 */
export default function GroupShare({ path, seatsLeft }: Props) {
  const hint = seatsLeft > 0 ? `还差 ${seatsLeft} 人，邀请好友一起拼` : '邀请好友一起拼'
  if (!isH5()) {
    return (
      <View className='group-share'>
        <Text className='group-share__hint'>{hint}</Text>
        <Button className='group-share__invite' openType='share' data-testid='group-invite'>
          邀请好友
        </Button>
      </View>
    )
  }
  const link = h5Link(path)
  const copy = () => {
    void Taro.setClipboardData({ data: link }).catch(() => Taro.showToast({ title: '复制失败，请长按链接复制', icon: 'none' }))
  }
  return (
    <View className='group-share' data-testid='group-share'>
      <Text className='group-share__title'>邀请好友</Text>
      <Text className='group-share__hint'>{hint}，把链接发给好友</Text>
      <View className='group-share__row'>
        <Text className='group-share__link' data-testid='group-share-link' userSelect>
          {link}
        </Text>
        <Button className='group-share__copy' data-testid='group-copy-link' onClick={copy}>
          复制链接
        </Button>
      </View>
    </View>
  )
}
