import { View, Text } from '@tarojs/components'
import Price from '../../components/price'
import type { OrderSummary } from '../../utils/order-summary'

/** What the customer has bought so far, from their own orders. */
export default function OrderStats({ summary }: { summary: OrderSummary }) {
  const more = summary.truncated ? '+' : ''
  return (
    <View className='member__stats'>
      <View className='member__stat'>
        <Text className='member__stat-value'>
          {summary.total}
          {more}
        </Text>
        <Text className='member__stat-label'>全部订单</Text>
      </View>
      <View className='member__stat'>
        <Text className='member__stat-value'>
          {summary.paidCount}
          {more}
        </Text>
        <Text className='member__stat-label'>已支付订单</Text>
      </View>
      <View className='member__stat'>
        <Price fen={summary.spent} size='md' className='member__stat-value member__stat-price' />
        <Text className='member__stat-label'>累计消费</Text>
      </View>
    </View>
  )
}
