import type { PaymentNotification } from '../../../core/contracts/payment';
import { dueRefund, type RefundDoc } from '../../../core/order/refund';
import type { Order } from '../../../core/order/types';
import type { Transaction } from '../../db';
import { OrderCollections } from '../order/records';
import { auditRefusedPaymentInTx, type RefusedPaymentReason } from './audit';

/** The refund of a refused payment is named by its transaction (WeChat's out_refund_no allows 64 characters). */
export function refusedPaymentRefundNo(n: PaymentNotification): string {
  return `R${n.transactionId || n.outTradeNo}`.slice(0, 64);
}

/**
 * Money the provider took for a payment the order cannot take (the wrong
 * amount, or the order had already taken one): one refund due for what was
 * received, on the trade that received it, and an entry in the operator's
 * audit log. Both are keyed by the transaction, so a re-run or a replay
 * writes each once. Answers the refund number; null when the amount
 * received is unknown (the audit entry then asks for a manual refund).
 */
export async function recordRefusedPaymentInTx(
  tx: Transaction,
  order: Order,
  n: PaymentNotification,
  reason: RefusedPaymentReason,
  now: number,
): Promise<string | null> {
  const received = typeof n.totalFee === 'number' && n.totalFee > 0 ? n.totalFee : null;
  let refundNo: string | null = null;
  if (received !== null) {
    refundNo = refusedPaymentRefundNo(n);
    const refundRef = tx.collection<RefundDoc>(OrderCollections.refunds).doc(refundNo);
    if (!(await refundRef.get()).data) {
      const refund = dueRefund({ orderId: order._id, openid: order.openid, amount: received, reason, releaseStock: false, now });
      await refundRef.set({ ...refund, outTradeNo: n.outTradeNo });
    }
  }
  await auditRefusedPaymentInTx(tx, { reason, order, outTradeNo: n.outTradeNo, transactionId: n.transactionId ?? null, received, refundNo, at: now });
  return refundNo;
}
