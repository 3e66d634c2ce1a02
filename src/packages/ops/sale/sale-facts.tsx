import { Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import type { FlashSaleView } from '../../../core/contracts/flashsale'
import { formatPrice } from '../../../core/money'

const time = (at: number) => dayjs(at).format('YYYY-MM-DD HH:mm:ss')

/** The terms of the sale (how its stock is spread over documents stays internal). */
export default function SaleFacts({ sale }: { sale: FlashSaleView }) {
  const rows: Array<[string, string]> = [
    ['商品规格', `${sale.productName} · ${sale.skuName}`],
    ['秒杀价', `${formatPrice(sale.salePrice)}（原价 ${formatPrice(sale.listPrice)}）`],
    ['秒杀数量', `${sale.quantity} 件`],
    ['每人限购', `${sale.perMemberLimit} 件`],
    ['开始时间', time(sale.startAt)],
    ['结束时间', time(sale.endAt)],
    ['支付时限', `${sale.paymentMinutes} 分钟`]
  ]
  if (sale.stoppedAt) rows.push(['停止时间', time(sale.stoppedAt)])
  return (
    <View className='ops-card ops-info'>
      <Text className='ops-card__title'>活动设置</Text>
      {rows.map(([key, value]) => (
        <View key={key} className='ops-info__row'>
          <Text className='ops-info__key'>{key}</Text>
          <Text className='ops-info__value'>{value}</Text>
        </View>
      ))}
    </View>
  )
}
