import { addDays, chinaDay, chinaYear, DAY_MS, yearStartMs } from './china-day';

/**
 * Points earned in year Y expire at the end of year Y + `yearsAfter`
 * (Shanghai time); 1 = the end of the following year. The member is told
 * `noticeDays` ahead.
 */
export interface ExpiryRules {
  yearsAfter: number;
  noticeDays: number;
}

export const DEFAULT_EXPIRY_RULES: ExpiryRules = { yearsAfter: 1, noticeDays: 60 };

/** When points earned at an instant expire: `on` is their last valid day, `at` the first instant they are gone. */
export interface Expiry {
  on: string;
  at: number;
}

export function expiryOf(earnedAt: number, rules: ExpiryRules = DEFAULT_EXPIRY_RULES): Expiry {
  const at = yearStartMs(chinaYear(earnedAt) + rules.yearsAfter + 1);
  return { on: addDays(chinaDay(at), -1), at };
}

/** Whether points expiring at `at` should be announced at `now`. */
export const isExpiringSoon = (at: number, now: number, rules: ExpiryRules = DEFAULT_EXPIRY_RULES): boolean =>
  at > now && at - now <= rules.noticeDays * DAY_MS;
