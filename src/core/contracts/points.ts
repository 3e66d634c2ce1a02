// Namespace import keeps esbuild from bundling every zod locale (see system.ts).
import * as z from 'zod';
import { isCalendarMonth } from '../points/china-day';
import type { CheckInRules } from '../points/checkin';
import type { PointsKind } from '../points/kinds';
import type { ExpiringPoints } from './member';
import { OpenId, RequestId, SingleLineText } from './fields';

/** Contracts of the `points` function: balance, ledger, check-in, operator adjustments. */

export const MAX_ADJUST_POINTS = 1_000_000;

export const BalanceInput = z.object({});
export const LedgerInput = z.object({
  /** `earn`: points in; `spend`: points out; all when absent. */
  kind: z.enum(['earn', 'spend']).optional(),
  /** `nextCursor` of the previous page; the first page without it. */
  cursor: SingleLineText(200).optional(),
  pageSize: z.number().int().min(1).max(50).default(20),
});
export const CheckInInput = z.object({});
export const CheckInCalendarInput = z.object({
  /** `YYYY-MM` (China time); this month when absent. */
  month: z.string().refine(isCalendarMonth, '月份格式应为 YYYY-MM').optional(),
});
/** Operators: add (delta > 0) or take (delta < 0) a member's points, once per requestId. */
export const AdjustInput = z.object({
  openid: OpenId,
  delta: z
    .number()
    .int()
    .min(-MAX_ADJUST_POINTS)
    .max(MAX_ADJUST_POINTS)
    .refine((delta) => delta !== 0, '调整积分不能为 0'),
  reason: SingleLineText(100).min(1, '请填写调整原因'),
  requestId: RequestId,
});
export const ExpirePointsInput = z.object({});

/** Actions a client may call: `contracts.points` (`adjust` needs an operator). */
export const pointsContracts = {
  balance: { input: BalanceInput },
  ledger: { input: LedgerInput },
  checkIn: { input: CheckInInput },
  checkInCalendar: { input: CheckInCalendarInput },
  adjust: { input: AdjustInput },
};

/** Actions only timer triggers run (`cloudfunctions/points/config.json`, daily). */
export const pointsTimerContracts = {
  expirePoints: { input: ExpirePointsInput },
};

export const PointsErrorCode = {
  InsufficientPoints: 'INSUFFICIENT_POINTS',
  CursorInvalid: 'CURSOR_INVALID',
} as const;

export interface PointsBalanceView {
  balance: number;
  expiringSoon: ExpiringPoints | null;
  /** The balance by last valid day, soonest first. */
  byExpiry: ExpiringPoints[];
}

export interface PointsEntryView {
  /** The source: `earn:<orderId>`, `checkin:<day>`, `redeem:<requestId>`… */
  id: string;
  kind: PointsKind;
  /** Chinese label of the kind. */
  label: string;
  delta: number;
  balanceAfter: number;
  note: string;
  createdAt: number;
  /** For points in: their last valid day. */
  expiresOn: string | null;
  /** For a refund's claw-back: points the order earned that were already spent and could not be taken back. */
  shortfall: number;
}

export interface PointsLedgerPage {
  items: PointsEntryView[];
  /** Pass as `cursor` for the next page; null at the end. */
  nextCursor: string | null;
}

export interface CheckInView {
  /** The China-time day checked in: `YYYY-MM-DD`. */
  day: string;
  /** Points this check-in gave (the first one's, on a repeat). */
  reward: number;
  streak: number;
  balance: number;
  /** True when the day was checked in before (a repeat grants nothing). */
  alreadyCheckedIn: boolean;
}

export interface CheckInCalendarView {
  month: string;
  today: string;
  /** Days of the month checked in, ascending. */
  days: string[];
  /** 0 when the last check-in was before yesterday. */
  streak: number;
  checkedInToday: boolean;
  /** What checking in today (or tomorrow, when done today) gives. */
  nextReward: number;
  rules: CheckInRules;
}

export interface AdjustView {
  /** False when this requestId was applied before (nothing changed). */
  applied: boolean;
  balance: number;
  entryId: string;
}

export interface ExpireReport {
  scanned: number;
  changed: number;
  expiredPoints: number;
}

export interface PointsOutputs {
  balance: PointsBalanceView;
  ledger: PointsLedgerPage;
  checkIn: CheckInView;
  checkInCalendar: CheckInCalendarView;
  adjust: AdjustView;
  expirePoints: ExpireReport;
}

export type LedgerInput = z.input<typeof LedgerInput>;
export type AdjustInput = z.input<typeof AdjustInput>;
