import { addDays } from '../../src/core/points/china-day';
import { addPaidDay, payingCustomersOf, type GapHistogram } from '../../src/core/stats/payers';
import { shardOfCause, STATS_SHARDS } from '../../src/core/stats/shards';

/** A tiny deterministic random source (the test must not be flaky). */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe('distinct paying customers from gap histograms', () => {
  it('equals a brute-force distinct count for every window of 1–30 days, payments arriving in any order', () => {
    const random = lcg(7);
    const start = '2025-01-01';
    const histograms = new Map<string, GapHistogram>();
    const paid = new Map<string, Set<string>>();
    const markers = new Map<string, string[]>();
    for (let i = 0; i < 600; i += 1) {
      const member = `m${Math.floor(random() * 25)}`;
      // Mostly in order, sometimes a day or three back (late deliveries near midnight, clock skew).
      const day = addDays(start, Math.max(0, Math.floor(i / 8) - (random() < 0.2 ? Math.floor(random() * 4) : 0)));
      const added = addPaidDay(markers.get(member) ?? [], day);
      paid.set(member, (paid.get(member) ?? new Set()).add(day));
      if (!added) continue;
      markers.set(member, added.paidDays);
      for (const c of added.changes) {
        const h = histograms.get(c.day) ?? {};
        h[c.bucket] = (h[c.bucket] ?? 0) + c.delta;
        histograms.set(c.day, h);
      }
    }
    for (const length of [1, 7, 30]) {
      for (let offset = 0; offset < 70; offset += 3) {
        const days = Array.from({ length }, (_, k) => addDays(start, offset + k));
        const brute = [...paid.values()].filter((set) => days.some((d) => set.has(d))).length;
        expect(payingCustomersOf(days, (d) => histograms.get(d))).toBe(brute);
      }
    }
  });

  it('a second payment the same day is not a new paying customer', () => {
    const first = addPaidDay([], '2025-01-06')!;
    expect(addPaidDay(first.paidDays, '2025-01-06')).toBeNull();
  });

  it('picks a shard per cause: the same cause always the same shard, causes spread over all shards', () => {
    expect(shardOfCause('paid:O1')).toBe(shardOfCause('paid:O1'));
    const used = new Set(Array.from({ length: 200 }, (_, i) => shardOfCause(`paid:O${i}`)));
    expect(used.size).toBe(STATS_SHARDS);
  });
});
