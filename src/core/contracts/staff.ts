// Namespace import keeps esbuild from bundling every zod locale (see system.ts).
import * as z from 'zod';
import type { Fen } from '../money';
import type { VerifiedCouponView, CouponView } from './coupon';
import type { MemberSummaryView } from './member';
import type { OrderStatus } from '../order/status';
import { EpochMs, FenAmount, FieldReason, Id, IdMatching, OpenId, ScannedCode } from './fields';
import { staffAdminContracts, type StaffAdminOutputs } from './staff-admin';

/**
 * Contracts of the `staff` function (门店核销): staff of a store scan codes
 * and verify them for THEIR store only (FORBIDDEN otherwise); operators
 * grant/revoke staff roles and read the audit log.
 */

const Code = ScannedCode(200);

/** `scan` (staff of storeId): what kind of code it is; changes nothing. */
export const StaffScanInput = z.object({ code: Code, storeId: Id });

/**
 * `recordPurchase` (staff of storeId): earns points once per receipt number at
 * this store. The member is named by the counter session `scan` opened
 * (`sessionId`, 10 minutes) or by a live member code; exactly one of them.
 */
export const RecordPurchaseInput = z
  .object({
    sessionId: z.string().trim().regex(/^cs_[A-Za-z0-9_-]{1,40}$/, '柜台会话无效').optional(),
    memberCode: Code.optional(),
    storeId: Id,
    /** Fen, > 0. */
    amount: FenAmount.positive(),
    receiptNo: IdMatching(/^[A-Za-z0-9_-]{1,40}$/, '小票号应为 1–40 位字母、数字、_ 或 -'),
  })
  .refine((input) => (input.sessionId === undefined) !== (input.memberCode === undefined), '请先识别会员（会员码或柜台会话，二选一）');

/** `verifyPickup` (staff of storeId): READY_FOR_PICKUP → COMPLETED. */
export const VerifyPickupInput = z.object({ orderId: Id, storeId: Id });

/** `verifyCoupon` (staff of storeId): the coupon becomes USED at this store, for a purchase of `amount` fen that meets its threshold. */
export const StaffVerifyCouponInput = z.object({ code: Code, storeId: Id, amount: FenAmount.positive() });

/** `grantStaff` / `revokeStaff` (operator). */
export const StaffRoleInput = z.object({ openid: OpenId, storeId: Id });

/** Which entries the audit log shows: all, role changes (grant/revoke), staff verifications, operators' back-office actions. */
export const AUDIT_LOG_KINDS = ['all', 'roles', 'verifications', 'operator'] as const;
export type AuditLogKind = (typeof AUDIT_LOG_KINDS)[number];

/**
 * `auditLog` (operator): newest first, 20 a page; by store, by who acted
 * (`staffOpenid`), by time (`from` inclusive, `to` exclusive, epoch ms) and by kind.
 */
export const StaffAuditLogInput = z
  .object({
    storeId: Id.optional(),
    staffOpenid: OpenId.optional(),
    from: EpochMs.optional(),
    to: EpochMs.optional(),
    kind: z.enum(AUDIT_LOG_KINDS).default('all'),
    page: z.number().int().min(1).max(1000).default(1),
  })
  .refine((input) => input.from === undefined || input.to === undefined || input.from < input.to, {
    message: '开始时间应早于结束时间',
    params: { reason: FieldReason.InvalidTime },
  });

/** `myStores` (staff): the stores the caller is staff of (for the store picker). */
export const MyStoresInput = z.object({});

export const staffContracts = {
  scan: { input: StaffScanInput },
  recordPurchase: { input: RecordPurchaseInput },
  verifyPickup: { input: VerifyPickupInput },
  verifyCoupon: { input: StaffVerifyCouponInput },
  myStores: { input: MyStoresInput },
  grantStaff: { input: StaffRoleInput },
  revokeStaff: { input: StaffRoleInput },
  auditLog: { input: StaffAuditLogInput },
  ...staffAdminContracts,
};

export const StaffErrorCode = {
  /** scan: not a member, pickup or coupon code we know. */
  CodeUnknown: 'CODE_UNKNOWN',
  /** recordPurchase: the member code is forged, of another window, or its member is gone. */
  MemberCodeInvalid: 'MEMBER_CODE_INVALID',
  /** recordPurchase: the counter session's 10 minutes are over: scan a fresh member code. */
  CounterSessionExpired: 'COUNTER_SESSION_EXPIRED',
  /** recordPurchase: no such counter session for this staff member at this store. */
  CounterSessionNotFound: 'COUNTER_SESSION_NOT_FOUND',
  /** verifyCoupon: the purchase amount is below the coupon's threshold (details: threshold, amount); the coupon stays unused. */
  CouponThresholdNotMet: 'COUPON_THRESHOLD_NOT_MET',
  /** verifyPickup: no such order. */
  OrderNotFound: 'ORDER_NOT_FOUND',
  /** scan / verifyPickup: the order is to be picked up at another store (details: `pickupStoreName` only). */
  WrongStore: 'PICKUP_WRONG_STORE',
  /** verifyPickup: the order is not READY_FOR_PICKUP (nor already completed here). */
  StateInvalid: 'ORDER_STATE_INVALID',
  /** grantStaff: the store does not exist. */
  StoreNotFound: 'STORE_NOT_FOUND',
  /** grantStaff: no user, member or role record has this openid (a typo, or someone who never opened the mini-program). */
  UserNotFound: 'USER_NOT_FOUND',
} as const;

/** `paymentMismatch`: written by the payment callback (staffOpenid `system`), not by staff. */
export const STAFF_AUDIT_ACTIONS = ['scan', 'recordPurchase', 'verifyPickup', 'verifyCoupon', 'grantStaff', 'revokeStaff', 'paymentMismatch', 'walletCharge'] as const;
/**
 * What operators do in the back office, audited in the same collection (staffOpenid = the operator,
 * storeId '' unless the action concerns one store), in the action's own transaction where it has one.
 */
export const OPERATOR_AUDIT_ACTIONS = [
  'saveProduct',
  'setProductStatus',
  'saveCategory',
  'sortCategories',
  'adjustStock',
  'saveCouponTemplate',
  'setCouponTemplateStatus',
  'grantCoupon',
  'shipOrder',
  'exportOrders',
  'reviewRefund',
  'saveStore',
  'updateSettings',
  'rebuildStats',
  'tagMembers',
  'saveTag',
  'deleteTag',
  'saveSegment',
  'deleteSegment',
  'createCampaign',
  'setCampaignState',
  'saveJourney',
  'saveCrmSettings',
  'saveInviteSettings',
  'rebuildProfiles',
  'walletSavePlan',
  'walletReviewRefund',
  'walletAdjust',
] as const;
export type OperatorAuditAction = (typeof OPERATOR_AUDIT_ACTIONS)[number];
export const AUDIT_ACTIONS = [...STAFF_AUDIT_ACTIONS, ...OPERATOR_AUDIT_ACTIONS] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export type StaffAuditAction = (typeof STAFF_AUDIT_ACTIONS)[number];

/** A staff member's hold on one member at the counter: purchases may be recorded with `sessionId` until `expiresAt`. */
export interface CounterSessionView {
  sessionId: string;
  /** Server time; a re-scan of the same member moves it on. */
  expiresAt: number;
  /** The session's length (10 minutes). */
  ttlMs: number;
}

export interface ScannedMember {
  kind: 'member';
  member: MemberSummaryView;
  session: CounterSessionView;
}

/** Whose coupon staff scanned: enough to ask "are you 小思?", no more. */
export interface CouponOwnerView {
  nickname: string | null;
  /** 138****1234, or null when the owner gave none. */
  maskedPhone: string | null;
}

export interface PickupOrderSummary {
  /** For `verifyPickup`; never shown (staff see and type `orderNo`). */
  orderId: string;
  /** The human order number (core/order/order-no). */
  orderNo: string;
  status: OrderStatus;
  storeId: string | null;
  /** The 取货码 the customer shows (null on orders placed before codes existed). */
  pickupCode: string | null;
  /** Item lines as "name × qty". */
  items: Array<{ name: string; skuName: string; quantity: number }>;
  payable: Fen;
  createdAt: number;
  /** The customer's nickname when they are a member. */
  nickname: string | null;
}

export interface ScannedPickup {
  kind: 'pickup';
  order: PickupOrderSummary;
  /** Always true: another store's order answers PICKUP_WRONG_STORE (with that store's name) instead. */
  atThisStore: boolean;
  /** READY_FOR_PICKUP at this store: `verifyPickup` will complete it. */
  verifiable: boolean;
}

export interface ScannedCoupon {
  kind: 'coupon';
  coupon: CouponView;
  owner: CouponOwnerView;
  /** The purchase (goods, fen) must reach this; 0: none (coupon.rule.threshold). */
  threshold: Fen;
  /** AVAILABLE and within its window: `verifyCoupon` will use it. */
  verifiable: boolean;
}

export type ScanResult = ScannedMember | ScannedPickup | ScannedCoupon;

export interface RecordPurchaseResult {
  memberId: string;
  nickname: string;
  receiptNo: string;
  amount: Fen;
  /** Points this receipt earned (the first time; the same on a duplicate). */
  points: number;
  /** The member's balance after. */
  balance: number;
  /** True when this receipt had been recorded before (nothing earned now). */
  duplicate: boolean;
}

export interface VerifyPickupResult {
  order: PickupOrderSummary;
  /** False when it had been completed before (a repeated scan). */
  verifiedNow: boolean;
}

export interface StaffVerifiedCoupon extends VerifiedCouponView {
  /** The purchase staff entered, and what the coupon takes off it (fen; 0 for a free-item coupon: hand over the item). */
  amount: Fen;
  discount: Fen;
}

export interface StaffStoreView {
  storeId: string;
  name: string;
}

export interface MyStoresResult {
  stores: StaffStoreView[];
}

export interface StaffRoleResult {
  openid: string;
  roles: Array<'staff' | 'operator'>;
  staffStoreIds: string[];
}

export interface StaffAuditEntryView {
  id: string;
  staffOpenid: string;
  storeId: string;
  action: AuditAction;
  /** What was acted on: member id, order id, coupon code, receipt no, openid. */
  target: string;
  /** 'ok' | 'duplicate' | an error code. */
  result: string;
  /** What an operator needs to act on it (amounts, the refund recorded), when there is more than the result. */
  detail?: string;
  at: number;
  /** Who acted, by name: the nickname, 系统 for the payment callback, 未知用户 when nobody has that openid. */
  staffName: string;
  /** The store's name ('' when the entry concerns no store). */
  storeName: string;
  /** What was acted on, readable: 订单号, a member's nickname and masked phone, a product or store name. */
  targetLabel: string;
}

export interface StaffAuditPage {
  items: StaffAuditEntryView[];
  page: number;
  pageSize: number;
  hasMore: boolean;
}

export interface StaffOutputs extends StaffAdminOutputs {
  scan: ScanResult;
  recordPurchase: RecordPurchaseResult;
  verifyPickup: VerifyPickupResult;
  verifyCoupon: StaffVerifiedCoupon;
  myStores: MyStoresResult;
  grantStaff: StaffRoleResult;
  revokeStaff: StaffRoleResult;
  auditLog: StaffAuditPage;
}

export type StaffScanInput = z.input<typeof StaffScanInput>;
export type RecordPurchaseInput = z.input<typeof RecordPurchaseInput>;
export type VerifyPickupInput = z.input<typeof VerifyPickupInput>;
export type StaffVerifyCouponInput = z.input<typeof StaffVerifyCouponInput>;
export type StaffRoleInput = z.input<typeof StaffRoleInput>;
export type StaffAuditLogInput = z.input<typeof StaffAuditLogInput>;
