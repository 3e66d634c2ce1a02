import type { CouponDoc } from '../../../core/coupon/types';
import type { Order } from '../../../core/order/types';
import type { Transaction } from '../../db';
import { PromotionCollections } from './records';

/** The order was paid: its coupon, held since checkout, is USED. */
export async function useOrderCouponInTx(tx: Transaction, order: Order, now: number): Promise<void> {
  const ref = heldCoupon(tx, order);
  if (!ref) return;
  const coupon = (await ref.get()).data;
  if (coupon?.status !== 'LOCKED' || coupon.orderId !== order._id) return;
  await ref.update({ status: 'USED', usedAt: now, updatedAt: now });
}

/**
 * The unpaid order was cancelled: its coupon is AVAILABLE again (an expired
 * one then reads as EXPIRED). Only a coupon this order still holds moves, so
 * it comes back once however often the hook runs.
 */
export async function returnOrderCouponInTx(tx: Transaction, order: Order, now: number): Promise<void> {
  const ref = heldCoupon(tx, order);
  if (!ref) return;
  const coupon = (await ref.get()).data;
  if (!coupon || coupon.orderId !== order._id || (coupon.status !== 'LOCKED' && coupon.status !== 'USED')) return;
  await ref.update({ status: 'AVAILABLE', orderId: null, lockedAt: null, usedAt: null, updatedAt: now });
}

function heldCoupon(tx: Transaction, order: Order) {
  return order.coupon ? tx.collection<CouponDoc>(PromotionCollections.coupons).doc(order.coupon.couponId) : null;
}
