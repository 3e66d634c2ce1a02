import { addDays, dayStartMs, DAY_MS } from '../points/china-day';
import { MAX_RANGE_DAYS } from './range';

/**
 * Paying customers over a range must count a member who paid on several days
 * once. Counting distinct openids at read time would scan every payer of the
 * range; instead each daily rollup keeps, for the members who paid that day
 * (once per member and day), a histogram of the gap to the member's previous
 * paying day:
 *
 *   payers[g] = members whose previous paying day was g days earlier
 *               (g = 1…30), payers[31] = no paying day in the 30 before.
 *
 * A member paid in [from, to] exactly once at their FIRST paying day d in
 * it, and d is that first day iff its gap > d − from. So
 *
 *   payingCustomers(from, to) = Σ_{d=from..to} Σ_{g > d−from} payers_d[g]
 *
 * exact for any window of up to 30 days (the longest range, and its previous
 * period), read from the same K×days rollup documents as the other figures.
 * A member's paying days are kept in one marker document per member (the
 * last 62 days), written in the payment transaction; a payment that lands on
 * a day before one already recorded (clock skew near midnight) moves the
 * later day's gap, so the histogram stays exact.
 */
export const GAP_NONE = MAX_RANGE_DAYS + 1;
/** Days a member's marker remembers: the range plus its previous period, with margin. */
export const PAID_DAYS_KEPT = 2 * MAX_RANGE_DAYS + 2;

export type GapHistogram = Record<string, number>;

const daysBetween = (earlier: string, later: string): number => Math.round((dayStartMs(later) - dayStartMs(earlier)) / DAY_MS);

export function gapBucket(day: string, previous: string | null): number {
  if (previous === null) return GAP_NONE;
  return Math.min(GAP_NONE, daysBetween(previous, day));
}

export interface GapChange {
  day: string;
  bucket: number;
  delta: 1 | -1;
}

/**
 * Records that the member paid on `day`, given the days they already paid on
 * (sorted ascending). Answers null when `day` is already among them (not a new
 * paying customer that day), else the histogram changes and the days to keep.
 */
export function addPaidDay(paidDays: readonly string[], day: string): { changes: GapChange[]; paidDays: string[] } | null {
  if (paidDays.includes(day)) return null;
  const before = paidDays.filter((d) => d < day);
  const after = paidDays.filter((d) => d > day);
  const previous = before.length > 0 ? before[before.length - 1] : null;
  const changes: GapChange[] = [{ day, bucket: gapBucket(day, previous), delta: 1 }];
  const next = after[0];
  if (next !== undefined) {
    changes.push({ day: next, bucket: gapBucket(next, previous), delta: -1 });
    changes.push({ day: next, bucket: gapBucket(next, day), delta: 1 });
  }
  const latest = after.length > 0 ? after[after.length - 1] : day;
  const oldestKept = addDays(latest, -PAID_DAYS_KEPT);
  return { changes, paidDays: [...before, day, ...after].filter((d) => d >= oldestKept) };
}

/** Distinct paying customers of the window `days` (consecutive, ascending) from each day's histogram. */
export function payingCustomersOf(days: readonly string[], histogramOf: (day: string) => GapHistogram | undefined): number {
  let total = 0;
  days.forEach((day, offset) => {
    const histogram = histogramOf(day) ?? {};
    for (const [bucket, count] of Object.entries(histogram)) if (Number(bucket) > offset) total += count;
  });
  return total;
}
