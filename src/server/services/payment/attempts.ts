import { isAppError } from '../../../core/errors';
import { orderErrors } from '../../../core/order/errors';
import { transitionOrder } from '../../../core/order/status';
import type { OrderDoc, PaymentAttempt } from '../../../core/order/types';
import { readOwnOrderInTx } from '../order/access';
import type { ServiceDeps } from '../order/deps';
import { OrderCollections } from '../order/records';
import { refuse, Refusal, transact } from '../order/transact';
import { outTradeNoFor } from './trade-no';

/**
 * The trade `order.pay` hands the provider, recorded on the order before
 * the provider hears of it (so the sweep knows there is a trade to ask
 * about): the live one, or a new one when there is none yet or the last was
 * spent on a refused payment. In a transaction that re-reads the order, so
 * concurrent calls open the same trade; only for an unpaid order before its
 * deadline.
 */
export async function openPaymentAttempt(deps: ServiceDeps, openid: string, orderId: string): Promise<PaymentAttempt> {
  return transact(deps.db, async (tx) => {
    const order = await readOwnOrderInTx(tx, openid, orderId);
    if (order instanceof Refusal) return order;
    try {
      transitionOrder(order.status, 'pay');
    } catch (error) {
      if (isAppError(error)) return refuse(error);
      throw error;
    }
    const now = deps.now();
    if (now >= order.expiresAt) return refuse(orderErrors.orderExpired(orderId));
    const current = order.payAttempt ?? null;
    if (current && current.spentAt === null) return current;
    const seq = (current?.seq ?? 0) + 1;
    const attempt: PaymentAttempt = { outTradeNo: outTradeNoFor(order._id, seq), seq, openedAt: now, spentAt: null };
    await tx
      .collection<OrderDoc>(OrderCollections.orders)
      .doc(order._id)
      .update({ payAttempt: deps.db.command.set(attempt), updatedAt: now });
    return attempt;
  });
}

/** The trade the provider may still take money on: the order's live attempt, or null (none opened, or spent). */
export function liveAttemptOf(order: { payAttempt?: PaymentAttempt | null }): PaymentAttempt | null {
  const attempt = order.payAttempt ?? null;
  return attempt && attempt.spentAt === null ? attempt : null;
}
