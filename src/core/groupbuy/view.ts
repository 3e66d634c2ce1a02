import type {
  ActivityStats,
  GroupBuyActivityView,
  GroupMemberView,
  GroupView,
  OpenGroupSummary,
} from '../contracts/groupbuy';
import type { Fen } from '../money';
import { leaderPriceOf } from './price';
import { activityPhase, GROUP_STATE_LABELS } from './state';
import type { ActivityDoc, GroupDoc, GroupMember } from './types';

/** A name for a member who has no profile: the last characters of the openid, never the whole. */
export function placeholderNickname(openid: string): string {
  return `拼友${openid.slice(-4)}`;
}

export function toActivityView(
  activity: ActivityDoc & { _id: string },
  listPrice: Fen,
  now: number,
  stats: ActivityStats | null,
): GroupBuyActivityView {
  return {
    activityId: activity._id,
    title: activity.title || activity.productName,
    skuId: activity.skuId,
    productId: activity.productId,
    productName: activity.productName,
    skuName: activity.skuName,
    image: activity.image,
    listPrice,
    groupPrice: activity.groupPrice,
    leaderPrice: leaderPriceOf(activity.groupPrice, activity.leaderDiscount),
    groupSize: activity.groupSize,
    timeLimitMinutes: activity.timeLimitMinutes,
    perMemberLimit: activity.perMemberLimit,
    leaderDiscount: activity.leaderDiscount,
    virtualCompletion: activity.virtualCompletion,
    startAt: activity.startAt,
    endAt: activity.endAt,
    phase: activityPhase(activity, now),
    createdAt: activity.createdAt,
    updatedAt: activity.updatedAt,
    stats,
  };
}

function memberView(member: GroupMember): GroupMemberView {
  return { nickname: member.nickname, avatar: null, leader: member.leader, paid: member.paid, virtual: false, joinedAt: member.joinedAt };
}

/** Leader first, then by joining time, then the virtual members of a virtual completion. */
export function groupMemberViews(group: GroupDoc): GroupMemberView[] {
  const real = [...group.members].sort((a, b) => Number(b.leader) - Number(a.leader) || a.joinedAt - b.joinedAt).map(memberView);
  const at = group.closedAt ?? group.updatedAt;
  const virtual = Array.from({ length: group.virtualMembers }, (_, i) => ({
    nickname: `拼友${i + 1}`,
    avatar: null,
    leader: false,
    paid: true,
    virtual: true,
    joinedAt: at,
  }));
  return [...real, ...virtual];
}

function leaderView(group: GroupDoc): GroupMemberView {
  const leader = group.members.find((m) => m.leader);
  return leader
    ? memberView(leader)
    : { nickname: group.leaderNickname, avatar: null, leader: true, paid: false, virtual: false, joinedAt: group.createdAt };
}

export function seatsLeft(group: Pick<GroupDoc, 'size' | 'reserved' | 'virtualMembers'>): number {
  return Math.max(0, group.size - group.reserved - group.virtualMembers);
}

/** Whether `openid` may join now (activity active is checked by the caller). */
export function joinable(group: GroupDoc, openid: string | null, now: number): boolean {
  return (
    group.state === 'OPEN' &&
    group.expiresAt !== null &&
    now < group.expiresAt &&
    group.reserved < group.size &&
    !group.members.some((m) => m.openid === openid)
  );
}

export function toGroupView(
  group: GroupDoc & { _id: string },
  activity: GroupBuyActivityView,
  openid: string | null,
  now: number,
): GroupView {
  const mine = group.members.find((m) => m.openid === openid) ?? null;
  return {
    groupId: group._id,
    state: group.state,
    stateLabel: GROUP_STATE_LABELS[group.state],
    activity,
    groupPrice: group.groupPrice,
    leaderPrice: group.leaderPrice,
    size: group.size,
    reserved: group.reserved,
    paid: group.paid,
    seatsLeft: seatsLeft(group),
    leader: leaderView(group),
    members: groupMemberViews(group),
    expiresAt: group.expiresAt,
    openedAt: group.openedAt,
    succeededAt: group.succeededAt,
    failedAt: group.failedAt,
    serverNow: now,
    joinedByMe: mine !== null,
    myOrderId: mine?.orderId ?? null,
    canJoin: activity.phase === 'ACTIVE' && joinable(group, openid, now),
  };
}

export function toOpenGroupSummary(group: GroupDoc & { _id: string }, openid: string | null): OpenGroupSummary {
  return {
    groupId: group._id,
    leader: leaderView(group),
    size: group.size,
    seatsLeft: seatsLeft(group),
    expiresAt: group.expiresAt ?? 0,
    joinedByMe: group.members.some((m) => m.openid === openid),
  };
}
