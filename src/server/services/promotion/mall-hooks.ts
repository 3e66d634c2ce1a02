import type { MallItemDoc, MallRedemptionCountDoc, MallRedemptionDoc } from '../../../core/mall/types';
import { mallCountId } from '../../../core/mall/types';
import type { Order, OrderDoc } from '../../../core/order/types';
import type { Transaction } from '../../db';
import { step } from '../order/change';
import type { ServiceDeps } from '../order/deps';
import { OrderCollections, replaceFields } from '../order/records';
import { Refusal } from '../order/transact';
import { applyPointsInTx } from '../points/ledger';
import { issueCouponInTx, readTemplateInTx } from './issue';
import { mallCouponId, returnSource } from './mall-sources';
import { PromotionCollections } from './records';

/**
 * A cancelled (unpaid points + cash) or refunded redemption: points, the
 * item's unit and the member's count come back, once (the redemption record
 * goes ACTIVE → RETURNED in the same transaction; the points entry is keyed
 * `return:<orderId>` as well).
 */
export async function returnRedemptionInTx(tx: Transaction, order: Order, deps: ServiceDeps, now: number): Promise<void> {
  if (order.source !== 'mall') return;
  const ref = tx.collection<MallRedemptionDoc>(PromotionCollections.redemptions).doc(order._id);
  const redemption = (await ref.get()).data;
  if (!redemption || redemption.status !== 'ACTIVE') return;
  const _ = deps.db.command;
  if (redemption.pointsPrice > 0) {
    await applyPointsInTx(
      tx,
      { id: returnSource(order._id), openid: redemption.openid, delta: redemption.pointsPrice, kind: 'return', refId: order._id, note: order.items[0]?.productName },
      now,
    );
  }
  await tx.collection<MallItemDoc>(PromotionCollections.mallItems).doc(redemption.itemId).update({ stock: _.inc(1), sold: _.inc(-1), updatedAt: now });
  await tx
    .collection<MallRedemptionCountDoc>(PromotionCollections.redemptionCounts)
    .doc(mallCountId(redemption.itemId, redemption.openid))
    .update({ count: _.inc(-1), updatedAt: now });
  await ref.update({ status: 'RETURNED', returnedAt: now });
}

/**
 * A points + cash coupon item was paid: the coupon is issued and the order
 * COMPLETED. A template deleted meanwhile leaves the order paid for an
 * operator to settle (a payment notification must always be recorded).
 */
export async function fulfilPaidCouponRedemptionInTx(tx: Transaction, order: Order, deps: ServiceDeps, now: number): Promise<void> {
  if (order.source !== 'mall' || order.mall?.kind !== 'coupon' || order.mall.couponId) return;
  const ref = tx.collection<MallRedemptionDoc>(PromotionCollections.redemptions).doc(order._id);
  const redemption = (await ref.get()).data;
  if (!redemption) return;
  const itemTemplateId = (await tx.collection<MallItemDoc>(PromotionCollections.mallItems).doc(redemption.itemId).get()).data?.templateId;
  if (!itemTemplateId || !(await readTemplateInTx(tx, itemTemplateId))) {
    deps.log.error('paid coupon redemption: template missing, coupon not issued', { orderId: order._id, itemId: redemption.itemId });
    return;
  }
  const couponId = mallCouponId(order._id);
  await issueCouponInTx(tx, { couponId, openid: order.openid, templateId: itemTemplateId, source: 'mall' }, now);
  await ref.update({ couponId });
  const next = step(order, order.status === 'READY_FOR_PICKUP' ? ['pickUp'] : [], now, 'system');
  const patch: Partial<OrderDoc> = { mall: { ...order.mall, couponId }, updatedAt: now };
  if (!(next instanceof Refusal) && next.status === 'COMPLETED') Object.assign(patch, next, { completedAt: now });
  await tx.collection<OrderDoc>(OrderCollections.orders).doc(order._id).update(replaceFields(deps.db.command, patch));
}
