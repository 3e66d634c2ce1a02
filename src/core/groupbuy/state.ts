import type { ActivityPhase, GroupState } from '../contracts/groupbuy';
import type { SeatState } from './types';

/**
 * The group state machine: PENDING (leader unpaid) → OPEN (leader paid) →
 * SUCCEEDED (last seat paid) | FAILED (deadline, refunds) |
 * SUCCEEDED_VIRTUAL (deadline, virtual completion); PENDING → CANCELLED
 * (the leader's order cancelled, or paid when the activity had closed).
 */
export const GROUP_EVENTS = ['leaderPaid', 'abandon', 'fill', 'expire', 'completeVirtually'] as const;
export type GroupEvent = (typeof GROUP_EVENTS)[number];

const GROUP_TRANSITIONS: Record<GroupEvent, Partial<Record<GroupState, GroupState>>> = {
  leaderPaid: { PENDING: 'OPEN' },
  abandon: { PENDING: 'CANCELLED' },
  fill: { OPEN: 'SUCCEEDED' },
  expire: { OPEN: 'FAILED' },
  completeVirtually: { OPEN: 'SUCCEEDED_VIRTUAL' },
};

export const GROUP_STATE_LABELS: Record<GroupState, string> = {
  PENDING: '待团长支付',
  OPEN: '拼团中',
  SUCCEEDED: '拼团成功',
  SUCCEEDED_VIRTUAL: '拼团成功',
  FAILED: '拼团失败',
  CANCELLED: '已取消',
};

export function nextGroupState(state: GroupState, event: GroupEvent): GroupState | null {
  return GROUP_TRANSITIONS[event][state] ?? null;
}

/** No further change: succeeded, failed or cancelled. */
export function isGroupFinal(state: GroupState): boolean {
  return state !== 'PENDING' && state !== 'OPEN';
}

export function isGroupSucceeded(state: GroupState): boolean {
  return state === 'SUCCEEDED' || state === 'SUCCEEDED_VIRTUAL';
}

/** A seat: RESERVED → PAID | RELEASED; PAID → REFUNDED (its group failed, or its order was refunded). */
export type SeatEvent = 'pay' | 'release' | 'refund';
const SEAT_TRANSITIONS: Record<SeatEvent, Partial<Record<SeatState, SeatState>>> = {
  pay: { RESERVED: 'PAID' },
  release: { RESERVED: 'RELEASED' },
  refund: { PAID: 'REFUNDED' },
};

export function nextSeatState(state: SeatState, event: SeatEvent): SeatState | null {
  return SEAT_TRANSITIONS[event][state] ?? null;
}

/** Seats that count toward `reserved` and the member's limit. */
export function seatHeld(state: SeatState): boolean {
  return state === 'RESERVED' || state === 'PAID';
}

export function activityPhase(activity: { startAt: number; endAt: number; stoppedAt: number | null }, now: number): ActivityPhase {
  if (activity.stoppedAt !== null) return 'STOPPED';
  if (now < activity.startAt) return 'SCHEDULED';
  if (now >= activity.endAt) return 'ENDED';
  return 'ACTIVE';
}

/** A group's deadline: its time limit from the leader's payment, cut at the activity's end. */
export function groupDeadline(openedAt: number, timeLimitMinutes: number, activityEndAt: number): number {
  return Math.min(openedAt + timeLimitMinutes * 60_000, activityEndAt);
}

/** At its deadline, a group short of members completes virtually when its activity allows, else fails. */
export function expiryEvent(group: { virtualCompletion: boolean }): 'completeVirtually' | 'expire' {
  return group.virtualCompletion ? 'completeVirtually' : 'expire';
}

/**
 * Whether an order may be shipped or handed over: not a group-buy order, or
 * its group succeeded. Fulfilment (ship, pickup verification) checks this.
 */
export function groupBuyAllowsFulfilment(order: { groupBuy?: { state: GroupState } | null }): boolean {
  return !order.groupBuy || isGroupSucceeded(order.groupBuy.state);
}
