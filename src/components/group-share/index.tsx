import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { isH5 } from '../../utils/platform'
import ShareSheet, { h5Link } from '../share-sheet'
import './index.scss'

export { h5Link }

interface Props {
  /** The group page's path with its id: /packages/groupbuy/group/index?id=… */
  path: string
  /** Seats left, for the call to action. */
  seatsLeft: number
}

/**
 * 邀请好友, for a member of the group: on weapp a share button (the page's
 * useShareAppMessage answers the card with the group's path); on H5 a share
 * sheet with the group link's QR code and 复制链接.
 */
export default function GroupShare({ path, seatsLeft }: Props) {
  const [open, setOpen] = useState(false)
  const hint = seatsLeft > 0 ? `还差 ${seatsLeft} 人，邀请好友一起拼` : '邀请好友一起拼'
  return (
    <View className='group-share' data-testid='group-share'>
      <Text className='group-share__hint'>{hint}</Text>
      {isH5() ? (
        <Button className='group-share__invite' data-testid='group-invite' onClick={() => setOpen(true)}>
          邀请好友
        </Button>
      ) : (
        <Button className='group-share__invite' openType='share' data-testid='group-invite'>
          邀请好友
        </Button>
      )}
      {isH5() ? <ShareSheet visible={open} title='邀请好友参团' note={hint} path={path} onClose={() => setOpen(false)} /> : null}
    </View>
  )
}
