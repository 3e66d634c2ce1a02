import type { GroupState, LeaderDiscount } from '../contracts/groupbuy';
import type { Fen } from '../money';
import type { OrderDoc } from '../order/types';

/** The stored shapes of group-buys (拼团). Money in fen, times epoch ms. */

/** The terms an operator sets; validated by `activityIssues`. */
export interface ActivityTerms {
  groupPrice: Fen;
  groupSize: number;
  timeLimitMinutes: number;
  perMemberLimit: number;
  leaderDiscount: LeaderDiscount | null;
  virtualCompletion: boolean;
  startAt: number;
  endAt: number;
  title: string;
}

/** `groupbuy_activities/{activityId}`. */
export interface ActivityDoc extends ActivityTerms {
  skuId: string;
  productId: string;
  productName: string;
  skuName: string;
  image: string | null;
  /** Set when an operator stops it: no group opens or joins after, open groups close at once. */
  stoppedAt: number | null;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
}

export type SeatState = 'RESERVED' | 'PAID' | 'RELEASED' | 'REFUNDED';

/** A member as the group doc lists them (only seats RESERVED or PAID; released ones leave the list). */
export interface GroupMember {
  openid: string;
  /** The seat's `_id`, which is the member's order id. */
  orderId: string;
  leader: boolean;
  paid: boolean;
  nickname: string;
  joinedAt: number;
  paidAt: number | null;
}

/**
 * What members should be told (the notifications issue sends them): every
 * status change of the group with its time and who should hear of it.
 */
export type GroupNoticeKind = 'OPENED' | 'MEMBER_PAID' | 'SUCCEEDED' | 'SUCCEEDED_VIRTUAL' | 'FAILED' | 'CANCELLED';
export interface GroupNotice {
  kind: GroupNoticeKind;
  state: GroupState;
  at: number;
  /** Openids to tell: the paid members at that moment. */
  audience: string[];
}

/** `groupbuy_groups/{groupId}`: one group, with the activity's terms as they were when it opened. */
export interface GroupDoc {
  activityId: string;
  skuId: string;
  state: GroupState;
  size: number;
  groupPrice: Fen;
  leaderPrice: Fen;
  timeLimitMinutes: number;
  virtualCompletion: boolean;
  leaderOpenid: string;
  leaderNickname: string;
  /** Seats RESERVED or PAID; `reserved < size` is checked and incremented in the join transaction. */
  reserved: number;
  paid: number;
  /** Seats filled by virtual completion. */
  virtualMembers: number;
  members: GroupMember[];
  createdAt: number;
  updatedAt: number;
  /** When the leader paid (state OPEN). */
  openedAt: number | null;
  /** The deadline: min(openedAt + timeLimit, activity endAt); null while PENDING. */
  expiresAt: number | null;
  succeededAt: number | null;
  failedAt: number | null;
  closedAt: number | null;
  notices: GroupNotice[];
}

/** `groupbuy_seats/{orderId}`: one member's seat in one group, RESERVED → PAID | RELEASED, PAID → REFUNDED. */
export interface SeatDoc {
  activityId: string;
  groupId: string;
  openid: string;
  leader: boolean;
  state: SeatState;
  price: Fen;
  createdAt: number;
  updatedAt: number;
  paidAt: number | null;
  releasedAt: number | null;
  refundedAt: number | null;
}

/** `groupbuy_member_counts/{activityId}_{openid}`: seats a member holds (RESERVED or PAID) in an activity, for perMemberLimit. */
export interface MemberCountDoc {
  activityId: string;
  openid: string;
  seats: number;
  updatedAt: number;
}

/**
 * What a group-buy order carries (`orders.groupBuy`). `state` mirrors the
 * group's state for paid members: fulfilment (shipping, pickup) waits until
 * it is SUCCEEDED or SUCCEEDED_VIRTUAL (`groupBuyAllowsFulfilment`).
 */
export interface GroupBuyOrderInfo {
  activityId: string;
  groupId: string;
  leader: boolean;
  state: GroupState;
}

/** An order of the group-buy context: the order document plus its group. */
export type GroupBuyOrderDoc = Omit<OrderDoc, 'source'> & { source: 'groupbuy'; groupBuy: GroupBuyOrderInfo };
