import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import QrCode from '../qr-code'
import './index.scss'

/** The full address of a page path in the H5 app, on the origin the page itself was opened from. */
export function h5Link(path: string): string {
  const origin = typeof window !== 'undefined' && window.location ? window.location.origin : ''
  return `${origin}${path}`
}

interface Props {
  visible: boolean
  title: string
  /** A line under the title (seats left, the price). */
  note?: string
  /** The page path to share, e.g. /packages/groupbuy/group/index?id=… */
  path: string
  onClose: () => void
}

/** H5 分享: the link as a QR code to scan with a phone, and 复制链接 to paste into a chat. */
export default function ShareSheet({ visible, title, note, path, onClose }: Props) {
  if (!visible) return null
  const link = h5Link(path)
  const copy = () => {
    // Taro's setClipboardData says 内容已复制 itself.
    Taro.setClipboardData({ data: link }).catch(() => Taro.showToast({ title: '复制失败，请长按链接复制', icon: 'none' }))
  }
  return (
    <View className='share-sheet' data-testid='share-sheet'>
      <View className='share-sheet__mask' onClick={onClose} />
      <View className='share-sheet__panel'>
        <Text className='share-sheet__title'>{title}</Text>
        {note ? <Text className='share-sheet__note'>{note}</Text> : null}
        <View className='share-sheet__qr'>
          <QrCode text={link} testId='share-qr' />
        </View>
        <Text className='share-sheet__hint'>好友用微信或相机扫码即可打开</Text>
        <Text className='share-sheet__link' data-testid='share-link' userSelect>
          {link}
        </Text>
        <View className='share-sheet__actions'>
          <Button className='share-sheet__button' onClick={onClose}>
            关闭
          </Button>
          <Button className='share-sheet__button share-sheet__button--primary' data-testid='share-copy' onClick={copy}>
            复制链接
          </Button>
        </View>
      </View>
    </View>
  )
}
