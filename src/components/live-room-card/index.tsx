import { Button, Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import type { LiveRoomView } from '../../core/contracts/live'
import { formatPrice } from '../../core/money'
import CloudImage from '../cloud-image'
import './index.scss'

export interface LiveRoomCardProps {
  room: LiveRoomView
  onOpen: () => void
  /** 提醒我 on an upcoming room; absent elsewhere. */
  onRemind?: () => void
  reminding?: boolean
}

const BADGES: Record<LiveRoomView['status'], string> = { live: '直播中', upcoming: '预告', ended: '回放' }

/** One live room: cover with its state, title, anchor, time, a strip of its goods, and 提醒我 before it starts. */
export default function LiveRoomCard({ room, onOpen, onRemind, reminding }: LiveRoomCardProps) {
  const when =
    room.status === 'upcoming'
      ? `${dayjs(room.startAt).format('M月D日 HH:mm')} 开播`
      : room.status === 'live'
        ? `${dayjs(room.startAt).format('HH:mm')} 开播`
        : `${dayjs(room.startAt).format('M月D日 HH:mm')} 直播回放`
  return (
    <View className='live-room-card' data-testid='live-room-card' data-room={room.roomId}>
      <View className='live-room-card__cover' onClick={onOpen}>
        {room.cover ? <CloudImage className='live-room-card__image' src={room.cover} mode='aspectFill' lazyLoad /> : <View className='live-room-card__image live-room-card__image--blank' />}
        <Text className={`live-room-card__badge live-room-card__badge--${room.status}`}>{BADGES[room.status]}</Text>
      </View>
      <View className='live-room-card__body'>
        <Text className='live-room-card__title' onClick={onOpen}>
          {room.title}
        </Text>
        <Text className='live-room-card__meta'>{`${room.anchorName} · ${when}`}</Text>
        {room.goods.length > 0 ? (
          <View className='live-room-card__goods' onClick={onOpen}>
            {room.goods.slice(0, 3).map((g) => (
              <View key={g.productId} className='live-room-card__good'>
                {g.image ? <CloudImage className='live-room-card__good-image' src={g.image} mode='aspectFill' lazyLoad /> : <View className='live-room-card__good-image' />}
                <Text className='live-room-card__good-price'>{formatPrice(g.price)}</Text>
              </View>
            ))}
            {room.goods.length > 3 ? <Text className='live-room-card__more'>{`共 ${room.goods.length} 件`}</Text> : null}
          </View>
        ) : null}
        <View className='live-room-card__actions'>
          {room.status === 'upcoming' ? (
            <Button
              className={`live-room-card__remind${room.reminded ? ' live-room-card__remind--done' : ''}`}
              data-testid='live-remind'
              disabled={room.reminded || reminding || !onRemind || undefined}
              onClick={onRemind}
            >
              {room.reminded ? '已设提醒' : reminding ? '设置中…' : '提醒我'}
            </Button>
          ) : (
            <Button className='live-room-card__enter' data-testid='live-enter' onClick={onOpen}>
              {room.status === 'live' ? '进入直播间' : '看回放'}
            </Button>
          )}
        </View>
      </View>
    </View>
  )
}
