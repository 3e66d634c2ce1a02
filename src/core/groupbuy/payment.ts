import type { GroupState } from '../contracts/groupbuy';
import { activityPhase, groupDeadline } from './state';
import type { SeatState } from './types';

/** Why a payment fills nothing and is refunded. */
export type PaymentRefusal = 'SEAT_RELEASED' | 'ACTIVITY_NOT_ACTIVE' | 'GROUP_CLOSED' | 'GROUP_EXPIRED' | 'GROUP_FULL';

export type PaymentDecision =
  /** The leader paid: the group opens with this deadline. */
  | { kind: 'open'; expiresAt: number }
  /** A member's seat is paid; `succeeds` when it is the last seat. */
  | { kind: 'seat'; succeeds: boolean }
  /** Refund the payment; `cancelGroup` when the leader paid for a group that can no longer open. */
  | { kind: 'refund'; why: PaymentRefusal; cancelGroup: boolean };

export interface PaymentFacts {
  group: { state: GroupState; size: number; paid: number; expiresAt: number | null; timeLimitMinutes: number };
  /** The seat of the paid order, null when it does not exist. */
  seat: { state: SeatState; leader: boolean } | null;
  activity: { startAt: number; endAt: number; stoppedAt: number | null };
  now: number;
}

/** What a payment for a group-buy seat does, from the group, seat and activity read in the payment's transaction. */
export function decidePayment({ group, seat, activity, now }: PaymentFacts): PaymentDecision {
  if (!seat || seat.state !== 'RESERVED') return { kind: 'refund', why: 'SEAT_RELEASED', cancelGroup: false };
  if (group.state === 'PENDING' && seat.leader) {
    if (activityPhase(activity, now) !== 'ACTIVE') return { kind: 'refund', why: 'ACTIVITY_NOT_ACTIVE', cancelGroup: true };
    return { kind: 'open', expiresAt: groupDeadline(now, group.timeLimitMinutes, activity.endAt) };
  }
  if (group.state !== 'OPEN') return { kind: 'refund', why: 'GROUP_CLOSED', cancelGroup: false };
  if (group.expiresAt === null || now >= group.expiresAt) return { kind: 'refund', why: 'GROUP_EXPIRED', cancelGroup: false };
  if (group.paid >= group.size) return { kind: 'refund', why: 'GROUP_FULL', cancelGroup: false };
  return { kind: 'seat', succeeds: group.paid + 1 === group.size };
}
