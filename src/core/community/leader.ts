import { AppError } from '../errors';

/**
 * The leader (团长) state machine as a table:
 * applied → approved | rejected; approved ↔ suspended; a rejected applicant
 * may apply again (rejected → applied, with a new point).
 */
export const LEADER_STATUSES = ['APPLIED', 'APPROVED', 'REJECTED', 'SUSPENDED'] as const;
export type LeaderStatus = (typeof LEADER_STATUSES)[number];

export const LEADER_EVENTS = ['reapply', 'approve', 'reject', 'suspend', 'resume'] as const;
export type LeaderEvent = (typeof LEADER_EVENTS)[number];

const TRANSITIONS: Record<LeaderEvent, Partial<Record<LeaderStatus, LeaderStatus>>> = {
  reapply: { REJECTED: 'APPLIED' },
  approve: { APPLIED: 'APPROVED' },
  reject: { APPLIED: 'REJECTED' },
  suspend: { APPROVED: 'SUSPENDED' },
  resume: { SUSPENDED: 'APPROVED' },
};

export const LEADER_STATUS_LABELS: Record<LeaderStatus, string> = {
  APPLIED: '待审核',
  APPROVED: '已通过',
  REJECTED: '已驳回',
  SUSPENDED: '已暂停',
};

/** The status after `event`, or null when the table forbids it. */
export function nextLeaderStatus(status: LeaderStatus, event: LeaderEvent): LeaderStatus | null {
  return TRANSITIONS[event][status] ?? null;
}

/** The status `event` leads to (the idempotent repeat: already there). */
export const leaderEventTarget = (event: LeaderEvent): LeaderStatus => Object.values(TRANSITIONS[event])[0] as LeaderStatus;

/** The status after `event`; LEADER_STATE_INVALID when the table forbids it. */
export function transitionLeader(status: LeaderStatus, event: LeaderEvent): LeaderStatus {
  const next = nextLeaderStatus(status, event);
  if (!next) {
    throw new AppError('LEADER_STATE_INVALID', `团长当前状态为「${LEADER_STATUS_LABELS[status]}」，不能执行该操作`, { status, event });
  }
  return next;
}

/** Only an approved leader takes orders and hands them out. */
export const leaderTakesOrders = (status: LeaderStatus): boolean => status === 'APPROVED';
