import type { CheckoutCouponOption } from '../../../core/contracts/coupon';
import { checkCoupon, rankCoupons, type CouponOption } from '../../../core/coupon/check';
import type { CouponCart } from '../../../core/coupon/discount';
import { COUPON_MISS_LABELS, couponErrors, couponMissError } from '../../../core/coupon/errors';
import { ruleLabel } from '../../../core/coupon/labels';
import type { Coupon, CouponDoc, OrderCoupon } from '../../../core/coupon/types';
import type { Fen } from '../../../core/money';
import { orderErrors } from '../../../core/order/errors';
import type { FulfillmentType } from '../../../core/pricing';
import type { Transaction } from '../../db';
import { CatalogCollections, type SkuDoc } from '../catalog/records';
import type { ServiceDeps } from '../order/deps';
import { refuse, type Refusal } from '../order/transact';
import { PromotionCollections } from './records';

/** More than any member holds usable at once; beyond it checkout considers the soonest-expiring. */
const WALLET_MAX = 100;

/** `couponId` as the client sent it: absent = the best usable one, null = none, an id = that one. */
export type CouponRequest = string | null | undefined;

export interface CouponChoice {
  coupon: Coupon;
  discount: Fen;
}

export interface CheckoutCoupons {
  choice: CouponChoice | null;
  options: CheckoutCouponOption[];
}

/**
 * The coupon for a cart, before any transaction: the one asked for (a
 * COUPON_* refusal when it is not the caller's or cannot be used), the best
 * usable one when none was named, or none. Also the caller's coupons ranked
 * for the checkout's picker.
 */
export async function chooseCoupon(
  deps: ServiceDeps,
  openid: string,
  request: CouponRequest,
  cart: CouponCart,
  now: number,
): Promise<CheckoutCoupons> {
  const ranked = rankCoupons(await loadWallet(deps, openid, now), cart, now);
  const options = ranked.map(toOption);
  if (request === null) return { choice: null, options };
  if (request === undefined) {
    const best = ranked[0];
    return { choice: best?.check.usable ? { coupon: best.coupon, discount: best.check.discount } : null, options };
  }
  const coupon = ranked.find((o) => o.coupon._id === request)?.coupon ?? (await loadOwnCoupon(deps, openid, request));
  const check = checkCoupon(coupon, cart, now);
  if (!check.usable) throw couponMissError(request, check.reason);
  return { choice: { coupon, discount: check.discount }, options };
}

/** The caller's AVAILABLE coupons not yet ended, soonest-ending first. */
async function loadWallet(deps: ServiceDeps, openid: string, now: number): Promise<Coupon[]> {
  const { data } = await deps.db
    .collection<CouponDoc>(PromotionCollections.coupons)
    .where({ openid, status: 'AVAILABLE', validUntil: deps.db.command.gt(now) })
    .orderBy('validUntil', 'asc')
    .limit(WALLET_MAX)
    .get();
  return data;
}

async function loadOwnCoupon(deps: ServiceDeps, openid: string, couponId: string): Promise<Coupon> {
  const { data } = await deps.db.collection<CouponDoc>(PromotionCollections.coupons).doc(couponId).get();
  const coupon = data[0];
  if (!coupon || coupon.openid !== openid) throw couponErrors.notFound(couponId);
  return coupon;
}

function toOption({ coupon, check }: CouponOption<Coupon>): CheckoutCouponOption {
  return {
    couponId: coupon._id,
    title: coupon.title,
    ruleLabel: ruleLabel(coupon.rule),
    validUntil: coupon.validUntil,
    usable: check.usable,
    discount: check.usable ? check.discount : 0,
    reason: check.usable ? null : check.reason,
    reasonLabel: check.usable ? null : COUPON_MISS_LABELS[check.reason],
  };
}

/** A cart as coupons see it. */
export function couponCartOf(
  lines: ReadonlyArray<{ skuId: string; productId?: string; unitPrice: Fen; quantity: number }>,
  fulfillment: FulfillmentType,
  memberDiscountBps: number,
): CouponCart {
  // productId: coupons scoped to products (指定商品) count only their lines.
  return { lines: lines.map(({ skuId, productId, unitPrice, quantity }) => ({ skuId, productId, unitPrice, quantity })), fulfillment, memberDiscountBps };
}

/**
 * Inside the order's transaction, before it writes anything: the coupon
 * re-read and checked against the SKU prices as this transaction reads them
 * (a coupon used by a concurrent order, or a price change under the
 * threshold, refuses the order rather than changing its price unseen).
 */
export async function checkCouponInTx(
  tx: Transaction,
  openid: string,
  couponId: string,
  lines: ReadonlyArray<{ skuId: string; quantity: number }>,
  fulfillment: FulfillmentType,
  memberDiscountBps: number,
  now: number,
): Promise<CouponChoice | Refusal> {
  const coupon = (await tx.collection<CouponDoc>(PromotionCollections.coupons).doc(couponId).get()).data;
  if (!coupon || coupon.openid !== openid) return refuse(couponErrors.notFound(couponId));
  const priced: Array<{ skuId: string; productId: string; unitPrice: Fen; quantity: number }> = [];
  for (const line of lines) {
    const sku = (await tx.collection<SkuDoc>(CatalogCollections.skus).doc(line.skuId).get()).data;
    if (!sku) return refuse(orderErrors.skuNotFound(line.skuId));
    priced.push({ skuId: line.skuId, productId: sku.productId, unitPrice: sku.price, quantity: line.quantity });
  }
  const check = checkCoupon(coupon, couponCartOf(priced, fulfillment, memberDiscountBps), now);
  if (!check.usable) return refuse(couponMissError(couponId, check.reason));
  return { coupon, discount: check.discount };
}

/** Inside the order's transaction, after its checks: the coupon is held by the order until it is paid or cancelled. */
export async function lockCouponInTx(tx: Transaction, couponId: string, orderId: string, now: number): Promise<void> {
  await tx
    .collection<CouponDoc>(PromotionCollections.coupons)
    .doc(couponId)
    .update({ status: 'LOCKED', orderId, lockedAt: now, updatedAt: now });
}

/** What the order records of its coupon; `discount` is what pricing actually took. */
export function orderCouponOf(coupon: Coupon, discount: Fen): OrderCoupon {
  return { couponId: coupon._id, templateId: coupon.templateId, title: coupon.title, kind: coupon.rule.kind, discount };
}
