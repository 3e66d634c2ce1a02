import { addDays } from './china-day';

/**
 * 签到有礼: `basePoints` every day, plus a bonus on given days of a streak.
 * With `cycleDays` the streak's bonus days repeat (day 10 of a 7-day cycle is
 * its day 3); 0 means no cycle.
 */
export interface CheckInRules {
  basePoints: number;
  cycleDays: number;
  bonuses: Array<{ day: number; points: number }>;
}

export const DEFAULT_CHECK_IN_RULES: CheckInRules = {
  basePoints: 5,
  cycleDays: 7,
  bonuses: [
    { day: 3, points: 5 },
    { day: 7, points: 20 },
  ],
};

/** The last check-in kept on the points account. */
export interface LastCheckIn {
  day: string;
  streak: number;
}

/**
 * The streak after checking in on `today`: one more than yesterday's, else 1.
 * Checking in twice on one day keeps it.
 */
export function streakOn(today: string, last: LastCheckIn | null): number {
  if (!last) return 1;
  if (last.day === today) return last.streak;
  return last.day === addDays(today, -1) ? last.streak + 1 : 1;
}

/** The current streak as the calendar shows it: alive while the last check-in is today or yesterday. */
export function currentStreak(today: string, last: LastCheckIn | null): number {
  if (!last) return 0;
  return last.day === today || last.day === addDays(today, -1) ? last.streak : 0;
}

export function dayInCycle(streak: number, cycleDays: number): number {
  if (!Number.isSafeInteger(streak) || streak < 1) throw new RangeError(`streak must be ≥ 1, got ${streak}`);
  return cycleDays > 0 ? ((streak - 1) % cycleDays) + 1 : streak;
}

/** Points for the check-in that makes this streak. */
export function checkInReward(streak: number, rules: CheckInRules = DEFAULT_CHECK_IN_RULES): number {
  const day = dayInCycle(streak, rules.cycleDays);
  return rules.basePoints + rules.bonuses.filter((bonus) => bonus.day === day).reduce((sum, bonus) => sum + bonus.points, 0);
}
