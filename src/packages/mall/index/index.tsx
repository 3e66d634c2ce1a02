import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useState } from 'react'
import StateView from '../../../components/state-view'
import Skeleton from '../../../components/skeleton'
import MallItemCard from '../../../components/mall-item-card'
import LoadMore from '../../../components/load-more'
import { mallItemUrl } from '../../../components/mall-entries/links'
import type { MallItemView } from '../../../core/contracts/mall'
import type { MallItemKind } from '../../../core/mall/types'
import { usePointsBalance } from '../shared/use-points-balance'
import PointsHeader from './points-header'
import { useMallItems } from './use-mall-items'
import './index.scss'

const KINDS: Array<{ key: MallItemKind | undefined; label: string }> = [
  { key: undefined, label: '全部' },
  { key: 'goods', label: '实物好礼' },
  { key: 'coupon', label: '优惠券' }
]

/** 积分商城: my points, then the items to redeem. */
export default function MallPage() {
  const [kind, setKind] = useState<MallItemKind | undefined>(undefined)
  const { state, reload, loadMore } = useMallItems(kind)
  const balance = usePointsBalance()

  // Every showing: the balance and stock may have changed (a redemption, a check-in).
  useDidShow(() => {
    void balance.reload()
    if (state.status === 'ready') void reload(true)
  })
  usePullDownRefresh(() => {
    void Promise.all([balance.reload(), reload(true)]).finally(() => void Taro.stopPullDownRefresh())
  })
  useReachBottom(() => void loadMore())

  const open = (item: MallItemView) => void Taro.navigateTo({ url: mallItemUrl(item.itemId) })

  return (
    <View className='mall'>
      <PointsHeader balance={balance.state} onRetry={() => void balance.reload()} />
      <View className='mall__kinds'>
        {KINDS.map((item) => (
          <Text
            key={item.label}
            className={`mall__kind${item.key === kind ? ' mall__kind--on' : ''}`}
            data-testid={`mall-kind-${item.key ?? 'all'}`}
            onClick={() => item.key !== kind && setKind(item.key)}
          >
            {item.label}
          </Text>
        ))}
      </View>

      {state.status === 'loading' ? <Skeleton layout='grid' /> : null}
      {state.status === 'error' ? <StateView state='error' message={state.error ?? undefined} onRetry={() => void reload()} /> : null}
      {state.status === 'ready' && state.items.length === 0 ? <StateView state='empty' message='好礼正在上架中，稍后再来看看' /> : null}
      {state.status === 'ready' && state.items.length > 0 ? (
        <>
          <View className='mall__grid'>
            {state.items.map((item) => (
              <View key={item.itemId} className='mall__cell'>
                <MallItemCard item={item} onClick={open} />
              </View>
            ))}
          </View>
          <LoadMore hasMore={state.hasMore} loading={state.loadingMore} onRetry={() => void loadMore()} />
        </>
      ) : null}
    </View>
  )
}
