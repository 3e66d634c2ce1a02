import { couponErrors } from '../../../core/coupon/errors';
import { couponFromTemplate } from '../../../core/coupon/issue';
import type { CouponDoc, CouponSource, CouponTemplateDoc } from '../../../core/coupon/types';
import { validityOpen } from '../../../core/coupon/validity';
import type { Transaction } from '../../db';
import { newCouponCode } from './coupon-code';
import { PromotionCollections } from './records';

export interface IssueCouponRequest {
  /** Deterministic, from the source: `join:<openid>`, `mall:<orderId>`… A second issue with it does nothing. */
  couponId: string;
  openid: string;
  templateId: string;
  source: CouponSource;
}

/**
 * Inside the caller's transaction: gives the member a coupon of the template,
 * once per `couponId` (`{issued: false}` on a repeat, or when the template's
 * fixed window is already over). Gifts and the points mall issue whatever the
 * template's claim-center quantity and status say; those gate claims only.
 * A missing template throws COUPON_TEMPLATE_NOT_FOUND.
 */
export async function issueCouponInTx(tx: Transaction, input: IssueCouponRequest, now: number): Promise<{ issued: boolean }> {
  const ref = tx.collection<CouponDoc>(PromotionCollections.coupons).doc(input.couponId);
  if ((await ref.get()).data) return { issued: false };
  const template = await readTemplateInTx(tx, input.templateId);
  if (!template) throw couponErrors.templateNotFound(input.templateId);
  if (!validityOpen(template.validity, now)) return { issued: false };
  await ref.set(couponFromTemplate(template, { ...input, code: newCouponCode() }, now));
  return { issued: true };
}

export async function readTemplateInTx(tx: Transaction, templateId: string): Promise<CouponTemplateDoc | null> {
  const { data } = await tx.collection<CouponTemplateDoc>(PromotionCollections.templates).doc(templateId).get();
  return data;
}
