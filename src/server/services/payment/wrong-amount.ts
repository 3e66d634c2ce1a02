import type { PaymentNotification } from '../../../core/contracts/payment';
import type { Order, OrderDoc, PaymentAttempt } from '../../../core/order/types';
import type { Transaction } from '../../db';
import type { ServiceDeps } from '../order/deps';
import { OrderCollections } from '../order/records';
import { recordRefusedPaymentInTx, refusedPaymentRefundNo } from './refused';

/** The refund of a payment of the wrong amount: named by its transaction. */
export const wrongAmountRefundNo = refusedPaymentRefundNo;

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
  await recordRefusedPaymentInTx(tx, order, n, 'AMOUNT_MISMATCH', now);
  if (order.status === 'PENDING_PAYMENT' && liveTradeNoOf(order) === n.outTradeNo) {
    const spent: PaymentAttempt = order.payAttempt
      ? { ...order.payAttempt, spentAt: now }
      : { outTradeNo: n.outTradeNo, seq: 1, openedAt: now, spentAt: now };
    await tx
      .collection<OrderDoc>(OrderCollections.orders)
      .doc(order._id)
      .update({ payAttempt: deps.db.command.set(spent), updatedAt: now });
  }
}
