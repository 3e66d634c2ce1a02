// Namespace import keeps esbuild from bundling every zod locale (see system.ts).
import * as z from 'zod';
import type { Fen } from '../money';
import type { VerifiedCouponView, CouponView } from './coupon';
import type { MemberSummaryView } from './member';
import type { OrderStatus } from '../order/status';

/**
 * Contracts of the `staff` function (门店核销): staff of a store scan codes
 * and verify them for THEIR store only (FORBIDDEN otherwise); operators
 * grant/revoke staff roles and read the audit log.
 */

const Id = z.string().trim().min(1).max(64);
const Code = z.string().trim().min(1).max(200);

/** `scan` (staff of storeId): what kind of code it is; changes nothing. */
export const StaffScanInput = z.object({ code: Code, storeId: Id });

/** `recordPurchase` (staff of storeId): earns points once per receipt number at this store. */
export const RecordPurchaseInput = z.object({
  memberCode: Code,
  storeId: Id,
  /** Fen, > 0. */
  amount: z.number().int().positive().max(100_000_000),
  receiptNo: z.string().trim().regex(/^[A-Za-z0-9_-]{1,40}$/, '小票号应为 1–40 位字母、数字、_ 或 -'),
});

/** `verifyPickup` (staff of storeId): READY_FOR_PICKUP → COMPLETED. */
export const VerifyPickupInput = z.object({ orderId: Id, storeId: Id });

/** `verifyCoupon` (staff of storeId): the coupon becomes USED at this store. */
export const StaffVerifyCouponInput = z.object({ code: Code, storeId: Id });

/** `grantStaff` / `revokeStaff` (operator). */
export const StaffRoleInput = z.object({ openid: Id, storeId: Id });

/** `auditLog` (operator): newest first, 20 a page. */
export const StaffAuditLogInput = z.object({ storeId: Id.optional(), page: z.number().int().min(1).max(1000).default(1) });

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
};

export const StaffErrorCode = {
  /** scan: not a member, pickup or coupon code we know. */
  CodeUnknown: 'CODE_UNKNOWN',
  /** recordPurchase: the member code is forged, of another window, or its member is gone. */
  MemberCodeInvalid: 'MEMBER_CODE_INVALID',
  /** verifyPickup: no such order. */
  OrderNotFound: 'ORDER_NOT_FOUND',
  /** verifyPickup: the order is to be picked up at another store. */
  WrongStore: 'PICKUP_WRONG_STORE',
  /** verifyPickup: the order is not READY_FOR_PICKUP (nor already completed here). */
  StateInvalid: 'ORDER_STATE_INVALID',
  /** grantStaff: the store does not exist. */
  StoreNotFound: 'STORE_NOT_FOUND',
} as const;

export const STAFF_AUDIT_ACTIONS = ['scan', 'recordPurchase', 'verifyPickup', 'verifyCoupon', 'grantStaff', 'revokeStaff'] as const;
export type StaffAuditAction = (typeof STAFF_AUDIT_ACTIONS)[number];

export interface ScannedMember {
  kind: 'member';
  member: MemberSummaryView;
  /** Until when this code may be used to record a purchase. */
  validUntil: number;
}

export interface PickupOrderSummary {
  orderId: string;
  status: OrderStatus;
  storeId: string | null;
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
  /** The order is to be picked up at the scanning store. */
  atThisStore: boolean;
  /** READY_FOR_PICKUP at this store: `verifyPickup` will complete it. */
  verifiable: boolean;
}

export interface ScannedCoupon {
  kind: 'coupon';
  coupon: CouponView;
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
  action: StaffAuditAction;
  /** What was acted on: member id, order id, coupon code, receipt no, openid. */
  target: string;
  /** 'ok' | 'duplicate' | an error code. */
  result: string;
  at: number;
}

export interface StaffAuditPage {
  items: StaffAuditEntryView[];
  page: number;
  pageSize: number;
  hasMore: boolean;
}

export interface StaffOutputs {
  scan: ScanResult;
  recordPurchase: RecordPurchaseResult;
  verifyPickup: VerifyPickupResult;
  verifyCoupon: VerifiedCouponView;
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
