import type { CouponView } from '../contracts/coupon';
import { ruleLabel } from './labels';
import { COUPON_STATUS_LABELS, type Coupon, type CouponStatus } from './types';

/** The status the member sees: an AVAILABLE coupon past its end is EXPIRED before the timer marks it. */
export function effectiveStatus(coupon: Pick<Coupon, 'status' | 'validUntil'>, now: number): CouponStatus {
  return coupon.status === 'AVAILABLE' && now >= coupon.validUntil ? 'EXPIRED' : coupon.status;
}

export function toCouponView(coupon: Coupon, now: number): CouponView {
  const status = effectiveStatus(coupon, now);
  return {
    couponId: coupon._id,
    templateId: coupon.templateId,
    title: coupon.title,
    kind: coupon.rule.kind,
    rule: coupon.rule,
    ruleLabel: ruleLabel(coupon.rule),
    status,
    statusLabel: COUPON_STATUS_LABELS[status],
    validFrom: coupon.validFrom,
    validUntil: coupon.validUntil,
    inStoreOnly: coupon.inStoreOnly,
    source: coupon.source,
    code: coupon.code,
    issuedAt: coupon.issuedAt,
    orderId: coupon.orderId,
    usedAt: coupon.usedAt,
  };
}
