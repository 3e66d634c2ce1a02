import { addDays, chinaDay } from '../points/china-day';

export const STATS_RANGES = ['today', '7d', '30d'] as const;
export type StatsRange = (typeof STATS_RANGES)[number];

export const RANGE_DAYS: Record<StatsRange, number> = { today: 1, '7d': 7, '30d': 30 };
/** The longest range: a paying customer's earlier days matter only this far back (see payers.ts). */
export const MAX_RANGE_DAYS = 30;

export interface DayWindow {
  /** First and last day, inclusive, `YYYY-MM-DD` (Asia/Shanghai). */
  from: string;
  to: string;
  days: string[];
}

function windowEnding(to: string, length: number): DayWindow {
  const days = Array.from({ length }, (_, i) => addDays(to, i - length + 1));
  return { from: days[0], to, days };
}

/** The range ending today (Shanghai) and the period of the same length just before it. */
export function rangeWindows(range: StatsRange, now: number): { current: DayWindow; previous: DayWindow } {
  const length = RANGE_DAYS[range];
  const today = chinaDay(now);
  return { current: windowEnding(today, length), previous: windowEnding(addDays(today, -length), length) };
}
