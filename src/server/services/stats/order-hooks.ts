import { orderKindOf } from '../../../core/order/kind';
import { chinaDay } from '../../../core/points/china-day';
import { addPaidDay, type GapChange } from '../../../core/stats/payers';
import { countsAsRefund, paidFenOf, refundDeltaOf, type RefundFacts } from '../../../core/stats/recompute';
import type { Transaction } from '../../db';
import type { ServiceDeps } from '../order/deps';
import type { OrderHooks } from '../order/hooks';
import { StatsCollections, type PayerDoc } from './records';
import { addToRollupInTx } from './rollup-write';

/**
 * The dashboard's daily rollups follow the orders, in their transactions
 * (each hook runs once per order: the order's own transition is the guard).
 * - paid: GMV, paid orders and the order kind's share on the paying day; a
 *   member's first payment of a day counts them among that day's payers.
 * Refunds are not an order hook: an order may have several (partial ones,
 * then the rest), so each completed refund adds itself (addRefundToRollupInTx).
 */
export const statsOrderHooks: OrderHooks = {
  async paid(tx, order, deps, now) {
    const paidAt = order.paidAt ?? now;
    const day = chinaDay(paidAt);
    const cause = `paid:${order._id}`;
    const fen = paidFenOf(order);
    await addToRollupInTx(tx, deps, day, cause, { gmvFen: fen, paidOrders: 1, kind: { kind: orderKindOf(order), gmvFen: fen, paidOrders: 1 } }, now);
    for (const change of await recordPayingDayInTx(tx, order.openid, day, now)) {
      await addToRollupInTx(tx, deps, change.day, cause, { payers: { [change.bucket]: change.delta } }, now);
    }
  },
};

/**
 * In the transaction that marks the refund DONE (its transition is the guard:
 * a replay finds it DONE and adds nothing): the refund's own amount on the day
 * it completed, in the shard of `refund:<refundNo>`. What counts is
 * core/stats/recompute `countsAsRefund`, so the rebuild agrees.
 */
export async function addRefundToRollupInTx(tx: Transaction, deps: ServiceDeps, refund: RefundFacts, now: number): Promise<void> {
  if (!countsAsRefund(refund)) return;
  await addToRollupInTx(tx, deps, chinaDay(refund.doneAt), `refund:${refund._id}`, refundDeltaOf(refund), now);
}

/** The member's paying days, with `day` added; the histogram changes it makes (none when they had paid that day already). */
async function recordPayingDayInTx(tx: Transaction, openid: string, day: string, now: number): Promise<GapChange[]> {
  const ref = tx.collection<PayerDoc>(StatsCollections.payers).doc(openid);
  const marker = (await ref.get()).data;
  const added = addPaidDay(marker?.paidDays ?? [], day);
  if (!added) return [];
  await ref.set({ openid, paidDays: added.paidDays, updatedAt: now });
  return added.changes;
}
