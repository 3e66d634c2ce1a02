import { Button, Text, View } from '@tarojs/components'
import { formatPrice } from '../../../core/money'
import type { FlashSaleView } from '../../../core/contracts/flashsale'
import type { BuyRefusal } from './use-buy'

export type BuyBlock = 'scheduled' | 'soldOut' | 'limit' | 'ended' | null

/** Why 立即抢购 is off now, from the sale as read and the last refusal (the server checks again). */
export function buyBlock(sale: FlashSaleView, refusal: BuyRefusal | null): BuyBlock {
  if (refusal === 'ENDED' || sale.state === 'ENDED') return 'ended'
  if (refusal === 'SOLD_OUT' || sale.state === 'SOLD_OUT' || (sale.state === 'LIVE' && sale.remaining <= 0)) return 'soldOut'
  if (refusal === 'LIMIT_EXCEEDED' || sale.myCount >= sale.perMemberLimit) return 'limit'
  if (sale.state === 'SCHEDULED') return 'scheduled'
  return null
}

const BLOCK_LABELS: Record<Exclude<BuyBlock, null>, string> = {
  scheduled: '即将开抢',
  soldOut: '已抢光',
  limit: '已达限购',
  ended: '已结束'
}

interface Props {
  sale: FlashSaleView
  block: BuyBlock
  buying: boolean
  reminding: boolean
  onBuy: () => void
  onRemind: () => void
}

/** The bar at the bottom: 提醒我 before the start, and 立即抢购 (or why not). */
export default function BuyBar({ sale, block, buying, reminding, onBuy, onRemind }: Props) {
  const off = buying || block !== null
  const remindable = sale.state === 'SCHEDULED'
  return (
    <View className='flash-detail__bar'>
      {remindable ? (
        <Button
          className={`flash-detail__remind${sale.reminded ? ' flash-detail__remind--done' : ''}`}
          data-testid='flash-remind'
          disabled={sale.reminded || reminding || undefined}
          loading={reminding}
          onClick={() => !sale.reminded && !reminding && onRemind()}
        >
          <>{sale.reminded ? '已设提醒' : '提醒我'}</>
        </Button>
      ) : (
        <View className='flash-detail__bar-price'>
          <Text className='flash-detail__bar-label'>秒杀价</Text>
          <Text className='flash-detail__bar-value'>{formatPrice(sale.salePrice)}</Text>
        </View>
      )}
      <Button
        className={`flash-detail__buy${off ? ' flash-detail__buy--off' : ''}`}
        data-testid='flash-buy'
        disabled={off || undefined}
        loading={buying}
        onClick={() => !off && onBuy()}
      >
        {/* A label that changes goes in a fragment: as the Button's only child, React would replace its text with
            textContent, wiping the nodes Taro's H5 Button keeps beside it; its loading icon then has nowhere to go
            (NotFoundError: insertBefore). In a fragment it is a text node React updates in place. */}
        <>{block ? BLOCK_LABELS[block] : buying ? '抢购中…' : '立即抢购'}</>
      </Button>
    </View>
  )
}
