import type { ScanResult, ScannedCoupon, ScannedMember, ScannedPickup } from '../../../core/contracts/staff';
import type { CouponDoc } from '../../../core/coupon/types';
import { toCouponView } from '../../../core/coupon/view';
import type { Caller } from '../../kit/types';
import { requireStaffOfStore } from '../../kit/guards';
import { lookupMemberByCode } from '../member/member-code';
import { loadMember } from '../member/access';
import { loadOrder } from '../order/access';
import type { ServiceDeps } from '../order/deps';
import { PromotionCollections } from '../promotion/records';
import { auditingRefusals, writeAudit } from './audit';
import { staffErrors } from './errors';
import { looksLikeMemberCode, memberCodeValidUntil } from './member-of-code';
import { pickupStoreOf, pickupSummaryOf } from './order-summary';

const ORDER_ID = /^o_[0-9a-z]{20}$/;

/**
 * One scanner, three kinds of code: a member code (`M1.`), a coupon code
 * (digits, unique in `coupons`), an order id (a pickup order). Changes
 * nothing; a member lookup is audited (staff saw a member's points).
 */
export async function scanCode(deps: ServiceDeps, caller: Caller, code: string, storeId: string): Promise<ScanResult> {
  requireStaffOfStore(caller, storeId);
  const trimmed = code.trim();
  if (looksLikeMemberCode(trimmed)) return scanMember(deps, caller, trimmed, storeId);
  const coupon = await scanCoupon(deps, trimmed);
  if (coupon) return coupon;
  const pickup = ORDER_ID.test(trimmed) ? await scanPickup(deps, trimmed, storeId) : null;
  if (pickup) return pickup;
  throw staffErrors.codeUnknown();
}

async function scanMember(deps: ServiceDeps, caller: Caller, code: string, storeId: string): Promise<ScannedMember> {
  const entry = { staffOpenid: caller.openid ?? '', storeId, action: 'scan' as const, at: deps.now() };
  const member = await auditingRefusals(deps.db, { ...entry, target: 'member' }, () => lookupMemberByCode(deps, code));
  await writeAudit(deps.db, { ...entry, target: member.memberId, result: 'ok' });
  return { kind: 'member', member, validUntil: memberCodeValidUntil(code) };
}

async function scanCoupon(deps: ServiceDeps, code: string): Promise<ScannedCoupon | null> {
  const { data } = await deps.db.collection<CouponDoc>(PromotionCollections.coupons).where({ code }).limit(1).get();
  const coupon = data[0];
  if (!coupon) return null;
  const now = deps.now();
  const verifiable = coupon.status === 'AVAILABLE' && coupon.validFrom <= now && now < coupon.validUntil;
  return { kind: 'coupon', coupon: toCouponView(coupon, now), verifiable };
}

async function scanPickup(deps: ServiceDeps, orderId: string, storeId: string): Promise<ScannedPickup | null> {
  const order = await loadOrder(deps.db, orderId);
  if (!order || order.fulfillment.type !== 'pickup') return null;
  const member = await loadMember(deps.db, order.openid);
  const atThisStore = pickupStoreOf(order) === storeId;
  return {
    kind: 'pickup',
    order: pickupSummaryOf(order, member?.nickname ?? null),
    atThisStore,
    verifiable: atThisStore && order.status === 'READY_FOR_PICKUP',
  };
}
