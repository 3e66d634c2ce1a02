import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import { opsStockUrl } from '../../../components/ops-entry/links'
import StateView from '../../../components/state-view'
import NoAccess from '../shared/no-access'
import OperatorGate from '../shared/operator-gate'
import AdjustForm from './adjust-form'
import LedgerTimeline from './ledger-timeline'
import { useLowStock, useSkuLedger } from './use-stock'
import '../shared/ops.scss'
import './index.scss'

/**
 * 库存: without an id the low-stock list (库存预警); with `?id=<skuId>` that
 * SKU's stock, an adjustment form and its ledger.
 */
export default function OpsStockPage() {
  const skuId = (useRouter().params.id ?? '').trim()
  return <OperatorGate>{skuId ? <SkuStock skuId={skuId} /> : <LowStockList />}</OperatorGate>
}

function LowStockList() {
  const { state, reload } = useLowStock()
  usePullDownRefresh(() => {
    void reload().finally(() => void Taro.stopPullDownRefresh())
  })
  return (
    <View className='ops-page ops-stock'>
      {state.status === 'loading' ? <StateView state='loading' /> : null}
      {state.status === 'denied' ? <NoAccess /> : null}
      {state.status === 'error' ? <StateView state='error' message={state.message} onRetry={() => void reload()} /> : null}
      {state.status === 'ready' ? (
        <>
          <Text className='ops-stock__note' data-testid='low-stock-threshold'>
            库存不超过 {state.threshold} 件的规格
          </Text>
          {state.items.length === 0 ? (
            <StateView state='empty' message='库存都很充足，没有需要补货的规格' />
          ) : (
            <View className='ops-card ops-stock__list'>
              {state.items.map((item) => (
                <View
                  key={item.skuId}
                  className='ops-stock__row'
                  data-testid={`low-stock-${item.skuId}`}
                  onClick={() => void Taro.navigateTo({ url: opsStockUrl(item.skuId) })}
                >
                  <View className='ops-stock__names'>
                    <Text className='ops-stock__product'>{item.productName}</Text>
                    <Text className='ops-stock__spec'>{item.skuName}</Text>
                  </View>
                  <Text className={`ops-stock__count${item.stock === 0 ? ' ops-stock__count--out' : ''}`}>
                    {item.stock === 0 ? '已售罄' : `剩 ${item.stock}`}
                  </Text>
                  <Text className='ops-stock__go'>流水 ›</Text>
                </View>
              ))}
            </View>
          )}
        </>
      ) : null}
    </View>
  )
}

function SkuStock({ skuId }: { skuId: string }) {
  const { state, reload, loadMore } = useSkuLedger(skuId)
  usePullDownRefresh(() => {
    void reload(true).finally(() => void Taro.stopPullDownRefresh())
  })
  useReachBottom(() => void loadMore())

  if (state.status === 'loading') return <StateView state='loading' />
  if (state.status === 'denied') return <NoAccess />
  if (state.status === 'error') return <StateView state='error' message={state.message} onRetry={() => void reload()} />
  const { sku } = state
  return (
    <View className='ops-page ops-stock ops-stock--sku'>
      <View className='ops-card ops-stock__summary' data-testid='stock-summary'>
        <Text className='ops-stock__product'>{sku.productName}</Text>
        <Text className='ops-stock__spec'>{sku.skuName}</Text>
        <View className='ops-stock__figures'>
          <View className='ops-stock__figure'>
            <Text className='ops-stock__figure-value' data-testid='stock-current'>
              {sku.stock}
            </Text>
            <Text className='ops-stock__figure-label'>当前库存</Text>
          </View>
          <View className='ops-stock__figure'>
            <Text className='ops-stock__figure-value'>{sku.sold}</Text>
            <Text className='ops-stock__figure-label'>已售</Text>
          </View>
        </View>
      </View>
      <View className='ops-stock__columns'>
        <AdjustForm skuId={sku.skuId} stock={sku.stock} onAdjusted={() => void reload(true)} />
        <LedgerTimeline
          entries={state.entries}
          hasMore={state.nextCursor !== null}
          loading={state.more === 'loading'}
          failed={state.more === 'error'}
          onMore={() => void loadMore()}
        />
      </View>
    </View>
  )
}
