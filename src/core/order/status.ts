import { AppError } from '../errors';

/**
 * The order state machine as a transition table:
 * PENDING_PAYMENT → PAID → (SHIPPED | READY_FOR_PICKUP) → COMPLETED,
 * with CANCELLED (unpaid only), and refunds:
 * - a customer's request waits in REFUND_REQUESTED for the operator (or the
 *   sweep's auto-approval): a full approval goes on to REFUNDING → REFUNDED;
 *   a reject, a withdrawal or a partial approval goes back to the status the
 *   request came from (`order.refundRequest.previousStatus`: PREVIOUS below);
 * - a system refund (a failed or closed group-buy) goes straight to REFUNDING,
 *   needing no review, also over a pending request.
 * Partial refunds never leave the fulfilment status: see refund-request.ts.
 */
export const ORDER_STATUSES = [
  'PENDING_PAYMENT',
  'PAID',
  'SHIPPED',
  'READY_FOR_PICKUP',
  'COMPLETED',
  'CANCELLED',
  'REFUND_REQUESTED',
  'REFUNDING',
  'REFUNDED',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_EVENTS = [
  'pay',
  'cancel',
  'timeout',
  'ship',
  'readyForPickup',
  'confirm',
  'pickUp',
  'requestRefund',
  'approveRefund',
  'approvePartialRefund',
  'rejectRefund',
  'withdrawRefund',
  'systemRefund',
  'refund',
] as const;
export type OrderEvent = (typeof ORDER_EVENTS)[number];

/** Back to the status the refund request came from (one of REFUNDABLE_STATUSES). */
export const PREVIOUS = 'PREVIOUS' as const;
/** Where a customer may ask for a refund, and so where a request may go back to. */
export const REFUNDABLE_STATUSES = ['PAID', 'SHIPPED', 'READY_FOR_PICKUP'] as const satisfies readonly OrderStatus[];

const TRANSITIONS: Record<OrderEvent, Partial<Record<OrderStatus, OrderStatus | typeof PREVIOUS>>> = {
  pay: { PENDING_PAYMENT: 'PAID' },
  cancel: { PENDING_PAYMENT: 'CANCELLED' },
  timeout: { PENDING_PAYMENT: 'CANCELLED' },
  ship: { PAID: 'SHIPPED' },
  readyForPickup: { PAID: 'READY_FOR_PICKUP' },
  confirm: { SHIPPED: 'COMPLETED' },
  pickUp: { READY_FOR_PICKUP: 'COMPLETED' },
  requestRefund: { PAID: 'REFUND_REQUESTED', SHIPPED: 'REFUND_REQUESTED', READY_FOR_PICKUP: 'REFUND_REQUESTED' },
  approveRefund: { REFUND_REQUESTED: 'REFUNDING' },
  approvePartialRefund: { REFUND_REQUESTED: PREVIOUS },
  rejectRefund: { REFUND_REQUESTED: PREVIOUS },
  withdrawRefund: { REFUND_REQUESTED: PREVIOUS },
  systemRefund: { PAID: 'REFUNDING', SHIPPED: 'REFUNDING', READY_FOR_PICKUP: 'REFUNDING', REFUND_REQUESTED: 'REFUNDING' },
  refund: { REFUNDING: 'REFUNDED' },
};

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  PENDING_PAYMENT: '待支付',
  PAID: '已支付',
  SHIPPED: '已发货',
  READY_FOR_PICKUP: '待自提',
  COMPLETED: '已完成',
  CANCELLED: '已取消',
  REFUND_REQUESTED: '退款审核中',
  REFUNDING: '退款中',
  REFUNDED: '已退款',
};

const isRefundable = (status: OrderStatus | null | undefined): status is OrderStatus =>
  !!status && (REFUNDABLE_STATUSES as readonly OrderStatus[]).includes(status);

/**
 * The status after `event`, or null when the table forbids it. `previous`:
 * the status a refund request came from, for the events that go back to it
 * (null without a refundable one).
 */
export function nextOrderStatus(status: OrderStatus, event: OrderEvent, previous?: OrderStatus | null): OrderStatus | null {
  const next = TRANSITIONS[event][status] ?? null;
  if (next !== PREVIOUS) return next;
  return isRefundable(previous) ? previous : null;
}

/** The status after `event`; throws ORDER_STATE_INVALID when the table forbids it. */
export function transitionOrder(status: OrderStatus, event: OrderEvent, previous?: OrderStatus | null): OrderStatus {
  const next = nextOrderStatus(status, event, previous);
  if (!next) {
    throw new AppError('ORDER_STATE_INVALID', `订单当前状态为「${ORDER_STATUS_LABELS[status]}」，不能执行该操作`, { status, event });
  }
  return next;
}

/** Statuses from which `event` is allowed: the `where` condition of a conditional update. */
export function statusesAllowing(event: OrderEvent): OrderStatus[] {
  return Object.keys(TRANSITIONS[event]) as OrderStatus[];
}
