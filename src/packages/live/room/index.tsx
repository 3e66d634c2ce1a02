import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import dayjs from 'dayjs'
import { useCallback } from 'react'
import { call } from '../../../api'
import StateView from '../../../components/state-view'
import { formatPrice } from '../../../core/money'
import { useAsync } from '../../../utils/use-async'
import { isWeapp } from '../../../utils/platform'
import { enterRoom, liveProductUrl } from '../shared/enter'
import { useLiveRemind } from '../shared/use-remind'
import CloudImage from '../../../components/cloud-image'
import './index.scss'

const STATUS_TEXT = { live: '直播中', upcoming: '即将开播', ended: '已结束' } as const

/** A live room: on H5 its detail and goods (去购买 carries the room for attribution); on weapp also 进入直播间 (the plugin). */
export default function LiveRoomPage() {
  const { params } = useRouter()
  const roomId = (params.id ?? '').trim()
  const sharer = params.sharer ?? null
  const load = useCallback(() => call('live', 'get', { roomId }), [roomId])
  const detail = useAsync(load)
  const { remind, pending } = useLiveRemind(() => void detail.reload())

  if (!roomId) return <StateView state='empty' message='直播间不存在' />
  if (detail.status === 'loading') return <StateView state='loading' />
  if (detail.status === 'error') return <StateView state='error' message={detail.message} onRetry={() => void detail.reload()} />

  const { room } = detail.data
  return (
    <View className='live-room'>
      <View className='live-room__hero'>
        {room.cover ? <CloudImage className='live-room__cover' src={room.cover} mode='aspectFill' /> : <View className='live-room__cover live-room__cover--blank' />}
        <View className='live-room__shade'>
          <Text className={`live-room__status live-room__status--${room.status}`} data-testid='live-room-status'>
            {STATUS_TEXT[room.status]}
          </Text>
          <Text className='live-room__title'>{room.title}</Text>
          <Text className='live-room__meta'>{`主播 ${room.anchorName} · ${dayjs(room.startAt).format('M月D日 HH:mm')} - ${dayjs(room.endAt).format('HH:mm')}`}</Text>
        </View>
      </View>
      <View className='live-room__actions'>
        {room.status === 'upcoming' ? (
          <Button className='live-room__primary' data-testid='live-room-remind' disabled={room.reminded || pending !== null || undefined} onClick={() => void remind(room.roomId)}>
            {room.reminded ? '已设提醒' : pending ? '设置中…' : '开播提醒我'}
          </Button>
        ) : isWeapp() && (room.status === 'live' || room.hasReplay) ? (
          <Button className='live-room__primary' onClick={() => enterRoom(room.roomId, sharer)}>
            {room.status === 'live' ? '进入直播间' : '看回放'}
          </Button>
        ) : (
          <Text className='live-room__hint'>{room.status === 'live' ? '直播进行中，请在微信小程序内观看' : room.hasReplay ? '回放请在微信小程序内观看' : '本场直播已结束'}</Text>
        )}
      </View>
      <Text className='live-room__section'>{`直播商品（${room.goods.length}）`}</Text>
      {room.goods.length === 0 ? <StateView state='empty' message='这场直播还没有上架商品' /> : null}
      {room.goods.map((g) => (
        <View key={g.productId} className='live-room__good' data-testid='live-good'>
          {g.image ? <CloudImage className='live-room__good-image' src={g.image} mode='aspectFill' lazyLoad /> : <View className='live-room__good-image' />}
          <View className='live-room__good-body'>
            <Text className='live-room__good-name'>{g.name}</Text>
            <Text className='live-room__good-price'>{formatPrice(g.price)}</Text>
          </View>
          <Button className='live-room__buy' data-testid='live-buy' onClick={() => void Taro.navigateTo({ url: liveProductUrl(g.productId, room.roomId) })}>
            去购买
          </Button>
        </View>
      ))}
    </View>
  )
}
