import { createHash } from 'crypto';
import type { CouponView } from '../../../core/contracts/coupon';
import { AppError } from '../../../core/errors';
import { couponErrors } from '../../../core/coupon/errors';
import { couponFromTemplate } from '../../../core/coupon/issue';
import type { Coupon, CouponDoc, CouponTemplateDoc } from '../../../core/coupon/types';
import { validityOpen } from '../../../core/coupon/validity';
import { toCouponView } from '../../../core/coupon/view';
import { assertSameInput, inputFingerprint, reusedKeyError } from '../../kit/input-fingerprint';
import type { ServiceDeps } from '../order/deps';
import { refuse, transact, type Refusal } from '../order/transact';
import { newCouponCode } from './coupon-code';
import { claimCountId, PromotionCollections, type ClaimCountDoc } from './records';

export const COUPON_CLAIM_SCOPE = 'coupon.claim';

/** The coupon a claim creates: one per (member, requestId), so a retried tap finds the first one. */
export function claimCouponId(openid: string, requestId: string): string {
  return `claim:${createHash('sha256').update(`${openid}\n${requestId}`).digest('hex').slice(0, 32)}`;
}

/**
 * A member claims a coupon in the claim center, in one transaction: the
 * template's claimed count (never past its quantity), the member's claim
 * count (never past the per-member limit) and the coupon. Repeating the same
 * requestId answers the coupon of the first claim; with another template it is
 * IDEMPOTENCY_KEY_REUSED.
 */
export async function claimCoupon(deps: ServiceDeps, openid: string, input: { templateId: string; requestId: string }): Promise<CouponView> {
  const couponId = claimCouponId(openid, input.requestId);
  const fingerprint = inputFingerprint(COUPON_CLAIM_SCOPE, openid, input);
  const earlier = await loadCoupon(deps, couponId);
  if (earlier) {
    assertSameInput(earlier.inputHash, fingerprint);
    return toCouponView(earlier, deps.now());
  }
  await refuseEarly(deps, input.templateId);

  const now = deps.now();
  const coupon = await transact(deps.db, async (tx): Promise<Coupon | Refusal> => {
    const couponRef = tx.collection<CouponDoc>(PromotionCollections.coupons).doc(couponId);
    const replay = (await couponRef.get()).data;
    if (replay) {
      const reused = reusedKeyError(replay.inputHash, fingerprint);
      return reused ? refuse(reused) : replay;
    }

    const templateRef = tx.collection<CouponTemplateDoc>(PromotionCollections.templates).doc(input.templateId);
    const template = claimable(input.templateId, (await templateRef.get()).data, now);
    if (template instanceof AppError) return refuse(template);
    const countRef = tx.collection<ClaimCountDoc>(PromotionCollections.claimCounts).doc(claimCountId(input.templateId, openid));
    const claimedByMe = (await countRef.get()).data?.count ?? 0;
    if (claimedByMe >= template.perMemberLimit) return refuse(couponErrors.claimLimit(input.templateId, template.perMemberLimit));

    const doc = {
      ...couponFromTemplate(template, { openid, templateId: input.templateId, source: 'claim', code: newCouponCode() }, now),
      inputHash: fingerprint,
    };
    await templateRef.update({ claimed: deps.db.command.inc(1), updatedAt: now });
    await countRef.set({ templateId: input.templateId, openid, count: claimedByMe + 1, updatedAt: now });
    await couponRef.set(doc);
    return { ...doc, _id: couponId };
  });
  return toCouponView(coupon, now);
}

/** The template when the claim center can hand out its coupon now, else why not. */
function claimable(templateId: string, template: CouponTemplateDoc | null, now: number): CouponTemplateDoc | AppError {
  if (!template) return couponErrors.templateNotFound(templateId);
  if (template.status !== 'ACTIVE' || !template.claimable || !validityOpen(template.validity, now)) return couponErrors.notClaimable(templateId);
  if (template.totalQuantity !== null && template.claimed >= template.totalQuantity) return couponErrors.soldOut(templateId);
  return template;
}

/** A sold-out or closed template is refused on one read, before any transaction (the claim center's hot path). */
async function refuseEarly(deps: ServiceDeps, templateId: string): Promise<void> {
  const { data } = await deps.db.collection<CouponTemplateDoc>(PromotionCollections.templates).doc(templateId).get();
  const template = claimable(templateId, data[0] ?? null, deps.now());
  if (template instanceof AppError) throw template;
}

async function loadCoupon(deps: ServiceDeps, couponId: string): Promise<Coupon | null> {
  const { data } = await deps.db.collection<CouponDoc>(PromotionCollections.coupons).doc(couponId).get();
  return data[0] ?? null;
}
