import type { VerifiedCouponView } from '../../../core/contracts/coupon';
import { couponErrors } from '../../../core/coupon/errors';
import { checkInStore } from '../../../core/coupon/in-store';
import type { CouponDoc } from '../../../core/coupon/types';
import { toCouponView } from '../../../core/coupon/view';
import type { Fen } from '../../../core/money';
import type { Db } from '../../db';
import { loadCaller, requireStaffOfStore } from '../../kit';
import { refuse, transact } from '../order/transact';
import { PromotionCollections } from './records';

export interface VerifyCouponRequest {
  couponCode: string;
  storeId: string;
  staffOpenid: string;
  /** The purchase the coupon is used on (goods, fen): it must reach the coupon's threshold. */
  amount: Fen;
}

export interface InStoreVerification extends VerifiedCouponView {
  amount: Fen;
  /** What the coupon takes off `amount` (0 for a free-item coupon: staff hand over the item). */
  discount: Fen;
}

/**
 * Staff verify (核销) a member's coupon in-store by its code, for a purchase
 * of `amount`: AVAILABLE, within its window and the amount at its threshold
 * (COUPON_THRESHOLD_NOT_MET otherwise, the coupon untouched) → USED at this
 * store, in one transaction, so two scanners at once use it once. The same
 * store scanning it again answers it with `verifiedNow: false`. Only staff of
 * `storeId` (FORBIDDEN otherwise), checked against the `roles` records, not
 * the caller's word.
 */
export async function verifyCouponInStore(db: Db, request: VerifyCouponRequest, now: number = Date.now()): Promise<InStoreVerification> {
  requireStaffOfStore(await loadCaller(db, request.staffOpenid), request.storeId);
  const { data } = await db
    .collection<CouponDoc>(PromotionCollections.coupons)
    .where({ code: request.couponCode })
    .limit(1)
    .field({ _id: true })
    .get();
  const couponId = data[0]?._id;
  if (!couponId) throw couponErrors.codeNotFound(request.couponCode);

  return transact(db, async (tx) => {
    const ref = tx.collection<CouponDoc>(PromotionCollections.coupons).doc(couponId);
    const coupon = (await ref.get()).data;
    if (!coupon) return refuse(couponErrors.codeNotFound(request.couponCode));
    const check = checkInStore(coupon.rule, request.amount);
    const answer = (c: typeof coupon, verifiedNow: boolean): InStoreVerification => ({
      coupon: toCouponView(c, now),
      verifiedNow,
      storeId: request.storeId,
      amount: request.amount,
      discount: check.meets ? check.discount : 0,
    });
    if (coupon.status === 'USED' && coupon.orderId === null && coupon.usedStoreId === request.storeId) return answer(coupon, false);
    if (coupon.status === 'USED') return refuse(couponErrors.used(couponId));
    if (coupon.status === 'LOCKED') return refuse(couponErrors.locked(couponId));
    if (coupon.status === 'EXPIRED' || now >= coupon.validUntil) return refuse(couponErrors.expired(couponId));
    if (now < coupon.validFrom) return refuse(couponErrors.notStarted(couponId));
    if (!check.meets) return refuse(couponErrors.thresholdNotMet(couponId, check.threshold, request.amount));
    const used = { status: 'USED' as const, usedAt: now, usedStoreId: request.storeId, verifiedBy: request.staffOpenid, updatedAt: now };
    await ref.update(used);
    return answer({ ...coupon, ...used }, true);
  });
}
