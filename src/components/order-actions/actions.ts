import type { OrderStatus } from '../../core/order/status';

export type OrderAction = 'pay' | 'cancel' | 'confirm' | 'refund' | 'withdrawRefund';

export const ORDER_ACTION_LABELS: Record<OrderAction, string> = {
  pay: '去支付',
  cancel: '取消订单',
  confirm: '确认收货',
  refund: '申请退款',
  withdrawRefund: '撤销退款申请',
};

const ACTIONS_BY_STATUS: Record<OrderStatus, OrderAction[]> = {
  PENDING_PAYMENT: ['cancel', 'pay'],
  PAID: ['refund'],
  SHIPPED: ['refund', 'confirm'],
  READY_FOR_PICKUP: ['refund'],
  COMPLETED: [],
  CANCELLED: [],
  REFUND_REQUESTED: ['withdrawRefund'],
  REFUNDING: [],
  REFUNDED: [],
};

/**
 * What the customer may do with an order in `status`, the main action last.
 * An unpaid order past its deadline can no longer be paid, only cancelled;
 * a refund request refused too often cannot be made again.
 */
export function orderActionsFor(status: OrderStatus, expired = false, canRequestRefund = true): OrderAction[] {
  const actions = ACTIONS_BY_STATUS[status];
  return actions.filter((action) => !(expired && action === 'pay') && !(!canRequestRefund && action === 'refund'));
}
