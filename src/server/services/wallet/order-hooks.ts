import { displayOrderNo } from '../../../core/order/order-no';
import type { Order, OrderDoc } from '../../../core/order/types';
import { walletCause } from '../../../core/wallet/entries';
import { PLAN_COUPON_SKIP_LABELS } from '../../../core/wallet/plan-gifts';
import { giftExpiryOf } from '../../../core/wallet/plans';
import type { Transaction } from '../../db';
import { step } from '../order/change';
import type { ServiceDeps } from '../order/deps';
import type { OrderHooks } from '../order/hooks';
import { OrderCollections, replaceFields } from '../order/records';
import { Refusal } from '../order/transact';
import { applyWalletInTx, causeAppliedInTx } from './ledger';
import { grantTopUpGiftsInTx } from './plan-gifts';
import { WalletCollections, type WalletTopUpDoc } from './records';
import { releaseWalletHoldInTx } from './hold';
import { releaseTopUpInTx } from './top-up';

export const isTopUpOrder = (order: Pick<Order, 'walletTopUp'>): boolean => !!order.walletTopUp;

/**
 * The wallet's order hooks. A top-up order (services/wallet/top-up) runs
 * only these (order/hooks: no points, growth, rollups or commission for
 * money that is not yet spent; they are earned when the balance is spent):
 * - paid: in the payment notification's transaction, the principal (what
 *   was paid) and the plan's gift are credited once (cause `topup:<orderId>`),
 *   with the plan's points and coupon (plan-gifts.ts, same transaction),
 *   and the order, having nothing to deliver, is COMPLETED (so it can never
 *   go through the goods refund flow; its money comes back by the principal refund);
 * - cancelled: an unpaid top-up gives its plan use back; an order whose
 *   split payment's wallet part was held gives it back (hold.ts).
 * Orders paid from the wallet need nothing here: the debit is in the paying
 * transaction (pay-order.ts), the refund in the refund's (refund-to-wallet.ts).
 */
export const walletOrderHooks: OrderHooks = {
  paid: (tx, order, deps, now) => (isTopUpOrder(order) ? creditTopUpInTx(tx, order, deps, now) : Promise.resolve()),
  cancelled: (tx, order, deps, now) => (isTopUpOrder(order) ? releaseTopUpInTx(tx, order._id, now) : releaseWalletHoldInTx(tx, deps, order, now)),
};

async function creditTopUpInTx(tx: Transaction, order: Order, deps: ServiceDeps, now: number): Promise<void> {
  const topUp = order.walletTopUp!;
  const paid = order.payment?.amount ?? order.amounts.payable;
  const cause = walletCause.topUp(order._id);
  // The plan's points and coupon go with the first credit of the cause only (plan-gifts.ts): a replay gives nothing again.
  const gifts = (await causeAppliedInTx(tx, order.openid, cause))
    ? null
    : await grantTopUpGiftsInTx(tx, { orderId: order._id, openid: order.openid, giftPoints: topUp.giftPoints ?? 0, giftCouponTemplateId: topUp.giftCouponTemplateId ?? null }, now, deps.log);
  const skipped = gifts?.couponSkipped ? `（赠券${PLAN_COUPON_SKIP_LABELS[gifts.couponSkipped]}，未发放）` : '';
  const applied = await applyWalletInTx(
    tx,
    deps,
    {
      openid: order.openid,
      cause,
      principal: { deltaFen: paid, kind: 'topUp' },
      gift: { deltaFen: topUp.giftFen, kind: 'gift', expiresAt: giftExpiryOf(topUp.giftValidDays, now), lotId: order._id },
      refId: order._id,
      title: `订单 ${displayOrderNo(order)}${skipped}`,
      rollup: { topUpFen: paid, giftFen: topUp.giftFen },
    },
    now,
  );
  if (applied instanceof Refusal) throw applied.error; // a credit never refuses
  const topUpRef = tx.collection<WalletTopUpDoc>(WalletCollections.topUps).doc(order._id);
  if ((await topUpRef.get()).data) {
    await topUpRef.update({ status: 'PAID', outTradeNo: order.payment?.outTradeNo ?? order._id, paidAt: now, ...(gifts ? { gifts } : {}) });
  }
  const done = step(order, ['ship', 'confirm'], now, 'system');
  if (done instanceof Refusal) return; // a pickup-shaped order cannot be shipped: left PAID (never happens for top-ups)
  await tx
    .collection<OrderDoc>(OrderCollections.orders)
    .doc(order._id)
    .update(replaceFields(deps.db.command, { ...done, shippedAt: now, completedAt: now }));
  deps.log.info('wallet topped up', { orderId: order._id, principalFen: paid, giftFen: topUp.giftFen, applied: applied.applied, gifts });
}
