import type { CouponTimerReport } from '../../../core/contracts/coupon';
import type { CouponDoc } from '../../../core/coupon/types';
import type { ServiceDeps } from '../order/deps';
import { PromotionCollections } from './records';

/**
 * Timer `expireCoupons`: AVAILABLE coupons past their end become EXPIRED.
 * One conditional update; views already read such coupons as expired, so
 * this only keeps stored statuses honest for queries and reports.
 */
export async function expireCoupons(deps: ServiceDeps): Promise<CouponTimerReport> {
  const now = deps.now();
  const { updated } = await deps.db
    .collection<CouponDoc>(PromotionCollections.coupons)
    .where({ status: 'AVAILABLE', validUntil: deps.db.command.lte(now) })
    .update({ status: 'EXPIRED', updatedAt: now });
  if (updated > 0) deps.log.info('expireCoupons', { expired: updated });
  return { expired: updated };
}
