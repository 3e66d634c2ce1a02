import { Text, View } from '@tarojs/components';
import OrderCountdown from '../../../components/order-countdown';
import type { OrderView } from '../../../core/contracts/order';
import { ORDER_STATUS_LABELS } from '../../../core/order/status';

interface Props {
  order: OrderView;
  /** The payment deadline passed (by the server's clock) while the order still shows unpaid. */
  expired: boolean;
  onExpire: () => void;
}

/** The order's status label and what it means for the customer now. */
export default function StatusHeader({ order, expired, onExpire }: Props) {
  return (
    <View className={`order-status order-status--${order.status.toLowerCase()}`} data-testid='order-status'>
      <Text className='order-status__label' data-testid='order-status-label'>
        {ORDER_STATUS_LABELS[order.status]}
      </Text>
      {order.status === 'PENDING_PAYMENT' && !expired ? (
        <View className='order-status__text'>
          <Text>剩余 </Text>
          <OrderCountdown expiresAt={order.expiresAt} onExpire={onExpire} />
          <Text>，超时订单将自动取消</Text>
        </View>
      ) : (
        <Text className='order-status__text'>{statusNote(order, expired)}</Text>
      )}
    </View>
  );
}

function statusNote(order: OrderView, expired: boolean): string {
  switch (order.status) {
    case 'PENDING_PAYMENT':
      return expired ? '支付已超时，订单即将关闭' : '';
    case 'PAID':
      return '商家正在备货，请耐心等待';
    case 'READY_FOR_PICKUP':
      // A community group-buy order reaches the leader's point on its pickup day.
      return order.community ? '团购已下单，取货日请到团长自提点出示取货码' : '商品已备好，请到店出示取货码自提';
    case 'SHIPPED':
      return order.trackingNo ? `包裹已发出，运单号 ${order.trackingNo}` : '包裹已发出，请留意收货';
    case 'COMPLETED':
      return '订单已完成，感谢您的购买';
    case 'CANCELLED':
      return order.cancelReason === 'timeout' ? '超时未支付，订单已自动取消' : '订单已取消';
    case 'REFUND_REQUESTED':
      return '退款申请已提交，等待商家处理';
    case 'REFUNDING':
      return '商家已同意退款，款项将原路退回';
    case 'REFUNDED':
      return '退款已原路退回';
  }
}
