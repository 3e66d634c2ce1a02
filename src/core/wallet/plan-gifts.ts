import { ruleLabel } from '../coupon/labels';
import type { CouponTemplateDoc } from '../coupon/types';
import { validityOpen } from '../coupon/validity';

/** Why a paid top-up got no coupon although its plan gives one. */
export type PlanCouponSkip = 'TEMPLATE_MISSING' | 'TEMPLATE_STOPPED' | 'TEMPLATE_ENDED' | 'SOLD_OUT';

export const PLAN_COUPON_SKIP_LABELS: Record<PlanCouponSkip, string> = {
  TEMPLATE_MISSING: '已删除',
  TEMPLATE_STOPPED: '已停用',
  TEMPLATE_ENDED: '已结束',
  SOLD_OUT: '已发完',
};

/**
 * Whether a plan's coupon template can give a coupon at `now`: it exists, is
 * ACTIVE, its fixed window is not over and, when the operators capped its
 * quantity, the claim center and grants have not used it all up (the plan's
 * coupons, like other gifts, are not counted against that total).
 */
export function planCouponSkip(template: Pick<CouponTemplateDoc, 'status' | 'validity' | 'totalQuantity' | 'claimed'> | null, now: number): PlanCouponSkip | null {
  if (!template) return 'TEMPLATE_MISSING';
  if (template.status !== 'ACTIVE') return 'TEMPLATE_STOPPED';
  if (!validityOpen(template.validity, now)) return 'TEMPLATE_ENDED';
  if (template.totalQuantity !== null && template.claimed >= template.totalQuantity) return 'SOLD_OUT';
  return null;
}

/** How a plan card names the coupon: "满100减10券"; a free-item coupon by its title. */
export function planCouponLabel(template: Pick<CouponTemplateDoc, 'title' | 'rule'>): string {
  if (template.rule.kind === 'freeItem') return template.title;
  const label = ruleLabel(template.rule);
  return label.endsWith('券') ? label : `${label}券`;
}
