import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useMemo, useRef, useState } from 'react'
import FlashSaleCard, { flashSaleUrl } from '../../../components/flash-sale-card'
import StateView from '../../../components/state-view'
import Skeleton from '../../../components/skeleton'
import { firstTab, SALE_TABS, salesOfTab, type SaleTabKey } from './tabs'
import { useSales } from './use-sales'
import './index.scss'

/** 限时秒杀: 正在疯抢 / 即将开抢, each sale with its countdown. */
export default function FlashSaleListPage() {
  const { params } = useRouter()
  const { state, reload } = useSales()
  const [chosen, setChosen] = useState<SaleTabKey | null>(null)
  const opened = useRef(false)

  useDidShow(() => {
    if (opened.current) void reload(true)
    opened.current = true
  })
  usePullDownRefresh(() => {
    void reload(true).finally(() => void Taro.stopPullDownRefresh())
  })

  const sales = state.status === 'ready' ? state.sales : []
  const tab = chosen ?? firstTab(sales, params.tab)
  const shown = useMemo(() => salesOfTab(sales, tab), [sales, tab])
  const counts = useMemo(() => ({ live: salesOfTab(sales, 'live').length, upcoming: salesOfTab(sales, 'upcoming').length }), [sales])
  const tabInfo = SALE_TABS.find((t) => t.key === tab)!

  return (
    <View className='flash-list'>
      <View className='flash-list__hero'>
        <Text className='flash-list__hero-title'>限时秒杀</Text>
        <Text className='flash-list__hero-note'>整点开抢 · 限量特价 · 先付先得</Text>
      </View>
      <View className='flash-list__tabs'>
        {SALE_TABS.map((item) => (
          <View
            key={item.key}
            className={`flash-list__tab${item.key === tab ? ' flash-list__tab--on' : ''}`}
            data-testid={`flash-tab-${item.key}`}
            onClick={() => setChosen(item.key)}
          >
            <Text>{item.label}</Text>
            {state.status === 'ready' ? <Text className='flash-list__tab-count'>{counts[item.key]}</Text> : null}
          </View>
        ))}
      </View>

      {state.status === 'loading' ? <Skeleton layout='list' /> : null}
      {state.status === 'error' ? <StateView state='error' message={state.message} onRetry={() => void reload()} /> : null}
      {state.status === 'ready' && shown.length === 0 ? (
        <StateView
          state='empty'
          message={tabInfo.empty}
          actionText={tab === 'live' && counts.upcoming > 0 ? '看看即将开抢' : undefined}
          onAction={() => setChosen('upcoming')}
        />
      ) : null}
      {shown.length > 0 ? (
        <View className='flash-list__items'>
          {shown.map((sale) => (
            <FlashSaleCard
              key={sale.saleId}
              sale={sale}
              onOpen={(s) => void Taro.navigateTo({ url: flashSaleUrl(s.saleId) })}
              onTimeUp={() => void reload(true)}
            />
          ))}
        </View>
      ) : null}
    </View>
  )
}
