import type { WithId } from '../../db';
import type { ActivityDoc, GroupDoc, MemberCountDoc, SeatDoc } from '../../../core/groupbuy/types';
import type { Transaction } from '../../db';
import { loadOne } from '../catalog/records';
import type { ServiceDeps } from '../order/deps';

/** Collections of group-buys (indexes in src/server/schema.ts). */
export const GroupBuyCollections = {
  activities: 'groupbuy_activities',
  groups: 'groupbuy_groups',
  /** `{orderId}`: one member's seat. */
  seats: 'groupbuy_seats',
  /** `{activityId}_{openid}`: seats held toward perMemberLimit. */
  memberCounts: 'groupbuy_member_counts',
} as const;

export const memberCountId = (activityId: string, openid: string): string => `${activityId}_${openid}`;

/** Idempotency scopes (with caller + requestId) of `open` and `join`. */
export const OPEN_SCOPE = 'gbo';
export const JOIN_SCOPE = 'gbj';

export type Activity = WithId<ActivityDoc>;
export type Group = WithId<GroupDoc>;

export const loadActivity = (deps: ServiceDeps, activityId: string): Promise<Activity | null> =>
  loadOne<ActivityDoc>(deps.db, GroupBuyCollections.activities, activityId);

export const loadGroup = (deps: ServiceDeps, groupId: string): Promise<Group | null> =>
  loadOne<GroupDoc>(deps.db, GroupBuyCollections.groups, groupId);

export const loadMemberSeats = async (deps: ServiceDeps, activityId: string, openid: string): Promise<number> =>
  (await loadOne<MemberCountDoc>(deps.db, GroupBuyCollections.memberCounts, memberCountId(activityId, openid)))?.seats ?? 0;

export const activityRef = (tx: Transaction, activityId: string) => tx.collection<ActivityDoc>(GroupBuyCollections.activities).doc(activityId);
export const groupRef = (tx: Transaction, groupId: string) => tx.collection<GroupDoc>(GroupBuyCollections.groups).doc(groupId);
export const seatRef = (tx: Transaction, orderId: string) => tx.collection<SeatDoc>(GroupBuyCollections.seats).doc(orderId);
export const memberCountRef = (tx: Transaction, activityId: string, openid: string) =>
  tx.collection<MemberCountDoc>(GroupBuyCollections.memberCounts).doc(memberCountId(activityId, openid));
