import type { ScannedCoupon, StaffVerifiedCoupon } from '../../../core/contracts/staff';
import { isWithinValidity } from '../../../core/coupon/check';
import type { Coupon, CouponDoc } from '../../../core/coupon/types';
import { toCouponView } from '../../../core/coupon/view';
import type { Fen } from '../../../core/money';
import { requireStaffOfStore } from '../../kit/guards';
import type { Caller } from '../../kit/types';
import { loadMember } from '../member/access';
import { maskPhone } from '../member/views';
import type { ServiceDeps } from '../order/deps';
import { verifyCouponInStore } from '../promotion/coupons';
import { PromotionCollections } from '../promotion/records';
import { auditingRefusals, writeAudit } from './audit';

/**
 * A scanned coupon code: the coupon, its rule and threshold, and whose it is
 * (nickname, masked phone) so staff can ask before using it. Null when no
 * coupon has this code.
 */
export async function scannedCoupon(deps: ServiceDeps, code: string): Promise<ScannedCoupon | null> {
  const { data } = await deps.db.collection<CouponDoc>(PromotionCollections.coupons).where({ code }).limit(1).get();
  const coupon: Coupon | undefined = data[0];
  if (!coupon) return null;
  const now = deps.now();
  const owner = await loadMember(deps.db, coupon.openid);
  return {
    kind: 'coupon',
    coupon: toCouponView(coupon, now),
    owner: { nickname: owner?.nickname ?? null, maskedPhone: maskPhone(owner?.phone ?? null) },
    threshold: coupon.rule.threshold,
    verifiable: coupon.status === 'AVAILABLE' && isWithinValidity(coupon, now),
  };
}

/**
 * Marks a coupon USED at this store for a purchase of `amount` through the
 * promotion service (its own transaction, which re-checks the staff role
 * from `roles` and the threshold); the audit entry follows it, since that
 * transaction belongs to the promotion service.
 */
export async function verifyCoupon(deps: ServiceDeps, caller: Caller, code: string, storeId: string, amount: Fen): Promise<StaffVerifiedCoupon> {
  requireStaffOfStore(caller, storeId);
  const staffOpenid = caller.openid ?? '';
  const now = deps.now();
  const audit = { staffOpenid, storeId, action: 'verifyCoupon' as const, target: code.trim(), at: now };
  const verified = await auditingRefusals(deps.db, audit, () =>
    verifyCouponInStore(deps.db, { couponCode: code.trim(), storeId, staffOpenid, amount }, now),
  );
  await writeAudit(deps.db, { ...audit, result: verified.verifiedNow ? 'ok' : 'duplicate' });
  return verified;
}
