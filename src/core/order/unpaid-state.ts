import type { OrderDoc } from './types';

type UnpaidFields =
  | 'status' | 'createdAt' | 'updatedAt' | 'paidAt' | 'payment' | 'latePayment' | 'shippedAt' | 'trackingNo'
  | 'completedAt' | 'cancelledAt' | 'cancelReason' | 'refundNo' | 'refundRequestedAt' | 'refundedAt' | 'history';

/**
 * What every new order starts as, whoever places it (shop checkout, flash sale, group-buy, wallet top-up):
 * awaiting payment, nothing paid, shipped, completed, cancelled or refunded yet, and its `create` entry.
 */
export function unpaidOrderState(now: number): Pick<OrderDoc, UnpaidFields> {
  return {
    status: 'PENDING_PAYMENT',
    createdAt: now,
    updatedAt: now,
    paidAt: null,
    payment: null,
    latePayment: null,
    shippedAt: null,
    trackingNo: null,
    completedAt: null,
    cancelledAt: null,
    cancelReason: null,
    refundNo: null,
    refundRequestedAt: null,
    refundedAt: null,
    history: [{ event: 'create', from: null, to: 'PENDING_PAYMENT', at: now, by: 'customer' }],
  };
}
