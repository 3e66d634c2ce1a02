import { Text, View } from '@tarojs/components'
import type { FlashSaleView } from '../../core/contracts/flashsale'
import FlashCountdown from '../flash-countdown'
import Price from '../price'
import { discountLabel, soldPercent } from './state'
import CloudImage from '../cloud-image'
import './index.scss'

export interface FlashSaleCardProps {
  sale: FlashSaleView
  onOpen: (sale: FlashSaleView) => void
  /** A countdown on the card reached zero: the list should read the sales again. */
  onTimeUp?: () => void
}

const ACTION_LABELS = { SCHEDULED: '即将开抢', LIVE: '马上抢', SOLD_OUT: '已抢光', ENDED: '已结束' } as const

/** A sale in a list: image, title, the sale price against the list price, how much is taken, a countdown and its state. */
export default function FlashSaleCard({ sale, onOpen, onTimeUp }: FlashSaleCardProps) {
  const percent = soldPercent(sale)
  const off = discountLabel(sale)
  const closed = sale.state === 'SOLD_OUT' || sale.state === 'ENDED'
  return (
    <View className={`flash-card${closed ? ' flash-card--closed' : ''}`} data-testid={`flash-card-${sale.saleId}`} onClick={() => onOpen(sale)}>
      <View className='flash-card__media'>
        {sale.image ? <CloudImage className='flash-card__image' src={sale.image} mode='aspectFill' lazyLoad /> : <View className='flash-card__image flash-card__image--blank' />}
        {off ? <Text className='flash-card__off'>{off}</Text> : null}
      </View>
      <View className='flash-card__body'>
        <Text className='flash-card__title'>{sale.title}</Text>
        <Text className='flash-card__sku'>{sale.skuName}</Text>
        {sale.state === 'SCHEDULED' ? (
          <FlashCountdown deadline={sale.startAt} prefix='距开抢' farLabel='开抢' onEnd={onTimeUp} />
        ) : sale.state === 'LIVE' ? (
          <FlashCountdown deadline={sale.endAt} prefix='距结束' farLabel='结束' onEnd={onTimeUp} />
        ) : null}
        {sale.state === 'SCHEDULED' ? (
          <Text className='flash-card__note'>限量 {sale.quantity} 件 · 每人限购 {sale.perMemberLimit} 件</Text>
        ) : (
          <View className='flash-card__progress'>
            <View className='flash-card__bar'>
              <View className='flash-card__bar-fill' style={{ width: `${percent}%` }} />
            </View>
            <Text className='flash-card__progress-text'>{sale.remaining > 0 ? `已抢${percent}%` : '已抢光'}</Text>
          </View>
        )}
        <View className='flash-card__foot'>
          <View className='flash-card__prices'>
            <Price fen={sale.salePrice} size='lg' />
            {sale.listPrice > sale.salePrice ? <Price fen={sale.listPrice} size='sm' strike className='flash-card__list-price' /> : null}
          </View>
          <Text className={`flash-card__action flash-card__action--${sale.state.toLowerCase()}`}>{ACTION_LABELS[sale.state]}</Text>
        </View>
      </View>
    </View>
  )
}

export { FLASH_LIST_URL, flashSaleUrl } from './links'
export { FLASH_STATE_LABELS, discountLabel, soldPercent } from './state'
