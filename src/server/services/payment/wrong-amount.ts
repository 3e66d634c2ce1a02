import type { PaymentNotification } from '../../../core/contracts/payment';
import { dueRefund, type RefundDoc } from '../../../core/order/refund';
import type { Order, OrderDoc, PaymentAttempt } from '../../../core/order/types';
import type { Transaction } from '../../db';
import type { ServiceDeps } from '../order/deps';
import { OrderCollections } from '../order/records';
import { auditRefusedPaymentInTx } from './audit';

/** The refund of a refused payment is named by its transaction (WeChat's out_refund_no allows 64 characters). */
export function wrongAmountRefundNo(n: PaymentNotification): string {
  return `R${n.transactionId || n.outTradeNo}`.slice(0, 64);
}

/** The trade the order would take a payment on now: its live attempt, or the order id before any. */
export function liveTradeNoOf(order: Order): string {
  return order.payAttempt?.outTradeNo ?? order._id;
}

/**
 * A payment whose amount is not the order's: the money goes back (one
 * refund due, named by the transaction), the operator sees it in the audit
 * log, and the trade is spent so that `order.pay` opens a new one: the order
 * stays payable. Inside the notification's transaction; every write is keyed
 * by the transaction, so a re-run or a replay changes nothing twice.
 */
export async function refuseWrongAmountInTx(deps: ServiceDeps, tx: Transaction, order: Order, n: PaymentNotification, now: number): Promise<void> {
  const received = typeof n.totalFee === 'number' && n.totalFee > 0 ? n.totalFee : null;
  let refundNo: string | null = null;
  if (received !== null) {
    refundNo = wrongAmountRefundNo(n);
    const refundRef = tx.collection<RefundDoc>(OrderCollections.refunds).doc(refundNo);
    if (!(await refundRef.get()).data) {
      const refund = dueRefund({ orderId: order._id, openid: order.openid, amount: received, reason: 'AMOUNT_MISMATCH', releaseStock: false, now });
      await refundRef.set({ ...refund, outTradeNo: n.outTradeNo });
    }
  }
  if (order.status === 'PENDING_PAYMENT' && liveTradeNoOf(order) === n.outTradeNo) {
    const spent: PaymentAttempt = order.payAttempt
      ? { ...order.payAttempt, spentAt: now }
      : { outTradeNo: n.outTradeNo, seq: 1, openedAt: now, spentAt: now };
    await tx
      .collection<OrderDoc>(OrderCollections.orders)
      .doc(order._id)
      .update({ payAttempt: deps.db.command.set(spent), updatedAt: now });
  }
  await auditRefusedPaymentInTx(tx, { order, outTradeNo: n.outTradeNo, transactionId: n.transactionId ?? null, received, refundNo, at: now });
}
