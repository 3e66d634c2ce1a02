import type { MemberProfileDoc } from '../../../core/crm/profile';
import { withPaidOrder, withRefund } from '../../../core/crm/stats';
import { refundEndsOrder, type RefundDoc } from '../../../core/order/refund';
import type { Order } from '../../../core/order/types';
import { paidFenOf } from '../../../core/stats/recompute';
import type { Transaction } from '../../db';
import { MemberCollections, type MemberDoc } from '../member/records';
import type { OrderHooks } from '../order/hooks';
import { deriveContextInTx } from './context';
import { memberFactsOfDoc, rederive } from './derive';
import { txReader } from './doc-reader';
import { countsAsPurchase, paidFactsOf, refundFactsOf } from './order-facts';
import { CrmCollections } from './records';
import { creditOpenDeliveriesInTx } from './results-write';

/**
 * The member's profile follows their orders, in the order's transaction
 * (the order's own transition is the guard: each hook runs once per order):
 * stats, then R/F/M, stage, tier and rule tags re-derived at once, and the
 * order credited to the campaigns whose window is open for the member.
 * Customers who are not members have no profile: joining builds it.
 */
export const crmOrderHooks: OrderHooks = {
  async paid(tx, order, deps, now) {
    if (!countsAsPurchase(order)) return;
    const ref = tx.collection<MemberProfileDoc>(CrmCollections.profiles).doc(order.openid);
    const profile = (await ref.get()).data;
    if (!profile) return;
    const read = txReader(tx);
    const paidAt = order.paidAt ?? now;
    const couldBeFirst = profile.stats.firstPaidAt === null || paidAt <= profile.stats.firstPaidAt;
    const stats = withPaidOrder(profile.stats, await paidFactsOf(read, order, couldBeFirst));
    await creditOpenDeliveriesInTx(tx, deps.db.command, profile, order, paidFenOf(order), now);
    await writeRederivedInTx(tx, profile, stats, now);
  },
};

/**
 * In the transaction that completes a refund of a paid order (partial, or
 * the one that ends it), after the other contexts' hooks: the refunded fen,
 * and for an ended order one order and its categories less.
 */
export async function addRefundToProfileInTx(tx: Transaction, order: Order, refund: Pick<RefundDoc, 'amount' | 'partial' | 'reason'>, now: number): Promise<void> {
  if (!countsAsPurchase(order)) return;
  const endsOrder = !refund.partial;
  if (endsOrder && !refundEndsOrder(refund.reason)) return;
  const ref = tx.collection<MemberProfileDoc>(CrmCollections.profiles).doc(order.openid);
  const profile = (await ref.get()).data;
  if (!profile) return;
  const stats = withRefund(profile.stats, await refundFactsOf(txReader(tx), order, refund.amount, endsOrder));
  await writeRederivedInTx(tx, profile, stats, now);
}

async function writeRederivedInTx(tx: Transaction, profile: MemberProfileDoc & { _id?: string }, stats: MemberProfileDoc['stats'], now: number): Promise<void> {
  const member = (await tx.collection<MemberDoc>(MemberCollections.members).doc(profile.openid).get()).data;
  if (!member) return;
  const next = rederive(profile, memberFactsOfDoc(member), stats, await deriveContextInTx(tx, now));
  await tx.collection<MemberProfileDoc>(CrmCollections.profiles).doc(profile.openid).set(next);
}

