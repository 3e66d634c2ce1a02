import { Text, View } from '@tarojs/components'
import FlashCountdown from '../../../components/flash-countdown'
import { discountLabel } from '../../../components/flash-sale-card'
import { formatPrice } from '../../../core/money'
import type { FlashSaleView } from '../../../core/contracts/flashsale'

interface Props {
  sale: FlashSaleView
  /** The countdown shown reached zero. */
  onTimeUp: () => void
}

/** The red band under the image: the sale price against the list price, and the time to the start or the end. */
export default function PriceBand({ sale, onTimeUp }: Props) {
  const off = discountLabel(sale)
  return (
    <View className={`flash-band flash-band--${sale.state.toLowerCase()}`} data-testid='flash-band'>
      <View className='flash-band__prices'>
        <Text className='flash-band__tag'>秒杀价</Text>
        <Text className='flash-band__price' data-testid='flash-sale-price'>
          {formatPrice(sale.salePrice)}
        </Text>
        <View className='flash-band__was'>
          {sale.listPrice > sale.salePrice ? <Text className='flash-band__list-price'>{formatPrice(sale.listPrice)}</Text> : null}
          {off ? <Text className='flash-band__off'>{off}</Text> : null}
        </View>
      </View>
      <View className='flash-band__clock' data-testid='flash-clock'>
        {sale.state === 'SCHEDULED' ? (
          <>
            <Text className='flash-band__state'>即将开抢</Text>
            <FlashCountdown deadline={sale.startAt} prefix='距开抢' farLabel='开抢' tone='light' onEnd={onTimeUp} />
          </>
        ) : sale.state === 'LIVE' ? (
          <>
            <Text className='flash-band__state'>抢购中</Text>
            <FlashCountdown deadline={sale.endAt} prefix='距结束' farLabel='结束' tone='light' onEnd={onTimeUp} />
          </>
        ) : (
          <Text className='flash-band__state flash-band__state--big'>{sale.state === 'SOLD_OUT' ? '已抢光' : '已结束'}</Text>
        )}
      </View>
    </View>
  )
}
