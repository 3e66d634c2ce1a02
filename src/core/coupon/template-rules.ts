import { yuanText } from './labels';
import type { CouponRule, CouponValidity } from './types';

/**
 * The operator's rules for a coupon template (coupon.saveTemplate), shared by
 * the server and the template form. Each broken rule has its own code; the
 * server refuses with the first one's code and lists all in `details.issues`.
 */
export const TEMPLATE_ISSUE_CODES = {
  amount: 'COUPON_AMOUNT_INVALID',
  amountNotBelowThreshold: 'COUPON_AMOUNT_NOT_BELOW_THRESHOLD',
  percent: 'COUPON_PERCENT_INVALID',
  cap: 'COUPON_CAP_INVALID',
  validity: 'COUPON_VALIDITY_INVALID',
  validityEnded: 'COUPON_VALIDITY_ENDED',
  quantity: 'COUPON_QUANTITY_INVALID',
  quantityBelowIssued: 'COUPON_QUANTITY_BELOW_ISSUED',
  limit: 'COUPON_LIMIT_INVALID',
  scope: 'COUPON_SCOPE_INVALID',
} as const;
export type TemplateIssueCode = (typeof TEMPLATE_ISSUE_CODES)[keyof typeof TEMPLATE_ISSUE_CODES] | 'COUPON_FREE_ITEM_NOT_FOUND';

export type TemplateField = 'amountOff' | 'threshold' | 'offBps' | 'maxOff' | 'skuId' | 'productIds' | 'validity' | 'totalQuantity' | 'perMemberLimit';

export interface TemplateIssue {
  field: TemplateField;
  code: TemplateIssueCode;
  message: string;
}

export interface TemplateTerms {
  rule: CouponRule;
  validity: CouponValidity;
  totalQuantity: number | null;
  perMemberLimit: number;
}

/** 1%–99% off, in basis points (offBps 1000 = 10% off = 9折). */
export const MIN_OFF_BPS = 100;
export const MAX_OFF_BPS = 9900;
export const MAX_RELATIVE_DAYS = 365;
export const MAX_PER_MEMBER_LIMIT = 100;
export const MAX_SCOPE_PRODUCTS = 50;

const isInt = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n);

/**
 * Every broken rule of a template's terms at `now` (empty when valid).
 * `issued`: coupons the template has already handed out against its total
 * (0 for a new template); the total may not go below it.
 */
export function templateIssues(terms: TemplateTerms, now: number, issued = 0): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  const add = (field: TemplateField, code: TemplateIssueCode, message: string) => issues.push({ field, code, message });
  const { rule, validity } = terms;

  if (rule.kind === 'amount') {
    if (!isInt(rule.amountOff) || rule.amountOff < 1) add('amountOff', TEMPLATE_ISSUE_CODES.amount, '减免金额须大于 0');
    else if (rule.threshold > 0 && rule.amountOff >= rule.threshold) {
      add('amountOff', TEMPLATE_ISSUE_CODES.amountNotBelowThreshold, `减免金额须低于使用门槛 ${yuanText(rule.threshold)} 元`);
    }
  }
  if (rule.kind === 'percent') {
    if (!isInt(rule.offBps) || rule.offBps < MIN_OFF_BPS || rule.offBps > MAX_OFF_BPS) {
      add('offBps', TEMPLATE_ISSUE_CODES.percent, '折扣须在 1%–99% 之间（即 9.9 折到 0.1 折）');
    }
    if (rule.maxOff === null || !isInt(rule.maxOff) || rule.maxOff < 1) add('maxOff', TEMPLATE_ISSUE_CODES.cap, '折扣券须设置大于 0 的最高减免金额');
  }
  if (rule.kind !== 'freeItem' && rule.productIds) {
    if (rule.productIds.length > MAX_SCOPE_PRODUCTS) add('productIds', TEMPLATE_ISSUE_CODES.scope, `指定商品最多 ${MAX_SCOPE_PRODUCTS} 个`);
    else if (new Set(rule.productIds).size !== rule.productIds.length) add('productIds', TEMPLATE_ISSUE_CODES.scope, '指定商品有重复');
  }

  if (validity.type === 'absolute') {
    if (!isInt(validity.from) || !isInt(validity.until) || validity.until <= validity.from) {
      add('validity', TEMPLATE_ISSUE_CODES.validity, '结束时间须晚于开始时间');
    } else if (validity.until <= now) add('validity', TEMPLATE_ISSUE_CODES.validityEnded, '结束时间须晚于当前时间');
  } else if (!isInt(validity.days) || validity.days < 1 || validity.days > MAX_RELATIVE_DAYS) {
    add('validity', TEMPLATE_ISSUE_CODES.validity, `领取后有效天数须为 1–${MAX_RELATIVE_DAYS} 天`);
  }

  if (terms.totalQuantity !== null) {
    if (!isInt(terms.totalQuantity) || terms.totalQuantity < 1) add('totalQuantity', TEMPLATE_ISSUE_CODES.quantity, '发放总量至少为 1，或不限');
    else if (terms.totalQuantity < issued) {
      add('totalQuantity', TEMPLATE_ISSUE_CODES.quantityBelowIssued, `发放总量不能少于已发出的 ${issued} 张`);
    }
  }
  if (!isInt(terms.perMemberLimit) || terms.perMemberLimit < 1 || terms.perMemberLimit > MAX_PER_MEMBER_LIMIT) {
    add('perMemberLimit', TEMPLATE_ISSUE_CODES.limit, `每人限领须为 1–${MAX_PER_MEMBER_LIMIT} 张`);
  }
  return issues;
}
