// Namespace import keeps esbuild from bundling every zod locale (see system.ts).
import * as z from 'zod';
import type { CouponMiss } from '../coupon/check';
import { COUPON_STATUSES, type CouponKind, type CouponRule, type CouponSource, type CouponStatus, type CouponValidity } from '../coupon/types';
import type { Fen } from '../money';
import { Id, IdMatching, RequestId } from './fields';

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

/** Actions a client may call: `contracts.coupon` (`verify` needs staff of the store). */
export const couponContracts = {
  list: { input: ListCouponsInput },
  get: { input: CouponIdInput },
  summary: { input: CouponSummaryInput },
  templates: { input: ClaimCenterInput },
  claim: { input: ClaimCouponInput },
  verify: { input: VerifyCouponInput },
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
}

export type ListCouponsInput = z.input<typeof ListCouponsInput>;
export type ClaimCouponInput = z.input<typeof ClaimCouponInput>;
export type VerifyCouponInput = z.input<typeof VerifyCouponInput>;
