import type { VerifiedCouponView } from '../../../core/contracts/coupon';
import { requireStaffOfStore } from '../../kit/guards';
import type { Caller } from '../../kit/types';
import type { ServiceDeps } from '../order/deps';
import { verifyCouponInStore } from '../promotion/coupons';
import { auditingRefusals, writeAudit } from './audit';

/**
 * Marks a coupon USED at this store through the promotion service (its own
 * transaction, which re-checks the staff role from `roles`); the audit entry
 * follows it, since that transaction belongs to the promotion service.
 */
export async function verifyCoupon(deps: ServiceDeps, caller: Caller, code: string, storeId: string): Promise<VerifiedCouponView> {
  requireStaffOfStore(caller, storeId);
  const staffOpenid = caller.openid ?? '';
  const now = deps.now();
  const audit = { staffOpenid, storeId, action: 'verifyCoupon' as const, target: code.trim(), at: now };
  const verified = await auditingRefusals(deps.db, audit, () =>
    verifyCouponInStore(deps.db, { couponCode: code.trim(), storeId, staffOpenid }, now),
  );
  await writeAudit(deps.db, { ...audit, result: verified.verifiedNow ? 'ok' : 'duplicate' });
  return verified;
}
