import { orderKindOf } from '../../../core/order/kind';
import { chinaDay } from '../../../core/points/china-day';
import { addPaidDay, type GapChange } from '../../../core/stats/payers';
import { paidFenOf, refundFenOf } from '../../../core/stats/recompute';
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
 * - refunded: the refund completed that day.
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
  async refunded(tx, order, deps, now) {
    const day = chinaDay(order.refundedAt ?? now);
    await addToRollupInTx(tx, deps, day, `refund:${order._id}`, { refundFen: refundFenOf(order), refundOrders: 1 }, now);
  },
};

/** The member's paying days, with `day` added; the histogram changes it makes (none when they had paid that day already). */
async function recordPayingDayInTx(tx: Transaction, openid: string, day: string, now: number): Promise<GapChange[]> {
  const ref = tx.collection<PayerDoc>(StatsCollections.payers).doc(openid);
  const marker = (await ref.get()).data;
  const added = addPaidDay(marker?.paidDays ?? [], day);
  if (!added) return [];
  await ref.set({ openid, paidDays: added.paidDays, updatedAt: now });
  return added.changes;
}
