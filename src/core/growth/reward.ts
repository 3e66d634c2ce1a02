import type { OrderStatus } from '../order/status';

/**
 * When an invite's reward is due (老带新奖励), as tables and small functions.
 *
 * A binding moves bound → ordered (the invitee's first paid order after the
 * binding) → rewarded, or → refunded when that order is refunded before the
 * reward is due. Due means no longer refundable: the order completed, or
 * `rewardDelayDays` passed since payment with no refund under way. Only the
 * first order counts: if it is refunded, no later order makes the reward due.
 */
export const INVITE_STATES = ['bound', 'ordered', 'rewarded', 'refunded'] as const;
export type InviteState = (typeof INVITE_STATES)[number];

export const INVITE_STATE_LABELS: Record<InviteState, string> = {
  bound: '已邀请，待首单',
  ordered: '已下单，待确认收货',
  rewarded: '奖励已发放',
  refunded: '首单已退款，不发放',
};

/** One side's reward: pending until due; `capped` when the inviter was over the daily cap; `void` when the first order was refunded. */
export const REWARD_STATES = ['pending', 'given', 'capped', 'void'] as const;
export type RewardState = (typeof REWARD_STATES)[number];

export const REWARD_STATE_LABELS: Record<RewardState, string> = {
  pending: '待发放',
  given: '已发放',
  capped: '超出当日上限',
  void: '不发放',
};

export type RewardSide = 'inviter' | 'invitee';

export const DAY_MS = 86_400_000;

/** The deterministic id of one side's reward: the points ledger source and the coupon id. */
export const inviteRewardId = (invitee: string, side: RewardSide): string => `invite-reward:${invitee}:${side}`;

/** Points-mall redemptions are not purchases: the first order that counts comes from the shop, a flash sale, a group-buy or a live room. */
export const countsAsFirstOrder = (order: { source?: string | null }): boolean => order.source !== 'mall';

export const rewardDueAt = (paidAt: number, delayDays: number): number => paidAt + delayDays * DAY_MS;

/** What the timer's sweep does with an `ordered` binding, from its order's status now. */
export type SweepDecision = 'grant' | 'void' | 'wait' | 'not-yet';

const BY_STATUS: Partial<Record<OrderStatus, SweepDecision | 'by-time'>> = {
  COMPLETED: 'grant',
  REFUNDED: 'void',
  CANCELLED: 'void',
  REFUND_REQUESTED: 'wait',
  REFUNDING: 'wait',
  PAID: 'by-time',
  SHIPPED: 'by-time',
  READY_FOR_PICKUP: 'by-time',
};

export function sweepDecision(status: OrderStatus | null, dueAt: number, now: number): SweepDecision {
  if (status === null) return 'void';
  const rule = BY_STATUS[status] ?? 'wait';
  if (rule !== 'by-time') return rule;
  return dueAt <= now ? 'grant' : 'not-yet';
}

/** A binding in refund review is looked at again this much later. */
export const WAIT_RETRY_MS = 60 * 60 * 1000;

/** Whether an inviter who already earned `givenToday` rewards today may earn one more. */
export const underDailyCap = (givenToday: number, cap: number): boolean => cap === 0 || givenToday < cap;
