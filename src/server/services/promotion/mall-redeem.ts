import type { RedeemView } from '../../../core/contracts/mall';
import type { FulfillmentInput } from '../../../core/contracts/order';
import type { CouponTemplateDoc } from '../../../core/coupon/types';
import { validityOpen } from '../../../core/coupon/validity';
import { isAppError } from '../../../core/errors';
import { mallErrors } from '../../../core/mall/errors';
import { COUPON_WALLET_FULFILLMENT, mallOrderDoc } from '../../../core/mall/order';
import {
  mallCountId,
  type MallItem,
  type MallItemDoc,
  type MallRedemptionCountDoc,
  type MallRedemptionDoc,
} from '../../../core/mall/types';
import type { Order, OrderDoc, OrderFulfillment } from '../../../core/order/types';
import { toOrderView } from '../../../core/order/view';
import type { z } from 'zod';
import type { Transaction } from '../../db';
import { newId } from '../../kit/ids';
import { assertSameInput, inputFingerprint, reusedKeyError } from '../../kit/input-fingerprint';
import { CatalogCollections, loadOne, type SkuDoc } from '../catalog/records';
import { loadOrder } from '../order/access';
import type { ServiceDeps } from '../order/deps';
import { resolveFulfillment } from '../order/prepare';
import { IDEMPOTENCY_TTL_MS, idempotencyKey, OrderCollections, type IdempotencyDoc } from '../order/records';
import { withPickupCodeInTx } from '../order/pickup-code';
import { allocateOrderNoInTx } from '../order/order-no';
import { orderPayMinutes } from '../order/settings';
import { Refusal, refuse, transact } from '../order/transact';
import { applyPointsInTx, pointsBalanceOf } from '../points/ledger';
import { issueCouponInTx, readTemplateInTx } from './issue';
import { loadMallItem } from './mall-queries';
import { mallCouponId, redeemSource } from './mall-sources';
import { PromotionCollections } from './records';

export const MALL_REDEEM_SCOPE = 'mr';

export interface RedeemRequest {
  itemId: string;
  requestId: string;
  fulfillment?: z.output<typeof FulfillmentInput>;
  remark: string;
}

/**
 * Redeems one unit of a points-mall item in ONE transaction: the item's stock
 * (never below 0), the member's count for the item (never past the limit),
 * the points (the ledger refuses a balance too small), the redemption record
 * and an order (points only: paid at once, a coupon issued and the order
 * COMPLETED for coupon items; points + cash: PENDING_PAYMENT for the cash).
 * The same caller and requestId answer the first redemption.
 */
export async function redeemMallItem(deps: ServiceDeps, openid: string, input: RedeemRequest): Promise<RedeemView> {
  const requestKey = idempotencyKey(MALL_REDEEM_SCOPE, openid, input.requestId);
  const fingerprint = inputFingerprint(MALL_REDEEM_SCOPE, openid, input);
  const replayed = await orderOfKey(deps, requestKey, fingerprint);
  if (replayed) return redeemView(replayed);

  const item = await loadMallItem(deps, input.itemId);
  await refuseEarly(deps, openid, item);
  const fulfillment = await fulfillmentFor(deps, item, input.fulfillment);
  const product = await catalogProductOf(deps, item);
  const payMinutes = await orderPayMinutes(deps);
  const now = deps.now();
  const orderId = newId('m', now);

  const createdId = await transact(deps.db, async (tx): Promise<string | Refusal> => {
    const idempotency = tx.collection<IdempotencyDoc>(OrderCollections.idempotency).doc(requestKey);
    const earlier = (await idempotency.get()).data;
    if (earlier) {
      const reused = reusedKeyError(earlier.inputHash, fingerprint);
      return reused ? refuse(reused) : earlier.resultId;
    }

    const checked = await checkRedeemableInTx(tx, item._id, openid, now);
    if (checked instanceof Refusal) return checked;
    const { current, count, templateId } = checked;
    // Last of the checks: the ledger refuses before it writes anything.
    const taken = await takePointsInTx(tx, openid, current, input.requestId, orderId, now);
    if (taken) return taken;

    const couponId = templateId && current.cashPrice === 0 ? mallCouponId(orderId) : null;
    const order = mallOrderDoc({
      item: { ...current, _id: item._id },
      openid,
      fulfillment: await withPickupCodeInTx(tx, orderId, fulfillment, now),
      product,
      requestId: input.requestId,
      requestKey,
      remark: input.remark,
      now,
      payDeadline: now + payMinutes * 60_000,
      couponId,
    });
    if (couponId && templateId) await issueCouponInTx(tx, { couponId, openid, templateId, source: 'mall' }, now);
    const _ = deps.db.command;
    await tx.collection<MallItemDoc>(PromotionCollections.mallItems).doc(item._id).update({ stock: _.inc(-1), sold: _.inc(1), updatedAt: now });
    await tx
      .collection<MallRedemptionCountDoc>(PromotionCollections.redemptionCounts)
      .doc(mallCountId(item._id, openid))
      .set({ itemId: item._id, openid, count: count + 1, updatedAt: now });
    await tx.collection<MallRedemptionDoc>(PromotionCollections.redemptions).doc(orderId).set({
      openid,
      itemId: item._id,
      kind: current.kind,
      pointsPrice: current.pointsPrice,
      cashPrice: current.cashPrice,
      ledgerId: redeemSource(input.requestId),
      status: 'ACTIVE',
      couponId,
      createdAt: now,
      returnedAt: null,
    });
    await tx.collection<OrderDoc>(OrderCollections.orders).doc(orderId).set({ ...order, orderNo: await allocateOrderNoInTx(tx, now) });
    await idempotency.set({
      scope: MALL_REDEEM_SCOPE,
      openid,
      requestId: input.requestId,
      resultId: orderId,
      inputHash: fingerprint,
      createdAt: now,
      expiresAt: now + IDEMPOTENCY_TTL_MS,
    });
    return orderId;
  });

  const order = await loadOrder(deps.db, createdId);
  if (!order) throw new Error(`mall order ${createdId} vanished after creation`);
  if (createdId === orderId) deps.log.info('mall item redeemed', { orderId, itemId: item._id, points: item.pointsPrice, cash: item.cashPrice });
  return redeemView(order);
}

/** Inside the transaction, reads only: the item on sale with a unit left, the member under the limit, a coupon item's template open. */
async function checkRedeemableInTx(
  tx: Transaction,
  itemId: string,
  openid: string,
  now: number,
): Promise<{ current: MallItemDoc; count: number; templateId: string | null } | Refusal> {
  const current = (await tx.collection<MallItemDoc>(PromotionCollections.mallItems).doc(itemId).get()).data;
  if (!current) return refuse(mallErrors.itemNotFound(itemId));
  if (current.status !== 'ON_SALE') return refuse(mallErrors.offSale(itemId));
  if (current.stock < 1) return refuse(mallErrors.soldOut(itemId));
  const countDoc = (await tx.collection<MallRedemptionCountDoc>(PromotionCollections.redemptionCounts).doc(mallCountId(itemId, openid)).get()).data;
  const count = countDoc?.count ?? 0;
  if (current.perMemberLimit > 0 && count >= current.perMemberLimit) return refuse(mallErrors.limitReached(itemId, current.perMemberLimit));
  if (current.kind !== 'coupon') return { current, count, templateId: null };
  const template = current.templateId ? await readTemplateInTx(tx, current.templateId) : null;
  if (!template || !validityOpen(template.validity, now)) return refuse(mallErrors.offSale(itemId));
  return { current, count, templateId: current.templateId };
}

/** Takes the points (a Refusal when the balance is short, nothing written then). */
async function takePointsInTx(
  tx: Transaction,
  openid: string,
  item: MallItemDoc,
  requestId: string,
  orderId: string,
  now: number,
): Promise<Refusal | null> {
  if (item.pointsPrice <= 0) return null;
  try {
    const applied = await applyPointsInTx(
      tx,
      { id: redeemSource(requestId), openid, delta: -item.pointsPrice, kind: 'redeem', note: item.title, refId: orderId },
      now,
    );
    // The idempotency record and the ledger entry are written together: one without the other is a bug.
    if (!applied.applied) throw new Error(`points for redeem:${requestId} already taken without a redemption order`);
    return null;
  } catch (error) {
    if (isAppError(error) && error.code === 'INSUFFICIENT_POINTS') return refuse(error);
    throw error;
  }
}

/** Sold out, over the limit or short of points: refused on reads before any transaction. */
async function refuseEarly(deps: ServiceDeps, openid: string, item: MallItem): Promise<void> {
  if (item.stock < 1) throw mallErrors.soldOut(item._id);
  if (item.perMemberLimit > 0) {
    const count = await loadOne<MallRedemptionCountDoc>(deps.db, PromotionCollections.redemptionCounts, mallCountId(item._id, openid));
    if ((count?.count ?? 0) >= item.perMemberLimit) throw mallErrors.limitReached(item._id, item.perMemberLimit);
  }
  const balance = await pointsBalanceOf(deps.db, openid);
  if (balance < item.pointsPrice) throw mallErrors.insufficientPoints(item.pointsPrice, balance);
}

async function fulfillmentFor(
  deps: ServiceDeps,
  item: MallItem,
  requested: RedeemRequest['fulfillment'],
): Promise<OrderFulfillment> {
  if (item.kind === 'coupon') {
    const template = item.templateId ? await loadOne<CouponTemplateDoc>(deps.db, PromotionCollections.templates, item.templateId) : null;
    if (!template || !validityOpen(template.validity, deps.now())) throw mallErrors.offSale(item._id);
    return COUPON_WALLET_FULFILLMENT;
  }
  return resolveFulfillment(deps, requested ?? { type: 'delivery' });
}

async function catalogProductOf(deps: ServiceDeps, item: MallItem): Promise<{ productId: string; skuName: string } | null> {
  if (item.kind !== 'goods' || !item.skuId) return null;
  const sku = await loadOne<SkuDoc>(deps.db, CatalogCollections.skus, item.skuId);
  return sku ? { productId: sku.productId, skuName: sku.name } : null;
}

function redeemView(order: Order): RedeemView {
  return {
    order: toOrderView(order),
    pointsSpent: order.mall?.pointsPrice ?? 0,
    needsPayment: order.status === 'PENDING_PAYMENT',
    couponId: order.mall?.couponId ?? null,
  };
}

async function orderOfKey(deps: ServiceDeps, key: string, fingerprint: string): Promise<Order | null> {
  const { data } = await deps.db.collection<IdempotencyDoc>(OrderCollections.idempotency).doc(key).get();
  if (!data[0]) return null;
  assertSameInput(data[0].inputHash, fingerprint);
  return loadOrder(deps.db, data[0].resultId);
}
