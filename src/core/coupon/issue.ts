import type { CouponDoc, CouponSource, CouponTemplateDoc } from './types';
import { validityWindow } from './validity';

/** A new AVAILABLE coupon from its template, with the rule snapshotted. */
export function couponFromTemplate(
  template: CouponTemplateDoc,
  input: { openid: string; templateId: string; source: CouponSource; code: string },
  now: number,
): CouponDoc {
  const { validFrom, validUntil } = validityWindow(template.validity, now);
  return {
    openid: input.openid,
    templateId: input.templateId,
    source: input.source,
    title: template.title,
    rule: template.rule,
    inStoreOnly: template.inStoreOnly,
    status: 'AVAILABLE',
    validFrom,
    validUntil,
    code: input.code,
    issuedAt: now,
    orderId: null,
    lockedAt: null,
    usedAt: null,
    usedStoreId: null,
    verifiedBy: null,
    updatedAt: now,
  };
}
