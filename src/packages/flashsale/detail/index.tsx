import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import QuantityStepper from '../../../components/quantity-stepper'
import { formatPrice } from '../../../core/money'
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
import PosterEntry from '../../../components/poster-entry'
import { withSharer } from '../../../utils/invite'
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
  const [quantity, setQuantity] = useState(1)
  const loaded = state.status === 'ready' ? state.sale : null
  // What this member may still take: the per-member limit less what they hold, and no more than is left.
  const canTake = loaded ? Math.max(0, Math.min(loaded.perMemberLimit - loaded.myCount, loaded.state === 'LIVE' ? loaded.remaining : loaded.perMemberLimit)) : 0
  useEffect(() => {
    setQuantity((q) => Math.max(1, Math.min(q, canTake)))
  }, [canTake])

  useShareAppMessage(() => ({
    title: loaded ? `${formatPrice(loaded.salePrice)} 秒杀「${loaded.title || loaded.productName}」` : '限时秒杀',
    path: withSharer(`/packages/flashsale/detail/index?id=${encodeURIComponent(saleId)}`),
    imageUrl: loaded?.image ?? undefined
  }))

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
      <PosterEntry kind='flashsale' id={sale.saleId} />
      {buyable ? (
        <View className='flash-detail__card' data-testid='flash-pickup'>
          <Text className='flash-detail__pickup-label'>到店自提</Text>
          <StorePicker pickup={pickup} disabled={buying} note='抢到并支付后，凭取货码到所选门店取货' />
        </View>
      ) : null}
      {buyable && state.sale.perMemberLimit > 1 ? (
        <View className='flash-detail__card flash-detail__quantity' data-testid='flash-quantity'>
          <View className='flash-detail__quantity-text'>
            <Text className='flash-detail__pickup-label'>购买数量</Text>
            <Text className='flash-detail__quantity-note'>
              每人限购 {state.sale.perMemberLimit} 件{state.sale.myCount > 0 ? `，已抢 ${state.sale.myCount} 件` : ''}
            </Text>
          </View>
          <QuantityStepper
            value={quantity}
            min={1}
            max={Math.max(1, canTake)}
            disabled={buying || canTake <= 1}
            onChange={setQuantity}
            onLimit={() => void Taro.showToast({ title: canTake < state.sale.perMemberLimit - state.sale.myCount ? `只剩 ${canTake} 件了` : `每人限购 ${state.sale.perMemberLimit} 件`, icon: 'none' })}
          />
        </View>
      ) : null}
      <BuyBar
        sale={sale}
        block={block}
        buying={buying}
        reminding={reminding}
        onBuy={() => void buy(pickup.chosen?.storeId ?? null, quantity)}
        onRemind={() => void remind()}
      />
    </View>
  )
}
