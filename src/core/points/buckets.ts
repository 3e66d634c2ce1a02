import type { Expiry } from './expiry';
import { isExpiringSoon, type ExpiryRules } from './expiry';

/**
 * A points balance split by expiry: spending and expiry consume the oldest
 * bucket first. The buckets are kept sorted by `at` ascending and their
 * amounts always add up to the balance.
 */
export interface PointsBucket {
  /** Last valid day, `YYYY-MM-DD` (Shanghai). */
  on: string;
  /** The first instant these points are gone. */
  at: number;
  amount: number;
}

export function bucketsTotal(buckets: readonly PointsBucket[]): number {
  return buckets.reduce((sum, bucket) => sum + bucket.amount, 0);
}

/** Adds points that expire at `expiry`, merging with a bucket of the same date. */
export function addToBuckets(buckets: readonly PointsBucket[], amount: number, expiry: Expiry): PointsBucket[] {
  assertPositive(amount);
  const next = buckets.map((bucket) => ({ ...bucket }));
  const same = next.find((bucket) => bucket.at === expiry.at);
  if (same) same.amount += amount;
  else next.push({ on: expiry.on, at: expiry.at, amount });
  return next.sort((a, b) => a.at - b.at);
}

/**
 * Takes `amount` from the oldest buckets first. Answers the buckets left and
 * how much came from each date; throws when there is not enough.
 */
export function takeFromBuckets(
  buckets: readonly PointsBucket[],
  amount: number,
): { buckets: PointsBucket[]; taken: Array<{ on: string; amount: number }> } {
  assertPositive(amount);
  if (bucketsTotal(buckets) < amount) throw new RangeError(`cannot take ${amount} from ${bucketsTotal(buckets)}`);
  let missing = amount;
  const left: PointsBucket[] = [];
  const taken: Array<{ on: string; amount: number }> = [];
  for (const bucket of [...buckets].sort((a, b) => a.at - b.at)) {
    const take = Math.min(missing, bucket.amount);
    missing -= take;
    if (take > 0) taken.push({ on: bucket.on, amount: take });
    if (bucket.amount > take) left.push({ ...bucket, amount: bucket.amount - take });
  }
  return { buckets: left, taken };
}

/** The buckets gone by `now`, oldest first. */
export const expiredBuckets = (buckets: readonly PointsBucket[], now: number): PointsBucket[] =>
  buckets.filter((bucket) => bucket.at <= now).sort((a, b) => a.at - b.at);

/** "N points expire on date": the oldest live bucket when it is within the notice period, else null. */
export function expiringSoon(buckets: readonly PointsBucket[], now: number, rules?: ExpiryRules): { amount: number; on: string } | null {
  const next = buckets.filter((bucket) => bucket.at > now && bucket.amount > 0).sort((a, b) => a.at - b.at)[0];
  return next && isExpiringSoon(next.at, now, rules) ? { amount: next.amount, on: next.on } : null;
}

function assertPositive(amount: number): void {
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new RangeError(`amount must be a positive integer, got ${amount}`);
}
