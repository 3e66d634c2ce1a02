import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import dayjs from 'dayjs'
import { useCallback } from 'react'
import { call } from '../../../api'
import StateView from '../../../components/state-view'
import type { GuideCustomerView } from '../../../core/contracts/guide'
import { useAsync } from '../../../utils/use-async'
import './index.scss'

/** 我的顾客: the customers bound to me at a store, newest first: masked nickname, tier, tags, last purchase. */
export default function GuideCustomersPage() {
  const { params } = useRouter()
  const storeId = params.storeId ? decodeURIComponent(params.storeId) : undefined
  const load = useCallback(() => call('guide', 'myCustomers', storeId ? { storeId, limit: 100 } : { limit: 100 }), [storeId])
  const list = useAsync(load)
  usePullDownRefresh(() => {
    void list.reload().finally(() => void Taro.stopPullDownRefresh())
  })

  if (list.status === 'loading') return <StateView state='loading' />
  if (list.status === 'error') return <StateView state='error' message={list.message} onRetry={() => void list.reload()} />
  const { items, total, storeName } = list.data
  return (
    <View className='guide-customers'>
      <Text className='guide-customers__head' data-testid='guide-customers-total'>
        {storeName} · 共 {total} 位专属顾客
      </Text>
      {items.length === 0 ? <StateView state='empty' message='还没有专属顾客，请顾客扫你的导购码' /> : null}
      {items.map((c) => (
        <CustomerRow key={c.key} customer={c} />
      ))}
      {total > items.length ? <Text className='guide-customers__more'>仅显示最近绑定的 {items.length} 位</Text> : null}
    </View>
  )
}

function CustomerRow({ customer }: { customer: GuideCustomerView }) {
  return (
    <View className='guide-customers__row' data-testid='guide-customer-row'>
      <View className='guide-customers__row-head'>
        <Text className='guide-customers__name'>{customer.nickname}</Text>
        <Text className={`guide-customers__tier${customer.isMember ? '' : ' guide-customers__tier--none'}`}>{customer.tierName ?? '未入会'}</Text>
      </View>
      {customer.tags.length > 0 ? (
        <View className='guide-customers__tags'>
          {customer.tags.map((tag) => (
            <Text key={tag} className='guide-customers__tag'>
              {tag}
            </Text>
          ))}
        </View>
      ) : null}
      <Text className='guide-customers__line'>
        {customer.lastPurchaseAt ? `最近购买 ${dayjs(customer.lastPurchaseAt).format('YYYY-MM-DD')}` : '还没有购买'} · 绑定于 {dayjs(customer.boundAt).format('YYYY-MM-DD')}
      </Text>
    </View>
  )
}
