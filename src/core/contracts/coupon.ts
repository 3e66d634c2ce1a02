// Namespace import keeps esbuild from bundling every zod locale (see system.ts).
import * as z from 'zod';
import type { CouponMiss } from '../coupon/check';
import { COUPON_STATUSES, type CouponKind, type CouponRule, type CouponSource, type CouponStatus, type CouponValidity } from '../coupon/types';
import type { Fen } from '../money';
import { EpochMs, FenAmount, Id, IdMatching, MultiLineText, OpenId, RequestId, SingleLineText } from './fields';
import type { TemplateIssue } from '../coupon/template-rules';

/** Contracts of the `coupon` function: the member's coupons, the claim center, staff verification. */


export const ListCouponsInput = z.object({
  /** Status as the member sees it: an AVAILABLE coupon past its end is EXPIRED. All when absent. */
  status: z.enum(COUPON_STATUSES).optional(),
  page: z.number().int().min(0).max(1000).default(0),
  pageSize: z.number().int().min(1).max(50).default(20),
});
export const CouponIdInput = z.object({ couponId: Id });
export const CouponSummaryInput = z.object({});
export const ClaimCenterInput = z.object({});
export const ClaimCouponInput = z.object({
  templateId: Id,
  /** One per tap, made by the client: a retry or double tap claims once. */
  requestId: RequestId,
});
export const VerifyCouponInput = z.object({
  /** The coupon's code as scanned or typed. */
  code: IdMatching(/^[0-9]{6,20}$/, '券码应为数字'),
  storeId: Id,
  /** The purchase (fen) it is used on: refused below the coupon's threshold (COUPON_THRESHOLD_NOT_MET). */
  amount: z.number().int().positive().max(100_000_000),
});
export const CouponTimerInput = z.object({});

// ---- operators: templates and grants (issue 10)

/** Products a coupon is limited to (指定商品); absent or empty: the whole order. */
const ProductScope = z.array(Id).max(200).optional();
/** Today's CouponRule shapes; ranges (percent 1–99, cap > 0, amount below threshold) are the service's, with their own codes. */
export const CouponRuleInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('amount'), amountOff: FenAmount, threshold: FenAmount, productIds: ProductScope }),
  z.object({ kind: z.literal('percent'), offBps: z.number().int().min(0).max(10000), maxOff: FenAmount.nullable(), threshold: FenAmount, productIds: ProductScope }),
  z.object({ kind: z.literal('freeItem'), skuId: Id, threshold: FenAmount }),
]);
export const CouponValidityInput = z.discriminatedUnion('type', [
  z.object({ type: z.literal('absolute'), from: EpochMs, until: EpochMs }),
  z.object({ type: z.literal('relative'), days: z.number().int().min(0).max(100_000) }),
]);
export const SaveTemplateInput = z.object({
  /** Absent: a new template (it starts ACTIVE). */
  templateId: Id.optional(),
  title: SingleLineText(30).min(1, '请填写优惠券名称'),
  description: MultiLineText(200).optional(),
  rule: CouponRuleInput,
  validity: CouponValidityInput,
  /** null: no limit. */
  totalQuantity: z.number().int().min(0).max(10_000_000).nullable(),
  perMemberLimit: z.number().int().min(0).max(10_000),
  claimable: z.boolean(),
  inStoreOnly: z.boolean(),
});
export const SetTemplateStatusInput = z.object({ templateId: Id, status: z.enum(['ACTIVE', 'INACTIVE']) });
export const ListTemplatesInput = z.object({
  page: z.number().int().min(0).max(1000).default(0),
  pageSize: z.number().int().min(1).max(50).default(20),
});
export const TemplateIdInput = z.object({ templateId: Id });
/** Members a grant may name in one call (the campaign engine grants larger audiences in chunks through the service). */
export const MAX_GRANT_OPENIDS = 500;
export const GrantCouponInput = z.object({
  templateId: Id,
  openids: z.array(OpenId).min(1, '请选择会员').max(MAX_GRANT_OPENIDS),
  /** One per grant intent: a retry grants nobody twice; other members with it are IDEMPOTENCY_KEY_REUSED. */
  requestId: RequestId,
});

/** Actions a client may call: `contracts.coupon` (`verify` needs staff of the store). */
export const couponContracts = {
  list: { input: ListCouponsInput },
  get: { input: CouponIdInput },
  summary: { input: CouponSummaryInput },
  templates: { input: ClaimCenterInput },
  claim: { input: ClaimCouponInput },
  verify: { input: VerifyCouponInput },
  /** Operators only. */
  listTemplates: { input: ListTemplatesInput },
  getTemplate: { input: TemplateIdInput },
  saveTemplate: { input: SaveTemplateInput },
  setTemplateStatus: { input: SetTemplateStatusInput },
  grant: { input: GrantCouponInput },
};

/** Actions only timer triggers run (`cloudfunctions/coupon/config.json`). */
export const couponTimerContracts = {
  expireCoupons: { input: CouponTimerInput },
};

export const CouponErrorCode = {
  CouponNotFound: 'COUPON_NOT_FOUND',
  CouponUsed: 'COUPON_USED',
  CouponLocked: 'COUPON_LOCKED',
  CouponExpired: 'COUPON_EXPIRED',
  CouponNotStarted: 'COUPON_NOT_STARTED',
  CouponNotApplicable: 'COUPON_NOT_APPLICABLE',
  TemplateNotFound: 'COUPON_TEMPLATE_NOT_FOUND',
  NotClaimable: 'COUPON_NOT_CLAIMABLE',
  SoldOut: 'COUPON_SOLD_OUT',
  ClaimLimit: 'COUPON_CLAIM_LIMIT',
  TemplateStopped: 'COUPON_TEMPLATE_STOPPED',
  TemplateEnded: 'COUPON_TEMPLATE_ENDED',
} as const;

/** A coupon the member holds. */
export interface CouponView {
  couponId: string;
  templateId: string;
  title: string;
  kind: CouponKind;
  rule: CouponRule;
  /** "满99减10", "9折 最高减20", "赠品券". */
  ruleLabel: string;
  /** As the member sees it now (AVAILABLE past its end reads EXPIRED). */
  status: CouponStatus;
  statusLabel: string;
  validFrom: number;
  validUntil: number;
  inStoreOnly: boolean;
  source: CouponSource;
  /** Shown as a QR code for staff to verify in-store. */
  code: string;
  issuedAt: number;
  orderId: string | null;
  usedAt: number | null;
}

export interface CouponPage {
  items: CouponView[];
  page: number;
  pageSize: number;
  hasMore: boolean;
}

export interface CouponSummary {
  /** Coupons usable now (AVAILABLE and within their window or not yet started). */
  available: number;
}

/** A template in the claim center (领券中心). */
export interface ClaimableTemplateView {
  templateId: string;
  title: string;
  description: string;
  kind: CouponKind;
  rule: CouponRule;
  ruleLabel: string;
  validity: CouponValidity;
  validityLabel: string;
  inStoreOnly: boolean;
  perMemberLimit: number;
  claimedByMe: number;
  /** Left to claim; null: no limit. */
  remaining: number | null;
  soldOut: boolean;
  /** Not sold out and under the member's limit. */
  canClaim: boolean;
}

export interface ClaimCenterView {
  items: ClaimableTemplateView[];
}

/** What staff see after verifying a code. */
export interface VerifiedCouponView {
  coupon: CouponView;
  /** False when this store had verified it already (a repeated scan). */
  verifiedNow: boolean;
  storeId: string;
}

/** One of the customer's coupons as checkout sees it (in `order.quote`). */
export interface CheckoutCouponOption {
  couponId: string;
  title: string;
  ruleLabel: string;
  validUntil: number;
  usable: boolean;
  /** Fen this coupon would take off this order (0 when unusable). */
  discount: Fen;
  reason: CouponMiss | null;
  /** "未达使用门槛" … when unusable. */
  reasonLabel: string | null;
}

/** A template as the operator's list and form see it. */
export interface OpsTemplateView {
  templateId: string;
  title: string;
  description: string;
  kind: CouponKind;
  rule: CouponRule;
  ruleLabel: string;
  /** "全场通用" or "指定商品可用". */
  scopeLabel: string;
  validity: CouponValidity;
  validityLabel: string;
  totalQuantity: number | null;
  /** Handed out against the total: claimed in the claim center plus granted. */
  issued: number;
  claimed: number;
  granted: number;
  /** Left to hand out; null: no limit. */
  remaining: number | null;
  perMemberLimit: number;
  claimable: boolean;
  inStoreOnly: boolean;
  status: 'ACTIVE' | 'INACTIVE';
  /** 进行中 / 已停用 / 已结束 (a fixed window that is over). */
  statusLabel: string;
  createdAt: number;
  updatedAt: number;
}

export interface OpsTemplatePage {
  items: OpsTemplateView[];
  page: number;
  hasMore: boolean;
}

export interface SaveTemplateResult {
  templateId: string;
}

/** Why a grant skipped a member: not a member, the total or their limit reached, the template stopped or over meanwhile. */
export type GrantSkipReason = 'NOT_A_MEMBER' | 'COUPON_SOLD_OUT' | 'COUPON_CLAIM_LIMIT' | 'COUPON_TEMPLATE_STOPPED' | 'COUPON_TEMPLATE_ENDED';

export interface GrantResult {
  /** Members who hold a coupon of this grant (a retry counts those granted the first time). */
  granted: number;
  skipped: Array<{ openid: string; reason: GrantSkipReason }>;
}

/** A COUPON_* validation refusal of saveTemplate carries every broken rule. */
export type { TemplateIssue };

export interface CouponTimerReport {
  expired: number;
}

export interface CouponOutputs {
  list: CouponPage;
  get: CouponView;
  summary: CouponSummary;
  templates: ClaimCenterView;
  claim: CouponView;
  verify: VerifiedCouponView;
  expireCoupons: CouponTimerReport;
  listTemplates: OpsTemplatePage;
  getTemplate: OpsTemplateView;
  saveTemplate: SaveTemplateResult;
  setTemplateStatus: OpsTemplateView;
  grant: GrantResult;
}

export type ListCouponsInput = z.input<typeof ListCouponsInput>;
export type ClaimCouponInput = z.input<typeof ClaimCouponInput>;
export type VerifyCouponInput = z.input<typeof VerifyCouponInput>;
export type SaveTemplateInput = z.input<typeof SaveTemplateInput>;
export type GrantCouponInput = z.input<typeof GrantCouponInput>;
