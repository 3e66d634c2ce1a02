// Namespace import keeps esbuild from bundling every zod locale (see system.ts).
import * as z from 'zod';
import type { Fen } from '../money';
import type { WalletEntryView } from '../wallet/entries';
import { MAX_GIFT_POINTS, MAX_TOP_UP_FEN, type WalletPlan } from '../wallet/plans';
import { EpochMs, FenAmount, Id, IdMatching, OpenId, RequestId, ScannedCode, SingleLineText } from './fields';

/** Contracts of the `wallet` function: stored value (储值), its plans, ledger, in-store charges and principal refunds. */

export const WalletErrorCode = {
  MemberRequired: 'MEMBER_REQUIRED',
  Insufficient: 'WALLET_INSUFFICIENT',
  PlanNotFound: 'PLAN_NOT_FOUND',
  PlanExpired: 'PLAN_EXPIRED',
  PlanLimitReached: 'PLAN_LIMIT_REACHED',
  /** savePlan: the gift coupon's template does not exist. */
  PlanCouponNotFound: 'PLAN_COUPON_NOT_FOUND',
  /** savePlan: the gift coupon's template is stopped, its window is over or it is sold out. */
  PlanCouponUnavailable: 'PLAN_COUPON_UNAVAILABLE',
  CursorInvalid: 'CURSOR_INVALID',
  NothingToRefund: 'NOTHING_TO_REFUND',
  RefundPending: 'WALLET_REFUND_PENDING',
  RefundNotFound: 'WALLET_REFUND_NOT_FOUND',
  ChargeNotFound: 'CHARGE_NOT_FOUND',
  ChargeExpired: 'CHARGE_EXPIRED',
  ReceiptReused: 'RECEIPT_REUSED',
  NotForTopUp: 'TOP_UP_NOT_PAYABLE_BY_WALLET',
  /** `order.pay {method: 'split'}` when the balance covers the order: pay with `method: 'wallet'`. */
  CoversOrder: 'WALLET_COVERS_ORDER',
} as const;

export const WalletPlansInput = z.object({});
export const SavePlanInput = z.object({
  planId: Id.optional(),
  title: SingleLineText(30, 1),
  payFen: FenAmount.refine((fen) => fen >= 100 && fen <= MAX_TOP_UP_FEN, '充值金额应为 ¥1–¥50,000'),
  giftFen: FenAmount.refine((fen) => fen <= MAX_TOP_UP_FEN, '赠送金额过大'),
  perMemberLimit: z.number().int().min(1).max(1000).nullable().optional(),
  validUntil: EpochMs.nullable().optional(),
  giftValidDays: z.number().int().min(1).max(3650).nullable().optional(),
  /** Points given with each paid top-up (absent: none). */
  giftPoints: z.number().int().min(0, '赠送积分不能为负数').max(MAX_GIFT_POINTS, `赠送积分最多 ${MAX_GIFT_POINTS}`).optional(),
  /** An active coupon template: one coupon given with each paid top-up (absent or null: none). */
  giftCouponTemplateId: Id.nullable().optional(),
  active: z.boolean().optional(),
});
export const TopUpInput = z.object({ planId: Id, requestId: RequestId });
export const WalletBalanceInput = z.object({});
export const WalletLedgerInput = z.object({
  cursor: SingleLineText(20).optional(),
  pageSize: z.number().int().min(1).max(50).default(20),
});
/** The customer asks for the unspent principal back (all of it). */
export const RequestPrincipalRefundInput = z.object({ requestId: RequestId, reason: SingleLineText(100).default('') });
export const MyRefundsInput = z.object({});
export const OpsRefundsInput = z.object({ status: z.enum(['PENDING', 'APPROVED', 'REJECTED', 'DONE']).optional() });
export const ReviewPrincipalRefundInput = z.object({ refundId: Id, decision: z.enum(['approve', 'reject']), note: SingleLineText(100).default('') });
export const OpsOverviewInput = z.object({ days: z.number().int().min(1).max(60).default(14) });

const ReceiptNo = IdMatching(/^[A-Za-z0-9_-]{1,40}$/, '小票号应为 1–40 位字母、数字、_ 或 -');
/** Staff of storeId charge the wallet of the member whose code they scanned (the code proves presence). */
export const StoreChargeInput = z.object({ storeId: Id, memberCode: ScannedCode(200), amountFen: FenAmount.refine((f) => f > 0, '金额应大于 0'), receiptNo: ReceiptNo });
export const ChargeStatusInput = z.object({ chargeId: Id });
export const PendingChargesInput = z.object({});
export const ConfirmChargeInput = z.object({ chargeId: Id, accept: z.boolean() });
export const WalletTimerInput = z.object({});
/** Operators: add to (> 0) or take from (< 0) one bucket, with a reason, once per requestId. */
export const AdjustWalletInput = z.object({
  openid: OpenId,
  bucket: z.enum(['principal', 'gift']),
  deltaFen: z.number().int().min(-MAX_TOP_UP_FEN).max(MAX_TOP_UP_FEN).refine((d) => d !== 0, '调整金额不能为 0'),
  reason: SingleLineText(50, 1),
  requestId: RequestId,
});

export const walletContracts = {
  plans: { input: WalletPlansInput },
  savePlan: { input: SavePlanInput },
  topUp: { input: TopUpInput },
  balance: { input: WalletBalanceInput },
  ledger: { input: WalletLedgerInput },
  requestRefund: { input: RequestPrincipalRefundInput },
  myRefunds: { input: MyRefundsInput },
  opsPlans: { input: WalletPlansInput },
  opsOverview: { input: OpsOverviewInput },
  opsRefunds: { input: OpsRefundsInput },
  reviewRefund: { input: ReviewPrincipalRefundInput },
  charge: { input: StoreChargeInput },
  chargeStatus: { input: ChargeStatusInput },
  pendingCharges: { input: PendingChargesInput },
  confirmCharge: { input: ConfirmChargeInput },
  adjust: { input: AdjustWalletInput },
};

/** The function's one timer trigger: gift expiry, principal refund payouts, unconfirmed charges. */
export const walletTimerContracts = { tick: { input: WalletTimerInput } };

/** A plan as customers see it: its terms (core/wallet/plans WalletPlan) without the operators' fields. */
export interface WalletPlanView extends Pick<WalletPlan, 'planId' | 'title' | 'payFen' | 'giftFen' | 'perMemberLimit' | 'validUntil' | 'giftValidDays'> {
  /** Points given with each top-up; absent: none. */
  giftPoints?: number;
  /** The coupon given with each top-up; absent: none (or, to customers, none that can be given now). */
  giftCoupon?: WalletPlanCouponView;
}
export interface WalletPlanCouponView {
  title: string;
  /** How the card names it: "满100减10券", or the title of a free-item coupon. */
  label: string;
}
export interface OpsWalletPlanCouponView extends WalletPlanCouponView {
  templateId: string;
  /** Whether a top-up paid now gets it (the template exists, is active, not over, not sold out). */
  available: boolean;
  /** 进行中 / 已停用 / 已结束 / 已发完 / 已删除. */
  statusLabel: string;
}
export interface OpsWalletPlanView extends WalletPlanView {
  giftPoints: number;
  giftCoupon?: OpsWalletPlanCouponView;
  active: boolean;
  topUps: number;
}
export interface WalletBalanceView {
  principalFen: Fen;
  giftFen: Fen;
  totalFen: Fen;
  /** When the next gift lot expires, and how much (null: none will). */
  nextGiftExpiry: { at: number; fen: Fen } | null;
}
export interface WalletLedgerPage {
  items: WalletEntryView[];
  nextCursor: string | null;
}
export type PrincipalRefundStatus = 'PENDING' | 'APPROVED' | 'REJECTED' | 'DONE';
export interface PrincipalRefundView {
  refundId: string;
  status: PrincipalRefundStatus;
  statusLabel: string;
  /** At request: the principal then; once approved: what is paid back. */
  principalFen: Fen;
  giftForfeitFen: Fen;
  reason: string;
  requestedAt: number;
  reviewedAt: number | null;
  doneAt: number | null;
  note: string;
  /** Operators only: the member (masked nickname). */
  member?: string;
}
export type StoreChargeStatus = 'AWAITING_CONFIRM' | 'DONE' | 'DECLINED' | 'EXPIRED' | 'INSUFFICIENT';
export interface StoreChargeView {
  chargeId: string;
  status: StoreChargeStatus;
  statusLabel: string;
  amountFen: Fen;
  storeName: string;
  receiptNo: string;
  createdAt: number;
  expiresAt: number;
  /** Staff: the member's masked nickname. */
  member?: string;
  /** After the charge: the balance left. */
  balanceAfterFen?: Fen;
}
export interface WalletDayRow {
  day: string;
  topUpFen: Fen;
  giftFen: Fen;
  spentFen: Fen;
  refundedFen: Fen;
}
export interface WalletOverview {
  /** The liability: all balances held. */
  principalFen: Fen;
  giftFen: Fen;
  totalFen: Fen;
  accounts: number;
  days: WalletDayRow[];
  pendingRefunds: number;
}

export interface WalletOutputs {
  plans: { items: WalletPlanView[] };
  savePlan: { planId: string };
  topUp: { orderId: string };
  balance: WalletBalanceView;
  ledger: WalletLedgerPage;
  requestRefund: PrincipalRefundView;
  myRefunds: { items: PrincipalRefundView[] };
  opsPlans: { items: OpsWalletPlanView[] };
  opsOverview: WalletOverview;
  opsRefunds: { items: PrincipalRefundView[] };
  reviewRefund: PrincipalRefundView;
  charge: StoreChargeView;
  chargeStatus: StoreChargeView;
  pendingCharges: { items: StoreChargeView[] };
  confirmCharge: StoreChargeView;
  adjust: WalletBalanceView;
}
