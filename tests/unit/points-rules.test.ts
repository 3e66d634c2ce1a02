import { addToBuckets, bucketsTotal, expiredBuckets, expiringSoon, takeFromBuckets, type PointsBucket } from '../../src/core/points/buckets';
import { checkInReward, currentStreak, dayInCycle, DEFAULT_CHECK_IN_RULES, streakOn } from '../../src/core/points/checkin';
import { addDays, chinaDay, chinaMonth, dayStartMs, isCalendarDay, isCalendarMonth, monthRangeMs } from '../../src/core/points/china-day';
import { pointsEarnedFor } from '../../src/core/points/earn';
import { expiryOf, isExpiringSoon } from '../../src/core/points/expiry';

const at = (iso: string): number => Date.parse(iso);

describe('China calendar days (UTC+8, no DST)', () => {
  it.each([
    ['2025-01-05T15:59:59.999Z', '2025-01-05'],
    ['2025-01-05T16:00:00Z', '2025-01-06'],
    ['2024-12-31T16:00:00Z', '2025-01-01'],
    ['2024-02-28T16:00:00Z', '2024-02-29'],
  ])('%s is %s in Shanghai', (iso, day) => {
    expect(chinaDay(at(iso))).toBe(day);
  });

  it('day arithmetic crosses months, years and leap days', () => {
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(dayStartMs('2025-01-06')).toBe(at('2025-01-05T16:00:00Z'));
    expect(chinaMonth(at('2025-01-31T16:30:00Z'))).toBe('2025-02');
    expect(monthRangeMs('2024-12')).toEqual({ start: at('2024-11-30T16:00:00Z'), end: at('2024-12-31T16:00:00Z') });
  });

  it.each([
    ['2025-02-28', true],
    ['2025-02-29', false],
    ['2024-02-29', true],
    ['2025-13-01', false],
    ['25-01-01', false],
  ])('isCalendarDay(%s) = %s', (day, ok) => {
    expect(isCalendarDay(day)).toBe(ok);
  });
  it('isCalendarMonth', () => {
    expect(isCalendarMonth('2025-12')).toBe(true);
    expect(isCalendarMonth('2025-13')).toBe(false);
    expect(isCalendarMonth('2025-1')).toBe(false);
  });
});

describe('points earned for a paid amount', () => {
  it.each([
    [0, 1, 1, 0],
    [99, 1, 1, 0],
    [100, 1, 1, 1],
    [12850, 1, 1, 128],
    [12850, 1.5, 1, 192],
    [12850, 1.2, 1, 154],
    [1000, 1.1, 1, 11],
    [300, 1.1, 1, 3],
    [99999, 2, 1, 1999],
    [12850, 1, 2, 257],
    [12850, 0, 1, 0],
  ])('%i fen × %d (×%i per yuan) → %i points', (paid, multiplier, perYuan, points) => {
    expect(pointsEarnedFor(paid, multiplier, perYuan)).toBe(points);
  });
  it('refuses fractional fen', () => {
    expect(() => pointsEarnedFor(10.5, 1)).toThrow(RangeError);
  });
});

describe('check-in', () => {
  it.each([
    [null, '2025-01-06', 1],
    [{ day: '2025-01-05', streak: 4 }, '2025-01-06', 5],
    [{ day: '2025-01-04', streak: 4 }, '2025-01-06', 1],
    [{ day: '2025-01-06', streak: 4 }, '2025-01-06', 4],
    [{ day: '2024-12-31', streak: 9 }, '2025-01-01', 10],
  ])('after %j, checking in on %s makes streak %i', (last, today, streak) => {
    expect(streakOn(today, last)).toBe(streak);
  });

  it.each([
    [null, 0],
    [{ day: '2025-01-06', streak: 3 }, 3],
    [{ day: '2025-01-05', streak: 3 }, 3],
    [{ day: '2025-01-04', streak: 3 }, 0],
  ])('current streak on 2025-01-06 after %j is %i', (last, streak) => {
    expect(currentStreak('2025-01-06', last)).toBe(streak);
  });

  it.each([
    [1, 1],
    [7, 7],
    [8, 1],
    [10, 3],
    [14, 7],
  ])('streak %i is day %i of a 7-day cycle', (streak, day) => {
    expect(dayInCycle(streak, 7)).toBe(day);
  });

  it.each([
    [1, 5],
    [2, 5],
    [3, 10],
    [6, 5],
    [7, 25],
    [8, 5],
    [10, 10],
    [14, 25],
  ])('default rules: streak %i gives %i points', (streak, reward) => {
    expect(checkInReward(streak, DEFAULT_CHECK_IN_RULES)).toBe(reward);
  });

  it('without a cycle the bonus day comes once', () => {
    const rules = { basePoints: 2, cycleDays: 0, bonuses: [{ day: 30, points: 100 }] };
    expect(checkInReward(30, rules)).toBe(102);
    expect(checkInReward(60, rules)).toBe(2);
  });
});

describe('expiry', () => {
  it.each([
    ['2025-01-01T00:00:00+08:00', 1, '2026-12-31', '2027-01-01T00:00:00+08:00'],
    ['2025-12-31T23:59:59+08:00', 1, '2026-12-31', '2027-01-01T00:00:00+08:00'],
    // 2025-12-31T16:00Z is already 2026 in Shanghai.
    ['2025-12-31T16:00:00Z', 1, '2027-12-31', '2028-01-01T00:00:00+08:00'],
    ['2025-06-01T00:00:00+08:00', 0, '2025-12-31', '2026-01-01T00:00:00+08:00'],
    ['2025-06-01T00:00:00+08:00', 2, '2027-12-31', '2028-01-01T00:00:00+08:00'],
  ])('earned at %s, yearsAfter %i: last day %s', (earned, yearsAfter, on, gone) => {
    expect(expiryOf(at(earned), { yearsAfter, noticeDays: 30 })).toEqual({ on, at: at(gone) });
  });

  it('announces within the notice period only', () => {
    const gone = at('2027-01-01T00:00:00+08:00');
    const rules = { yearsAfter: 1, noticeDays: 30 };
    expect(isExpiringSoon(gone, at('2026-11-30T00:00:00+08:00'), rules)).toBe(false);
    expect(isExpiringSoon(gone, at('2026-12-02T00:00:00+08:00'), rules)).toBe(true);
    expect(isExpiringSoon(gone, gone, rules)).toBe(false);
  });
});

describe('buckets by expiry', () => {
  const y26 = { on: '2026-12-31', at: at('2027-01-01T00:00:00+08:00') };
  const y27 = { on: '2027-12-31', at: at('2028-01-01T00:00:00+08:00') };

  it('merges the same date and keeps the soonest first', () => {
    let buckets: PointsBucket[] = [];
    buckets = addToBuckets(buckets, 50, y27);
    buckets = addToBuckets(buckets, 30, y26);
    buckets = addToBuckets(buckets, 20, y26);
    expect(buckets).toEqual([
      { ...y26, amount: 50 },
      { ...y27, amount: 50 },
    ]);
    expect(bucketsTotal(buckets)).toBe(100);
  });

  it('takes the oldest first and says from where', () => {
    const buckets = [
      { ...y26, amount: 50 },
      { ...y27, amount: 50 },
    ];
    expect(takeFromBuckets(buckets, 70)).toEqual({
      buckets: [{ ...y27, amount: 30 }],
      taken: [
        { on: '2026-12-31', amount: 50 },
        { on: '2027-12-31', amount: 20 },
      ],
    });
    expect(takeFromBuckets(buckets, 50).buckets).toEqual([{ ...y27, amount: 50 }]);
    expect(() => takeFromBuckets(buckets, 101)).toThrow(RangeError);
    expect(() => takeFromBuckets(buckets, 0)).toThrow(RangeError);
  });

  it('finds expired buckets and the expiring-soon notice', () => {
    const buckets = [
      { ...y26, amount: 40 },
      { ...y27, amount: 60 },
    ];
    expect(expiredBuckets(buckets, y26.at - 1)).toEqual([]);
    expect(expiredBuckets(buckets, y26.at)).toEqual([{ ...y26, amount: 40 }]);
    const rules = { yearsAfter: 1, noticeDays: 60 };
    expect(expiringSoon(buckets, at('2026-10-01T00:00:00+08:00'), rules)).toBeNull();
    expect(expiringSoon(buckets, at('2026-11-15T00:00:00+08:00'), rules)).toEqual({ amount: 40, on: '2026-12-31' });
    expect(expiringSoon(buckets, at('2027-11-15T00:00:00+08:00'), rules)).toEqual({ amount: 60, on: '2027-12-31' });
  });
});
