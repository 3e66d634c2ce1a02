import type { Fen } from '../money';

/**
 * A refund owed to a customer (`refunds` collection, `_id` = out_refund_no).
 * It is recorded as DUE in the same transaction as the change that owes it,
 * and performed later by the `processRefunds` timer, outside any transaction.
 */
export type RefundReason = 'CUSTOMER_REQUEST' | 'PAID_AFTER_CANCEL' | 'GROUP_FAILED' | 'GROUP_CLOSED' | 'AMOUNT_MISMATCH' | 'DUPLICATE_PAYMENT';

/**
 * Reasons whose order waits in REFUNDING and ends REFUNDED when the refund is
 * done: a customer's request; a group-buy that failed (GROUP_FAILED) or a
 * payment for a group-buy seat that had closed (GROUP_CLOSED). A payment
 * after cancellation leaves its order CANCELLED; a payment of the wrong
 * amount (AMOUNT_MISMATCH) leaves its order as it was, still payable; a
 * second payment of an order that already took one (DUPLICATE_PAYMENT)
 * leaves it as it was, its first payment applied.
 */
export function refundEndsOrder(reason: RefundReason): boolean {
  return reason === 'CUSTOMER_REQUEST' || reason === 'GROUP_FAILED' || reason === 'GROUP_CLOSED';
}
export type RefundStatus = 'DUE' | 'DONE';

export interface RefundDoc {
  orderId: string;
  /** The provider's trade to refund (WeChat out_trade_no); absent: the order's paid trade. */
  outTradeNo?: string;
  openid: string;
  amount: Fen;
  /** The order's paid total, which WeChat's refund API needs. */
  total: Fen;
  reason: RefundReason;
  status: RefundStatus;
  /** Whether completing this refund gives the order's stock back (not for shipped or already-released orders). */
  releaseStock: boolean;
  /** A partial refund by lines: the units it gives back (with releaseStock); absent: the whole order. */
  lines?: { skuId: string; quantity: number }[];
  /** A partial refund: the order stays in its fulfilment status (core/order/refund-request). */
  partial?: boolean;
  /** The customer's request this refund approves (`order.refundRequest.attempt`). */
  requestAttempt?: number;
  attempts: number;
  /** A worker holds the refund until then; another run skips it. */
  leaseUntil: number;
  lastError: string | null;
  providerRefundId: string | null;
  createdAt: number;
  updatedAt: number;
  doneAt: number | null;
}

/**
 * The order id names its refunds (WeChat allows 64 characters): the first
 * `R<orderId>`, as before partial refunds; the n-th approved customer
 * refund `R<orderId>-n`. Deterministic, so a retry reuses it.
 */
export function refundNoFor(orderId: string, seq = 1): string {
  return seq <= 1 ? `R${orderId}` : `R${orderId}-${seq}`;
}

/** A refund recorded as due, not yet attempted. */
export function dueRefund(input: {
  orderId: string;
  openid: string;
  amount: Fen;
  /** The order's paid total when it differs from the amount (a partial refund). */
  total?: Fen;
  reason: RefundReason;
  releaseStock: boolean;
  now: number;
}): RefundDoc {
  return {
    orderId: input.orderId,
    openid: input.openid,
    amount: input.amount,
    total: input.total ?? input.amount,
    reason: input.reason,
    status: 'DUE',
    releaseStock: input.releaseStock,
    attempts: 0,
    leaseUntil: 0,
    lastError: null,
    providerRefundId: null,
    createdAt: input.now,
    updatedAt: input.now,
    doneAt: null,
  };
}
