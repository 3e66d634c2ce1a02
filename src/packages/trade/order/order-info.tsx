import { Text, View } from '@tarojs/components';
import dayjs from 'dayjs';
import type { OrderView } from '../../../core/contracts/order';

const time = (at: number | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm:ss') : null);

/** Order number, remark and the times of what happened to it. */
export default function OrderInfo({ order }: { order: OrderView }) {
  const rows: Array<[string, string | null]> = [
    ['订单编号', order.orderNo],
    ['下单时间', time(order.createdAt)],
    ['支付时间', time(order.paidAt)],
    ['发货时间', time(order.shippedAt)],
    ['完成时间', time(order.completedAt)],
    ['取消时间', time(order.cancelledAt)],
    ['退款申请', time(order.refundRequestedAt)],
    ['退款时间', time(order.refundedAt)],
    ['订单备注', order.remark || null],
  ];
  return (
    <View className='order-info'>
      {rows
        .filter((row): row is [string, string] => row[1] !== null)
        .map(([label, value]) => (
          <View key={label} className='order-info__row'>
            <Text className='order-info__label'>{label}</Text>
            <Text className='order-info__value'>
              {value}
            </Text>
          </View>
        ))}
    </View>
  );
}
