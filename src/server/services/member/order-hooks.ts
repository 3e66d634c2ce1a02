import { growthForPaid } from '../../../core/member/growth';
import { tierOfGrowth } from '../../../core/member/tiers';
import { formatPrice } from '../../../core/money';
import { refundNoFor } from '../../../core/order/refund';
import type { Order } from '../../../core/order/types';
import { pointsEarnedFor } from '../../../core/points/earn';
import type { Transaction } from '../../db';
import type { OrderHooks } from '../order/hooks';
import type { ServiceDeps } from '../order/deps';
import { clawBackOrderPointsInTx } from '../points/claw-back';
import { applyPointsInTx } from '../points/ledger';
import { loadPointsSettingsInTx } from '../points/settings';
import { pointsSource } from '../points/sources';
import { readMemberInTx } from './access';
import { growthEntryId, MemberCollections, type GrowthEntryDoc, type MemberDoc } from './records';
import { loadTiersInTx } from './settings';

/**
 * Growth and points follow an order's payment and refund, in the order's
 * transaction (reads and writes through `tx` only). Only members earn:
 * a customer who pays before joining gets no growth or points for that
 * order; points-mall redemptions earn nothing.
 */
export const memberOrderHooks: OrderHooks = {
  paid: (tx, order, deps, now) => creditPaidOrderInTx(tx, order, deps, now),
  refunded: (tx, order, _deps, now) => debitRefundedOrderInTx(tx, order, now),
};

/** Growth += the paid amount; points `earn:<orderId>` at the member's tier multiplier (the tier before this order). */
async function creditPaidOrderInTx(tx: Transaction, order: Order, deps: ServiceDeps, now: number): Promise<void> {
  // A points-mall redemption is paid with points (+ cash): it earns neither growth nor points.
  if (order.source === 'mall') return;
  const member = await readMemberInTx(tx, order.openid);
  if (!member) return;
  const growthRef = tx.collection<GrowthEntryDoc>(MemberCollections.growth).doc(growthEntryId(order.openid, 'paid', order._id));
  if ((await growthRef.get()).data) return;

  const paid = order.payment?.amount ?? order.amounts.payable;
  const tier = tierOfGrowth(await loadTiersInTx(tx), member.growth);
  const settings = await loadPointsSettingsInTx(tx);
  const growth = growthForPaid(paid);
  await growthRef.set({ openid: order.openid, kind: 'paid', orderId: order._id, delta: growth, growthAfter: member.growth + growth, createdAt: now });
  await tx.collection<MemberDoc>(MemberCollections.members).doc(order.openid).update({ growth: member.growth + growth, updatedAt: now });

  const points = pointsEarnedFor(paid, tier.pointsMultiplier, settings.pointsPerYuan);
  if (points > 0) {
    const note = `消费 ${formatPrice(paid)}（${tier.name} ×${tier.pointsMultiplier}）`;
    await applyPointsInTx(tx, { id: pointsSource.earn(order._id), openid: order.openid, delta: points, kind: 'earn', note, refId: order._id }, now);
  }
  deps.log.info('member credited for order', { orderId: order._id, growth, points });
}

/** The order's refund numbers so far (`R<orderId>`, `R<orderId>-2`…): each may have clawed back a share. */
const refundNosOf = (order: Order): string[] => Array.from({ length: order.refundSeq ?? 0 }, (_, i) => refundNoFor(order._id, i + 1));

/**
 * The final refund: takes back the growth the payment gave (never below 0)
 * and the points (`refund:<orderId>`), less what partial refunds took already.
 */
async function debitRefundedOrderInTx(tx: Transaction, order: Order, now: number): Promise<void> {
  await takeBackGrowthInTx(tx, order, null, now);
  await clawBackOrderPointsInTx(tx, order.openid, order._id, now, { refundNos: refundNosOf(order) });
}

/**
 * A partial refund (the order stays as it is), in its completion transaction:
 * growth and points back in proportion, `floor(given × amount / paid)`, once
 * per refund number (growth entry `refund:<refundNo>`, points `refund:<refundNo>`).
 */
export async function debitPartialRefundInTx(tx: Transaction, order: Order, refund: { refundNo: string; amount: number }, now: number): Promise<void> {
  const paid = order.payment?.amount ?? order.amounts.payable;
  if (order.source === 'mall' || paid <= 0 || refund.amount <= 0) return;
  await takeBackGrowthInTx(tx, order, { refundNo: refund.refundNo, amount: refund.amount, paid }, now);
  await clawBackOrderPointsInTx(tx, order.openid, order._id, now, { refundNos: refundNosOf(order), partial: { refundNo: refund.refundNo, amount: refund.amount, paid } });
}

/** Growth back for the whole order (what partial refunds left) or a partial refund's share, never below 0, once. */
async function takeBackGrowthInTx(tx: Transaction, order: Order, partial: { refundNo: string; amount: number; paid: number } | null, now: number): Promise<void> {
  const growth = tx.collection<GrowthEntryDoc>(MemberCollections.growth);
  const given = (await growth.doc(growthEntryId(order.openid, 'paid', order._id)).get()).data;
  const refundRef = growth.doc(growthEntryId(order.openid, 'refund', partial ? partial.refundNo : order._id));
  const member = await readMemberInTx(tx, order.openid);
  if (!given || !member || (await refundRef.get()).data) return;
  let before = 0;
  for (const key of [order._id, ...refundNosOf(order)]) {
    if (key === (partial ? partial.refundNo : order._id)) continue;
    before -= (await growth.doc(growthEntryId(order.openid, 'refund', key)).get()).data?.delta ?? 0;
  }
  const left = Math.max(0, given.delta - before);
  const due = partial ? Math.min(left, Math.floor((given.delta * partial.amount) / partial.paid)) : left;
  const back = Math.min(due, member.growth);
  if (back <= 0 && partial) return;
  await refundRef.set({ openid: order.openid, kind: 'refund', orderId: order._id, delta: -back, growthAfter: member.growth - back, createdAt: now });
  await tx.collection<MemberDoc>(MemberCollections.members).doc(order.openid).update({ growth: member.growth - back, updatedAt: now });
}
