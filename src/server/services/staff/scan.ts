import type { ScanResult } from '../../../core/contracts/staff';
import type { Caller } from '../../kit/types';
import { requireStaffOfStore } from '../../kit/guards';
import type { ServiceDeps } from '../order/deps';
import { scannedCoupon } from './coupon';
import { staffErrors } from './errors';
import { looksLikeMemberCode, scannedMember } from './member-of-code';
import { scanPickup } from './scan-pickup';

/**
 * One scanner, three kinds of code: a member code (`M1.` or its 18 digits), a coupon code
 * (12 digits, unique in `coupons`), a pickup order (its 8-digit 取货码 or QR,
 * or its order number, of any kind of order; see scan-pickup). Changes
 * nothing but a member's counter session; a member lookup is audited (staff saw a member's points).
 */
export async function scanCode(deps: ServiceDeps, caller: Caller, code: string, storeId: string): Promise<ScanResult> {
  requireStaffOfStore(caller, storeId);
  const trimmed = code.trim();
  if (looksLikeMemberCode(trimmed)) return scannedMember(deps, caller, trimmed, storeId);
  const coupon = await scannedCoupon(deps, trimmed);
  if (coupon) return coupon;
  const pickup = await scanPickup(deps, trimmed, storeId);
  if (pickup) return pickup;
  throw staffErrors.codeUnknown();
}
