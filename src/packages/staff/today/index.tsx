import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import dayjs from 'dayjs'
import { useCallback, useEffect, useState } from 'react'
import { call } from '../../../api'
import StateView from '../../../components/state-view'
import type { MyDayEntryView, MyDayKind } from '../../../core/contracts/staff-admin'
import { dayResultLabel } from './result'
import { useAsync } from '../../../utils/use-async'
import './index.scss'

const loadStores = () => call('staff', 'myStores', {})

const KIND_LABELS: Record<MyDayKind, string> = { pickup: '自提核销', coupon: '券核销', purchase: '消费积分' }
const TARGET_LABELS: Record<MyDayKind, string> = { pickup: '订单', coupon: '券码', purchase: '小票' }

/** 今日核销: what I verified at this store today (Asia/Shanghai): pickups, coupons, in-store purchases, with counts. */
export default function StaffTodayPage() {
  const stores = useAsync(loadStores)
  const [storeId, setStoreId] = useState<string | null>(null)
  const list = stores.status === 'ready' ? stores.data.stores : []
  useEffect(() => {
    if (!storeId && list.length > 0) setStoreId(list[0].storeId)
  }, [storeId, list])
  const loadDay = useCallback(() => (storeId ? call('staff', 'myDay', { storeId }) : Promise.resolve(null)), [storeId])
  const day = useAsync(loadDay, false)
  const { reload } = day
  useEffect(() => {
    if (storeId) void reload()
  }, [storeId, reload])
  useDidShow(() => {
    if (storeId) void reload()
  })
  usePullDownRefresh(() => {
    void reload().finally(() => void Taro.stopPullDownRefresh())
  })

  if (stores.status === 'loading') return <StateView state='loading' />
  if (stores.status === 'error') return <StateView state='error' message={stores.message} onRetry={() => void stores.reload()} />
  if (list.length === 0) return <StateView state='empty' message='你还不是任何门店的店员，请联系运营开通' />

  return (
    <View className='staff-today'>
      {list.length > 1 ? (
        <View className='staff-today__stores'>
          {list.map((store) => (
            <Text
              key={store.storeId}
              className={`staff-today__store${store.storeId === storeId ? ' staff-today__store--on' : ''}`}
              data-testid={`today-store-${store.storeId}`}
              onClick={() => setStoreId(store.storeId)}
            >
              {store.name}
            </Text>
          ))}
        </View>
      ) : (
        <Text className='staff-today__store-name'>{list[0].name}</Text>
      )}
      {day.status === 'loading' ? <StateView state='loading' /> : null}
      {day.status === 'error' ? <StateView state='error' message={day.message} onRetry={() => void reload()} /> : null}
      {day.status === 'ready' && day.data ? (
        <View>
          <View className='staff-today__counts' data-testid='today-counts'>
            {(['pickup', 'coupon', 'purchase'] as const).map((kind) => (
              <View key={kind} className='staff-today__count' data-testid={`today-count-${kind}`}>
                <Text className='staff-today__number'>{day.data!.counts[kind]}</Text>
                <Text className='staff-today__label'>{KIND_LABELS[kind]}</Text>
              </View>
            ))}
          </View>
          <Text className='staff-today__day'>{day.data.day} · 仅显示你本人的记录</Text>
          {day.data.items.length === 0 ? <StateView state='empty' message='今天还没有核销记录' /> : null}
          {day.data.items.map((entry) => (
            <DayRow key={entry.id} entry={entry} />
          ))}
        </View>
      ) : null}
    </View>
  )
}

function DayRow({ entry }: { entry: MyDayEntryView }) {
  const result = dayResultLabel(entry.result)
  return (
    <View className='staff-today__row' data-testid={`today-row-${entry.id}`}>
      <View className='staff-today__row-head'>
        <Text className='staff-today__kind'>{KIND_LABELS[entry.kind]}</Text>
        <Text className={`staff-today__result staff-today__result--${result.tone}`}>{result.label}</Text>
      </View>
      <Text className='staff-today__line'>
        {TARGET_LABELS[entry.kind]} {entry.target}
      </Text>
      <Text className='staff-today__line'>{dayjs(entry.at).format('HH:mm:ss')}</Text>
    </View>
  )
}
