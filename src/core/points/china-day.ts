/**
 * Calendar days in China (Asia/Shanghai, UTC+8 all year: China has no
 * daylight saving), as `YYYY-MM-DD` strings, by fixed-offset arithmetic.
 */

const OFFSET_MS = 8 * 60 * 60 * 1000;
export const DAY_MS = 24 * 60 * 60 * 1000;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

/** The Shanghai calendar day of an instant: `2025-01-06`. */
export function chinaDay(ms: number): string {
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 10);
}

/** `2025-01`. */
export const chinaMonth = (ms: number): string => chinaDay(ms).slice(0, 7);

export const chinaYear = (ms: number): number => Number(chinaDay(ms).slice(0, 4));

/** True for a real calendar day written `YYYY-MM-DD` (no 2025-02-30). */
export function isCalendarDay(day: string): boolean {
  const match = DAY.exec(day);
  if (!match) return false;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, date));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === date;
}

export const isCalendarMonth = (month: string): boolean => MONTH.test(month) && isCalendarDay(`${month}-01`);

/** The instant a Shanghai day starts (00:00 +08:00). */
export function dayStartMs(day: string): number {
  if (!isCalendarDay(day)) throw new RangeError(`not a calendar day: ${day}`);
  return Date.parse(`${day}T00:00:00+08:00`);
}

/** The day `n` days after `day` (n may be negative). */
export const addDays = (day: string, n: number): string => chinaDay(dayStartMs(day) + n * DAY_MS);

/** The instant a Shanghai month starts and the instant the next one starts. */
export function monthRangeMs(month: string): { start: number; end: number } {
  if (!isCalendarMonth(month)) throw new RangeError(`not a month: ${month}`);
  const [year, mon] = month.split('-').map(Number);
  const next = mon === 12 ? `${year + 1}-01` : `${year}-${String(mon + 1).padStart(2, '0')}`;
  return { start: dayStartMs(`${month}-01`), end: dayStartMs(`${next}-01`) };
}

/** The instant a Shanghai year starts. */
export const yearStartMs = (year: number): number => dayStartMs(`${String(year).padStart(4, '0')}-01-01`);
