import type { OrderStatus } from '../../core/order/status';

export type OrderAction = 'pay' | 'cancel' | 'confirm' | 'refund';

export const ORDER_ACTION_LABELS: Record<OrderAction, string> = {
  pay: '去支付',
  cancel: '取消订单',
  confirm: '确认收货',
  refund: '申请退款',
};

const ACTIONS_BY_STATUS: Record<OrderStatus, OrderAction[]> = {
  PENDING_PAYMENT: ['cancel', 'pay'],
  PAID: ['refund'],
  SHIPPED: ['refund', 'confirm'],
  READY_FOR_PICKUP: ['refund'],
  COMPLETED: [],
  CANCELLED: [],
  REFUNDING: [],
  REFUNDED: [],
};

/**
 * What the customer may do with an order in `status`, the main action last.
 * An unpaid order past its deadline can no longer be paid, only cancelled.
 */
export function orderActionsFor(status: OrderStatus, expired = false): OrderAction[] {
  const actions = ACTIONS_BY_STATUS[status];
  return expired ? actions.filter((action) => action !== 'pay') : actions;
}
