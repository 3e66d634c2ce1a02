import type { ClaimCenterView, ClaimableTemplateView, CouponPage, CouponSummary, CouponView } from '../../../core/contracts/coupon';
import { couponErrors } from '../../../core/coupon/errors';
import { ruleLabel, validityLabel } from '../../../core/coupon/labels';
import type { CouponDoc, CouponStatus, CouponTemplate, CouponTemplateDoc } from '../../../core/coupon/types';
import { validityOpen } from '../../../core/coupon/validity';
import { toCouponView } from '../../../core/coupon/view';
import type { Query } from '../../db';
import { loadByIds } from '../catalog/records';
import type { ServiceDeps } from '../order/deps';
import { claimCountId, PromotionCollections, type ClaimCountDoc } from './records';

const CLAIM_CENTER_MAX = 100;

/** The caller's coupons as they see them, one status at a time (an AVAILABLE one past its end lists as EXPIRED). */
export async function listMyCoupons(
  deps: ServiceDeps,
  openid: string,
  input: { status?: CouponStatus; page: number; pageSize: number },
): Promise<CouponPage> {
  const now = deps.now();
  const { query, order } = listQuery(deps, openid, input.status, now);
  const { data } = await deps.db
    .collection<CouponDoc>(PromotionCollections.coupons)
    .where(query)
    .orderBy(order.field, order.direction)
    .skip(input.page * input.pageSize)
    .limit(input.pageSize + 1)
    .get();
  return {
    items: data.slice(0, input.pageSize).map((c) => toCouponView(c, now)),
    page: input.page,
    pageSize: input.pageSize,
    hasMore: data.length > input.pageSize,
  };
}

function listQuery(deps: ServiceDeps, openid: string, status: CouponStatus | undefined, now: number) {
  const _ = deps.db.command;
  const by = (field: string, direction: 'asc' | 'desc') => ({ field, direction });
  switch (status) {
    case 'AVAILABLE':
      return { query: { openid, status: 'AVAILABLE', validUntil: _.gt(now) } as Query, order: by('validUntil', 'asc') };
    case 'EXPIRED':
      return { query: { openid, status: _.in(['AVAILABLE', 'EXPIRED']), validUntil: _.lte(now) } as Query, order: by('validUntil', 'desc') };
    case 'USED':
    case 'LOCKED':
      return { query: { openid, status } as Query, order: by('updatedAt', 'desc') };
    default:
      return { query: { openid } as Query, order: by('issuedAt', 'desc') };
  }
}

export async function getMyCoupon(deps: ServiceDeps, openid: string, couponId: string): Promise<CouponView> {
  const { data } = await deps.db.collection<CouponDoc>(PromotionCollections.coupons).doc(couponId).get();
  const coupon = data[0];
  if (!coupon || coupon.openid !== openid) throw couponErrors.notFound(couponId);
  return toCouponView(coupon, deps.now());
}

export async function couponSummary(deps: ServiceDeps, openid: string): Promise<CouponSummary> {
  const { total } = await deps.db
    .collection<CouponDoc>(PromotionCollections.coupons)
    .where({ openid, status: 'AVAILABLE', validUntil: deps.db.command.gt(deps.now()) })
    .count();
  return { available: total };
}

/** The claim center: active claimable templates, with what is left and what the caller already claimed. */
export async function listClaimCenter(deps: ServiceDeps, openid: string): Promise<ClaimCenterView> {
  const now = deps.now();
  const { data } = await deps.db
    .collection<CouponTemplateDoc>(PromotionCollections.templates)
    .where({ status: 'ACTIVE', claimable: true })
    .orderBy('sort', 'asc')
    .limit(CLAIM_CENTER_MAX)
    .get();
  const open = data.filter((t) => validityOpen(t.validity, now));
  const counts = await loadByIds<ClaimCountDoc>(
    deps.db,
    PromotionCollections.claimCounts,
    open.map((t) => claimCountId(t._id, openid)),
  );
  return { items: open.map((t) => claimableView(t, counts.get(claimCountId(t._id, openid))?.count ?? 0)) };
}

function claimableView(template: CouponTemplate, claimedByMe: number): ClaimableTemplateView {
  const remaining = template.totalQuantity === null ? null : Math.max(0, template.totalQuantity - template.claimed);
  const soldOut = remaining === 0;
  return {
    templateId: template._id,
    title: template.title,
    description: template.description,
    kind: template.rule.kind,
    rule: template.rule,
    ruleLabel: ruleLabel(template.rule),
    validity: template.validity,
    validityLabel: validityLabel(template.validity),
    inStoreOnly: template.inStoreOnly,
    perMemberLimit: template.perMemberLimit,
    claimedByMe,
    remaining,
    soldOut,
    canClaim: !soldOut && claimedByMe < template.perMemberLimit,
  };
}
