import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useCallback, useRef } from 'react'
import StateView from '../../../components/state-view'
import StorePicker, { usePickupStores } from '../../../components/store-picker'
import { FLASH_LIST_URL } from '../../../components/flash-sale-card'
import { productUrl } from '../../../utils/routes'
import BuyBar, { buyBlock } from './buy-bar'
import PriceBand from './price-band'
import SaleInfo from './sale-info'
import { useBuy } from './use-buy'
import { useRemind } from './use-remind'
import { useSale } from './use-sale'
import CloudImage from '../../../components/cloud-image'
import './index.scss'

/** 秒杀详情: the sale, its countdown to the start or the end, 提醒我 and 立即抢购. */
export default function FlashSaleDetailPage() {
  const saleId = (useRouter().params.id ?? '').trim()
  const { state, reload, patch } = useSale(saleId)
  const refresh = useCallback(() => void reload(true), [reload])
  const { buy, pending: buying, refusal, clearRefusal } = useBuy({ saleId, reload: refresh })
  const onReminded = useCallback(() => patch({ reminded: true }), [patch])
  const { remind, pending: reminding } = useRemind({ saleId, onReminded, reload: refresh })
  const buyable = state.status === 'ready' && (state.sale.state === 'LIVE' || state.sale.state === 'SCHEDULED')
  const pickup = usePickupStores(buyable)

  const opened = useRef(false)
  useDidShow(() => {
    // Back from the order page (paid, or cancelled): what is left and the member's count changed.
    if (opened.current) {
      clearRefusal()
      refresh()
    }
    opened.current = true
  })
  usePullDownRefresh(() => {
    clearRefusal()
    void reload(true).finally(() => void Taro.stopPullDownRefresh())
  })

  if (state.status === 'loading') return <StateView state='loading' />
  if (state.status === 'error') return <StateView state='error' message={state.message} onRetry={() => void reload()} />
  if (state.status === 'missing') {
    return <StateView state='empty' message={state.message} actionText='看看其他秒杀' onAction={() => void Taro.redirectTo({ url: FLASH_LIST_URL })} />
  }

  const { sale } = state
  const block = buyBlock(sale, refusal)

  return (
    <View className='flash-detail'>
      <View className='flash-detail__media'>
        {sale.image ? <CloudImage className='flash-detail__image' src={sale.image} mode='aspectFill' /> : <View className='flash-detail__image flash-detail__image--blank' />}
        {sale.state === 'SOLD_OUT' || sale.state === 'ENDED' ? (
          <View className='flash-detail__veil'>
            <Text className='flash-detail__veil-text'>{sale.state === 'SOLD_OUT' ? '已抢光' : '已结束'}</Text>
          </View>
        ) : null}
      </View>
      <PriceBand sale={sale} onTimeUp={refresh} />
      <SaleInfo sale={sale} onProduct={() => void Taro.navigateTo({ url: productUrl(sale.productId) })} />
      {buyable ? (
        <View className='flash-detail__card' data-testid='flash-pickup'>
          <Text className='flash-detail__pickup-label'>到店自提</Text>
          <StorePicker pickup={pickup} disabled={buying} note='抢到并支付后，凭取货码到所选门店取货' />
        </View>
      ) : null}
      <BuyBar
        sale={sale}
        block={block}
        buying={buying}
        reminding={reminding}
        onBuy={() => void buy(pickup.chosen?.storeId ?? null)}
        onRemind={() => void remind()}
      />
    </View>
  )
}
