import { Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import { soldPercent } from '../../../components/flash-sale-card'
import type { FlashSaleView } from '../../../core/contracts/flashsale'

const time = (at: number) => dayjs(at).format('M月D日 HH:mm:ss')

/** Title, what is taken, the member's limit, and the rules of the sale. */
export default function SaleInfo({ sale, onProduct }: { sale: FlashSaleView; onProduct: () => void }) {
  const percent = soldPercent(sale)
  const limit = `每人限购 ${sale.perMemberLimit} 件${sale.myCount > 0 ? `，已抢 ${sale.myCount} 件` : ''}`
  return (
    <>
      <View className='flash-detail__card'>
        <Text className='flash-detail__title'>{sale.title}</Text>
        <Text className='flash-detail__sku'>规格：{sale.skuName}</Text>
        {sale.state === 'SCHEDULED' ? (
          <Text className='flash-detail__start' data-testid='flash-start'>
            {time(sale.startAt)} 开抢，限量 {sale.quantity} 件
          </Text>
        ) : (
          <View className='flash-detail__progress'>
            <View className='flash-detail__track'>
              <View className='flash-detail__track-fill' style={{ width: `${percent}%` }} />
            </View>
            <Text className='flash-detail__progress-text' data-testid='flash-remaining'>
              已抢 {sale.sold} 件 · 剩 {sale.remaining} 件
            </Text>
          </View>
        )}
        <View className='flash-detail__chips'>
          <Text className={`flash-detail__chip${sale.myCount >= sale.perMemberLimit ? ' flash-detail__chip--off' : ''}`} data-testid='flash-limit'>
            {limit}
          </Text>
          <Text className='flash-detail__chip'>下单后 {sale.paymentMinutes} 分钟内支付</Text>
        </View>
        <Text className='flash-detail__product' onClick={onProduct}>
          查看商品详情 ›
        </Text>
      </View>

      <View className='flash-detail__card'>
        <Text className='flash-detail__label'>活动规则</Text>
        <View className='flash-detail__rule'>
          <Text className='flash-detail__rule-key'>活动时间</Text>
          <Text className='flash-detail__rule-value'>
            {time(sale.startAt)} 至 {time(sale.endAt)}
          </Text>
        </View>
        <View className='flash-detail__rule'>
          <Text className='flash-detail__rule-key'>领取方式</Text>
          <Text className='flash-detail__rule-value'>到店自提，在下方选择门店，凭取货码取货</Text>
        </View>
        <View className='flash-detail__rule'>
          <Text className='flash-detail__rule-key'>支付说明</Text>
          <Text className='flash-detail__rule-value'>抢到后请在 {sale.paymentMinutes} 分钟内支付，超时订单自动取消，名额释放给其他人</Text>
        </View>
      </View>
    </>
  )
}
