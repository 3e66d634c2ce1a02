// Namespace import keeps esbuild from bundling every zod locale (see system.ts).
import * as z from 'zod';
import type { Fen } from '../money';
import type { OrderStatus } from '../order/status';
import type { LeaderStatus } from '../community/leader';
import type { ActivityClosedReason } from '../community/activity';
import { isCalendarMonth, isCalendarDay } from '../points/china-day';
import { MAX_RATE_BPS } from '../commission/rules';
import { EpochMs, FenAmount, Id, MultiLineText, RequestId, ScannedCode, SingleLineText } from './fields';
import { isStorePhone, StoreHours, StoreLocation } from './staff-admin';

/**
 * Contracts of the `community` function (社区团购): customers browse open
 * activities, pick a leader's pickup point and order until the cut-off
 * (payment through `order.pay`); leaders apply, see what to hand out for a
 * pickup day and verify each order by its 取货码; operators review leaders,
 * run activities, read sales and confirm each leader's monthly statement.
 */

export const CommunityLatLngInput = z.object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) });

export const PickupPointInput = z.object({
  name: SingleLineText(40, 1),
  address: SingleLineText(120, 1),
  hours: StoreHours,
  location: StoreLocation,
  phone: z
    .string()
    .trim()
    .refine(isStorePhone, { message: '联系电话格式不正确（如 13800000000 或 021-5555-0188）', params: { reason: 'POINT_PHONE_INVALID' } }),
});

export const CommunityMonth = z
  .string()
  .trim()
  .refine(isCalendarMonth, { message: '月份应为 YYYY-MM', params: { reason: 'INVALID_MONTH' } });
export const CommunityDay = z
  .string()
  .trim()
  .refine(isCalendarDay, { message: '日期应为 YYYY-MM-DD', params: { reason: 'INVALID_DAY' } });

/** `apply` (any signed-in customer): one application per person; a rejected one may apply again. */
export const ApplyLeaderInput = z.object({ realName: SingleLineText(20, 1), point: PickupPointInput });

export const LEADER_REVIEW_EVENTS = ['approve', 'reject', 'suspend', 'resume'] as const;
/** `reviewLeader` (operator): approve or reject an application, suspend or resume a leader; a reason for reject and suspend. */
export const ReviewLeaderInput = z
  .object({ leaderId: Id, event: z.enum(LEADER_REVIEW_EVENTS), reason: MultiLineText(200).default('') })
  .refine((i) => (i.event !== 'reject' && i.event !== 'suspend') || i.reason.length > 0, { message: '请填写原因', path: ['reason'] });

export const CommunityActivityItemInput = z.object({ skuId: Id, price: FenAmount.positive().nullable().default(null) });

/** `saveActivity` (operator): creates (no activityId; requestId makes a retry answer the same) or edits one. */
export const SaveActivityInput = z
  .object({
    activityId: Id.optional(),
    requestId: RequestId.optional(),
    title: SingleLineText(40, 1),
    description: MultiLineText(500).default(''),
    items: z.array(CommunityActivityItemInput).min(1).max(30),
    startAt: EpochMs,
    cutoffAt: EpochMs,
    commissionBps: z.number().int().min(0).max(MAX_RATE_BPS),
    status: z.enum(['OPEN', 'CLOSED']).default('OPEN'),
  })
  .refine((i) => i.startAt < i.cutoffAt, { message: '截单时间应晚于开始时间', path: ['cutoffAt'] })
  .refine((i) => new Set(i.items.map((it) => it.skuId)).size === i.items.length, { message: '商品规格重复', path: ['items'] });

export const CommunityActivityIdInput = z.object({ activityId: Id });

/** `points` (customer): approved leaders' points, nearest first when `location` is given, else the customer's last point first. */
export const PointsInput = z.object({ location: CommunityLatLngInput.nullable().default(null) });

/** `placeOrder` (customer): an order of the activity's SKUs, to pick up at the leader's point; paid through `order.pay`. */
export const PlaceCommunityOrderInput = z.object({
  activityId: Id,
  leaderId: Id,
  items: z
    .array(z.object({ skuId: Id, quantity: z.number().int() }))
    .min(1)
    .max(30),
  requestId: RequestId,
  remark: MultiLineText(200).default(''),
});

/** `handout` (the leader): the orders to hand out on a pickup day (default: today). */
export const HandoutInput = z.object({ pickupDate: CommunityDay.optional() });
/** `verify` (the order's own leader): the customer's 取货码, typed or scanned. */
export const LeaderVerifyInput = z.object({ code: ScannedCode(64) });

export const LeadersInput = z.object({ status: z.enum(['APPLIED', 'APPROVED', 'REJECTED', 'SUSPENDED']).optional() });
export const SalesInput = z.object({ activityId: Id.optional() });
export const StatementInput = z.object({ leaderId: Id, month: CommunityMonth });
export const MyStatementInput = z.object({ month: CommunityMonth });
export const ConfirmStatementInput = z.object({ leaderId: Id, month: CommunityMonth });
const Empty = z.object({});

export const communityContracts = {
  activities: { input: Empty },
  activity: { input: CommunityActivityIdInput },
  points: { input: PointsInput },
  placeOrder: { input: PlaceCommunityOrderInput },
  apply: { input: ApplyLeaderInput },
  myLeader: { input: Empty },
  handout: { input: HandoutInput },
  verify: { input: LeaderVerifyInput },
  myStatement: { input: MyStatementInput },
  leaders: { input: LeadersInput },
  reviewLeader: { input: ReviewLeaderInput },
  saveActivity: { input: SaveActivityInput },
  adminActivities: { input: Empty },
  adminActivity: { input: CommunityActivityIdInput },
  sales: { input: SalesInput },
  statement: { input: StatementInput },
  confirmStatement: { input: ConfirmStatementInput },
};

// ---- views

export interface PickupPointView {
  leaderId: string;
  name: string;
  address: string;
  hours: string;
  phone: string;
  location: { latitude: number; longitude: number } | null;
  /** Metres from the customer, when located. */
  distance: number | null;
}

export interface CommunityItemView {
  skuId: string;
  productId: string;
  productName: string;
  skuName: string;
  image: string | null;
  /** What the customer pays a unit. */
  price: Fen;
  /** The catalog price, shown struck through when higher. */
  listPrice: Fen;
  stock: number;
}

export interface CommunityActivityView {
  activityId: string;
  title: string;
  description: string;
  startAt: number;
  cutoffAt: number;
  pickupDate: string;
  /** Null while it takes orders. */
  closedReason: ActivityClosedReason | null;
  items: CommunityItemView[];
}

export interface CommunityActivityCard {
  activityId: string;
  title: string;
  cutoffAt: number;
  pickupDate: string;
  closedReason: ActivityClosedReason | null;
  images: string[];
  fromPrice: Fen;
  itemCount: number;
}

export interface PointsView {
  points: PickupPointView[];
  /** The point to preselect: the nearest when located, else the customer's last one, else the first. */
  preselectedLeaderId: string | null;
  lastLeaderId: string | null;
}

/** What a leader sees of their own application. */
export interface MyLeaderView {
  leaderId: string;
  realName: string;
  status: LeaderStatus;
  statusLabel: string;
  reason: string | null;
  point: { name: string; address: string; hours: { open: string; close: string }; location: { latitude: number; longitude: number }; phone: string };
  appliedAt: number;
}

export interface AdminLeaderView extends MyLeaderView {
  reviewedAt: number | null;
}

/** An order on the leader's hand-out list: the 取货码 is never shown here (the customer shows it). */
export interface HandoutOrderView {
  orderId: string;
  orderNo: string;
  status: OrderStatus;
  statusLabel: string;
  /** Masked (张*): the leader knows the neighbour by it. */
  customer: string;
  items: Array<{ name: string; skuName: string; quantity: number }>;
  payable: Fen;
  pickedUpAt: number | null;
}

export interface HandoutView {
  pickupDate: string;
  point: { name: string; address: string };
  orders: HandoutOrderView[];
  toHandOut: number;
  handedOut: number;
}

export interface LeaderVerifyResult {
  order: HandoutOrderView;
  verifiedNow: boolean;
}

export interface SalesRow {
  key: string;
  label: string;
  orders: number;
  gmvFen: Fen;
  refundedFen: Fen;
  units: number;
}

export interface SalesView {
  byActivity: SalesRow[];
  byLeader: SalesRow[];
  totals: { orders: number; gmvFen: Fen; refundedFen: Fen };
}

export interface StatementView {
  leaderId: string;
  leaderName: string;
  pointName: string;
  month: string;
  accruedFen: Fen;
  reversedFen: Fen;
  netFen: Fen;
  entries: number;
  orders: number;
  lines: Array<{ orderNo: string | null; type: 'accrue' | 'reverse'; amountFen: Fen; baseFen: Fen; rateBps: number | null; at: number }>;
  /** Can be confirmed (the month is over and it is not yet). */
  confirmable: boolean;
  confirmed: { at: number } | null;
}

export interface AdminActivityView {
  activityId: string;
  title: string;
  description: string;
  items: Array<{ skuId: string; productName: string; skuName: string; price: Fen | null; skuPrice: Fen }>;
  startAt: number;
  cutoffAt: number;
  pickupDate: string;
  commissionBps: number;
  status: 'OPEN' | 'CLOSED';
  closedReason: ActivityClosedReason | null;
}

/** What each `community` action answers (src/api types the client by it). */
export interface CommunityOutputs {
  activities: CommunityActivityCard[];
  activity: CommunityActivityView;
  points: PointsView;
  placeOrder: import('./order').OrderView;
  apply: MyLeaderView;
  myLeader: MyLeaderView | null;
  handout: HandoutView;
  verify: LeaderVerifyResult;
  myStatement: StatementView;
  leaders: AdminLeaderView[];
  reviewLeader: AdminLeaderView;
  saveActivity: AdminActivityView;
  adminActivities: AdminActivityView[];
  adminActivity: AdminActivityView;
  sales: SalesView;
  statement: StatementView;
  confirmStatement: StatementView;
}
