import { AppError } from '../errors';

/**
 * The order state machine as a transition table:
 * PENDING_PAYMENT → PAID → (SHIPPED | READY_FOR_PICKUP) → COMPLETED,
 * with CANCELLED (unpaid only), REFUNDING and REFUNDED.
 */
export const ORDER_STATUSES = [
  'PENDING_PAYMENT',
  'PAID',
  'SHIPPED',
  'READY_FOR_PICKUP',
  'COMPLETED',
  'CANCELLED',
  'REFUNDING',
  'REFUNDED',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_EVENTS = ['pay', 'cancel', 'timeout', 'ship', 'readyForPickup', 'confirm', 'pickUp', 'requestRefund', 'refund'] as const;
export type OrderEvent = (typeof ORDER_EVENTS)[number];

const TRANSITIONS: Record<OrderEvent, Partial<Record<OrderStatus, OrderStatus>>> = {
  pay: { PENDING_PAYMENT: 'PAID' },
  cancel: { PENDING_PAYMENT: 'CANCELLED' },
  timeout: { PENDING_PAYMENT: 'CANCELLED' },
  ship: { PAID: 'SHIPPED' },
  readyForPickup: { PAID: 'READY_FOR_PICKUP' },
  confirm: { SHIPPED: 'COMPLETED' },
  pickUp: { READY_FOR_PICKUP: 'COMPLETED' },
  requestRefund: { PAID: 'REFUNDING', SHIPPED: 'REFUNDING', READY_FOR_PICKUP: 'REFUNDING' },
  refund: { REFUNDING: 'REFUNDED' },
};

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  PENDING_PAYMENT: '待支付',
  PAID: '已支付',
  SHIPPED: '已发货',
  READY_FOR_PICKUP: '待自提',
  COMPLETED: '已完成',
  CANCELLED: '已取消',
  REFUNDING: '退款中',
  REFUNDED: '已退款',
};

/** The status after `event`, or null when the table forbids it. */
export function nextOrderStatus(status: OrderStatus, event: OrderEvent): OrderStatus | null {
  return TRANSITIONS[event][status] ?? null;
}

/** The status after `event`; throws ORDER_STATE_INVALID when the table forbids it. */
export function transitionOrder(status: OrderStatus, event: OrderEvent): OrderStatus {
  const next = nextOrderStatus(status, event);
  if (!next) {
    throw new AppError('ORDER_STATE_INVALID', `订单当前状态为「${ORDER_STATUS_LABELS[status]}」，不能执行该操作`, { status, event });
  }
  return next;
}

/** Statuses from which `event` is allowed: the `where` condition of a conditional update. */
export function statusesAllowing(event: OrderEvent): OrderStatus[] {
  return Object.keys(TRANSITIONS[event]) as OrderStatus[];
}
