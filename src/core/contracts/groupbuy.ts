// Namespace import keeps esbuild from bundling every zod locale (see system.ts).
import * as z from 'zod';
import type { Fen } from '../money';
import { FulfillmentInput } from './order';
import { EpochMs, Id, RequestId, SingleLineText } from './fields';

/**
 * Contracts of the `groupbuy` function (拼团).
 * Times are epoch ms (every view carries `serverNow`: the client keeps the
 * offset for countdowns); money is integer fen.
 * Ranges (group price > 0 and below the SKU price, size 2–10, time limit
 * 10 min–72 h, perMemberLimit ≥ 1, startAt < endAt, leader discount below the
 * group price) are checked by the service and refused with ACTIVITY_INVALID
 * (`details.issues`: [{ field, message }]); zod checks types, plausible
 * times and clean text here (fields.ts).
 *
 * Flow: `open` reserves the leader's seat and answers an unpaid order (pay it
 * with `order.pay` before `expiresAt`); the group is PENDING, seen only by the
 * leader, until that order is paid: then it is OPEN and its deadline is
 * min(paidAt + timeLimitMinutes, activity endAt). `join` reserves a seat and
 * answers an unpaid order the same way (its payment window never runs past
 * the group's deadline). The group SUCCEEDS when its last seat is paid; at
 * the deadline it FAILS (paid members refunded) or, when the activity allows
 * virtual completion, ends SUCCEEDED_VIRTUAL.
 */

const Int = z.number().int();

export const GROUP_BUY_MIN_SIZE = 2;
export const GROUP_BUY_MAX_SIZE = 10;
export const GROUP_BUY_MIN_MINUTES = 10;
export const GROUP_BUY_MAX_MINUTES = 72 * 60;
/** Minutes a group-buy order waits for payment (never past the group's deadline). */
export const GROUP_BUY_PAYMENT_MINUTES = 10;

/** SCHEDULED: before startAt; ACTIVE: groups can be opened and joined; ENDED: past endAt; STOPPED: an operator stopped it. */
export const ACTIVITY_PHASES = ['SCHEDULED', 'ACTIVE', 'ENDED', 'STOPPED'] as const;
export type ActivityPhase = (typeof ACTIVITY_PHASES)[number];

/**
 * PENDING: opened, the leader has not paid (only the leader sees it);
 * OPEN: joinable until `expiresAt`; SUCCEEDED: every seat paid;
 * SUCCEEDED_VIRTUAL: completed with virtual members at the deadline (模拟成团);
 * FAILED: the deadline passed short of members, paid members refunded;
 * CANCELLED: the leader never paid.
 */
export const GROUP_STATES = ['PENDING', 'OPEN', 'SUCCEEDED', 'SUCCEEDED_VIRTUAL', 'FAILED', 'CANCELLED'] as const;
export type GroupState = (typeof GROUP_STATES)[number];

/** Off the group price for the leader: fen, or basis points (1000 = 10% off). Must leave the leader at least 1 fen to pay. */
export const LeaderDiscountInput = z.discriminatedUnion('type', [
  z.object({ type: z.literal('fen'), amount: Int }),
  z.object({ type: z.literal('bps'), bps: Int }),
]);
export type LeaderDiscount = z.output<typeof LeaderDiscountInput>;

const ActivityTerms = {
  /** Fen per unit; > 0 and below the SKU's price. */
  groupPrice: Int,
  /** Members including the leader, 2–10. */
  groupSize: Int,
  /** A group's time to fill once opened, 10–4320 minutes. */
  timeLimitMinutes: Int,
  /** Seats one member may hold in this activity (reserved or paid, across groups); ≥ 1. */
  perMemberLimit: Int,
  leaderDiscount: LeaderDiscountInput.nullable().optional(),
  /** 模拟成团: at the deadline a group with its leader paid completes with virtual members instead of failing. */
  virtualCompletion: z.boolean().optional(),
  startAt: EpochMs,
  endAt: EpochMs,
  /** Shown instead of the product name when given. */
  title: SingleLineText(60).optional(),
};

/** `createActivity` (operator). */
export const CreateActivityInput = z.object({ skuId: Id, ...ActivityTerms });

/**
 * `updateActivity` (operator): any subset of the terms (not the SKU), while
 * the activity is not ENDED or STOPPED. Groups already opened keep the terms
 * they were opened with.
 */
export const UpdateActivityInput = z.object({
  activityId: Id,
  groupPrice: Int.optional(),
  groupSize: Int.optional(),
  timeLimitMinutes: Int.optional(),
  perMemberLimit: Int.optional(),
  leaderDiscount: LeaderDiscountInput.nullable().optional(),
  virtualCompletion: z.boolean().optional(),
  startAt: EpochMs.optional(),
  endAt: EpochMs.optional(),
  title: SingleLineText(60).optional(),
});

export const ActivityIdInput = z.object({ activityId: Id });
export const GroupIdInput = z.object({ groupId: Id });

/**
 * `listActivities`: view 'customer' (default) answers ACTIVE activities with
 * product info, `stats` null; view 'operator' (operator role, else FORBIDDEN)
 * answers every activity, newest first, with `stats`.
 */
export const ListActivitiesInput = z.object({ view: z.enum(['customer', 'operator']).default('customer') });

export const OpenGroupInput = z.object({
  activityId: Id,
  /** One per open intent, made by the client: a retry or double tap answers the first group and order. */
  requestId: RequestId,
  /** Where the unit goes (ADDRESS_REQUIRED / STORE_NOT_FOUND as at checkout). */
  fulfillment: FulfillmentInput,
});

export const JoinGroupInput = z.object({
  groupId: Id,
  requestId: RequestId,
  fulfillment: FulfillmentInput,
});

export const GroupBuyTimerInput = z.object({});

/** Actions a client may call: `contracts.groupbuy` (createActivity/updateActivity/stopActivity/stats need the operator role). */
export const groupBuyContracts = {
  createActivity: { input: CreateActivityInput },
  updateActivity: { input: UpdateActivityInput },
  stopActivity: { input: ActivityIdInput },
  listActivities: { input: ListActivitiesInput },
  getActivity: { input: ActivityIdInput },
  open: { input: OpenGroupInput },
  join: { input: JoinGroupInput },
  get: { input: GroupIdInput },
  stats: { input: ActivityIdInput },
};

/** The function's one timer trigger (`cloudfunctions/groupbuy/config.json`, every minute). */
export const groupBuyTimerContracts = {
  expireGroups: { input: GroupBuyTimerInput },
};

export const GroupBuyErrorCode = {
  ActivityInvalid: 'ACTIVITY_INVALID',
  ActivityNotFound: 'ACTIVITY_NOT_FOUND',
  /** Not started, ended or stopped: no group can be opened or joined. */
  ActivityNotActive: 'ACTIVITY_NOT_ACTIVE',
  /** An ENDED or STOPPED activity cannot be edited. */
  ActivityClosed: 'ACTIVITY_CLOSED',
  /** Also a PENDING group (its leader has not paid) to anyone but the leader. */
  GroupNotFound: 'GROUP_NOT_FOUND',
  /** Every seat is reserved or paid. */
  GroupFull: 'GROUP_FULL',
  /** Succeeded, failed, cancelled or past its deadline. */
  GroupClosed: 'GROUP_CLOSED',
  /** The caller holds a seat in this group already. */
  AlreadyInGroup: 'ALREADY_IN_GROUP',
  /** The caller holds perMemberLimit seats in this activity already. */
  LimitExceeded: 'LIMIT_EXCEEDED',
  /** Also from the order path: OUT_OF_STOCK, SKU_NOT_FOUND, ADDRESS_REQUIRED, STORE_NOT_FOUND. */
} as const;

export interface ActivityStats {
  groupsPending: number;
  groupsOpen: number;
  /** Every seat paid (virtual completions not included). */
  groupsSucceeded: number;
  groupsSucceededVirtual: number;
  groupsFailed: number;
  /** Members whose seat is paid and not refunded. */
  paidMembers: number;
  /** Paid members refunded because their group failed or had closed. */
  refundedMembers: number;
  /** 成交额: fen of the paid seats not refunded. */
  paidFen: Fen;
  /** Distinct members with a paid seat (a member may hold several). */
  paidBuyers: number;
}

export interface GroupBuyActivityView {
  activityId: string;
  title: string;
  skuId: string;
  productId: string;
  productName: string;
  skuName: string;
  image: string | null;
  /** The SKU's price now (struck through next to the group price). */
  listPrice: Fen;
  groupPrice: Fen;
  /** What the leader pays: the group price less the leader discount. */
  leaderPrice: Fen;
  groupSize: number;
  timeLimitMinutes: number;
  perMemberLimit: number;
  leaderDiscount: LeaderDiscount | null;
  virtualCompletion: boolean;
  startAt: number;
  endAt: number;
  phase: ActivityPhase;
  createdAt: number;
  updatedAt: number;
  /** Operators only (view 'operator', createActivity, updateActivity, stopActivity); null for customers. */
  stats: ActivityStats | null;
}

export interface GroupMemberView {
  /** A placeholder name (no profile is collected yet). */
  nickname: string;
  /** Placeholder: null until profiles exist. */
  avatar: string | null;
  leader: boolean;
  paid: boolean;
  /** A seat filled by virtual completion (模拟成团). */
  virtual: boolean;
  joinedAt: number;
}

/** An OPEN group with seats left, as listed under an activity. */
export interface OpenGroupSummary {
  groupId: string;
  leader: GroupMemberView;
  size: number;
  seatsLeft: number;
  expiresAt: number;
  joinedByMe: boolean;
}

export interface ActivityDetailView {
  activity: GroupBuyActivityView;
  /** OPEN groups with seats left, closing soonest first (at most 20). */
  openGroups: OpenGroupSummary[];
  /** Seats the caller holds in this activity (reserved or paid). */
  mySeats: number;
  limitReached: boolean;
  /** 已拼 N 件: seats paid and not refunded, over every group of the activity. */
  soldCount: number;
  serverNow: number;
}

export interface ActivityListView {
  items: GroupBuyActivityView[];
  serverNow: number;
}

/** `open` and `join`: pay `orderId` with `order.pay` before `expiresAt` (the order's payment deadline). */
export interface SeatReservedView {
  groupId: string;
  orderId: string;
  expiresAt: number;
}

/** `get`: the share page. */
export interface GroupView {
  groupId: string;
  state: GroupState;
  stateLabel: string;
  activity: GroupBuyActivityView;
  /** Price a member pays to join; the leader paid `leaderPrice`. */
  groupPrice: Fen;
  leaderPrice: Fen;
  size: number;
  /** Seats reserved or paid (the leader included). */
  reserved: number;
  paid: number;
  seatsLeft: number;
  leader: GroupMemberView;
  /** Every member holding a seat, the leader first; virtual members last. */
  members: GroupMemberView[];
  /** The deadline; null while PENDING (set when the leader pays). */
  expiresAt: number | null;
  openedAt: number | null;
  succeededAt: number | null;
  failedAt: number | null;
  serverNow: number;
  joinedByMe: boolean;
  /** The caller's order in this group, when joinedByMe. */
  myOrderId: string | null;
  /** OPEN, not full, before the deadline, the activity active and the caller not in it. */
  canJoin: boolean;
}

export interface ActivityStatsView {
  activityId: string;
  phase: ActivityPhase;
  stats: ActivityStats;
  serverNow: number;
}

export interface ExpireGroupsReport {
  scanned: number;
  failed: number;
  succeededVirtual: number;
  /** Refunds recorded as due by this run. */
  refundsDue: number;
}

export interface GroupBuyOutputs {
  createActivity: GroupBuyActivityView;
  updateActivity: GroupBuyActivityView;
  stopActivity: GroupBuyActivityView;
  listActivities: ActivityListView;
  getActivity: ActivityDetailView;
  open: SeatReservedView;
  join: SeatReservedView;
  get: GroupView;
  stats: ActivityStatsView;
  expireGroups: ExpireGroupsReport;
}

export type CreateActivityInput = z.input<typeof CreateActivityInput>;
export type UpdateActivityInput = z.input<typeof UpdateActivityInput>;
export type OpenGroupInput = z.input<typeof OpenGroupInput>;
export type JoinGroupInput = z.input<typeof JoinGroupInput>;
