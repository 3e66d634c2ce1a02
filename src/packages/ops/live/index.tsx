import { Text, View } from '@tarojs/components'
import { useCallback } from 'react'
import { call } from '../../../api'
import StateView from '../../../components/state-view'
import { formatPrice } from '../../../core/money'
import NoAccess from '../shared/no-access'
import OperatorGate from '../shared/operator-gate'
import { useRefreshOnShow } from '../shared/use-refresh-on-show'
import { useLive } from '../shared/use-live'
import RoomSalesRow from './room-sales-row'
import '../shared/ops.scss'

/** 直播间销售: paid orders and amount attributed to each live room. */
export default function OpsLivePage() {
  return (
    <OperatorGate>
      <OpsLive />
    </OperatorGate>
  )
}

function OpsLive() {
  const load = useCallback(async () => (await call('live', 'salesByRoom', {})).rooms, [])
  const { state, reload, retry } = useLive(load, null)
  // The first show is the mount (useLive reads then); later shows refresh.
  useRefreshOnShow(reload)

  if (state.status === 'loading') return <StateView state='loading' />
  if (state.status === 'denied') return <NoAccess />
  if (state.status === 'error') return <StateView state='error' message={state.message} onRetry={() => void retry()} />
  const rooms = state.data
  if (rooms.length === 0) return <StateView state='empty' message='还没有直播间' />
  const total = rooms.reduce((sum, room) => sum + room.paidAmount, 0)
  return (
    <View className='ops-page ops-home__list'>
      {state.stale ? <Text className='ops-stale'>刷新失败，显示的是之前的数据</Text> : null}
      <View className='ops-card'>
        <Text className='ops-card__title'>全部直播间</Text>
        <View className='ops-info__row'>
          <Text className='ops-info__key'>支付订单</Text>
          <Text className='ops-info__value'>{rooms.reduce((sum, room) => sum + room.orders, 0)}</Text>
        </View>
        <View className='ops-info__row'>
          <Text className='ops-info__key'>实付金额</Text>
          <Text className='ops-info__value' data-testid='ops-live-total'>{formatPrice(total)}</Text>
        </View>
      </View>
      {rooms.map((room) => (
        <RoomSalesRow key={room.roomId} room={room} />
      ))}
    </View>
  )
}
