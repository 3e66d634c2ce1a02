import { startBench, type Bench } from './order-harness';
import { functionCallers } from './function-callers';

const { call, ok } = functionCallers('member', 'points');

/** Noon, China time, of a day. */
const noon = (day: string) => Date.parse(`${day}T12:00:00+08:00`);

describe('points: daily check-in', () => {
  let bench: Bench;
  beforeEach(async () => {
    bench = startBench();
    bench.clock.set(noon('2025-01-06'));
    await ok('member', 'u1', 'join', { nickname: '小思' }); // 100 points
  });
  afterEach(() => bench.close());

  it('members only', async () => {
    expect(await call('points', 'stranger', 'checkIn')).toMatchObject({ ok: false, error: { code: 'NOT_A_MEMBER' } });
  });

  it('10 concurrent check-ins on one day grant once; the repeats answer the first', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => ok('points', 'u1', 'checkIn')));
    expect(answers.filter((a) => !a.alreadyCheckedIn)).toEqual([{ day: '2025-01-06', reward: 5, streak: 1, balance: 105, alreadyCheckedIn: false }]);
    for (const a of answers) expect(a).toMatchObject({ day: '2025-01-06', reward: 5, streak: 1, balance: 105 });
    expect(await bench.count('points_ledger', { openid: 'u1', kind: 'checkin' })).toBe(1);
  });

  it('the day is China time: 23:59 and 00:00 (UTC+8) are different days', async () => {
    bench.clock.set(Date.parse('2025-01-06T23:59:00+08:00'));
    expect(await ok('points', 'u1', 'checkIn')).toMatchObject({ day: '2025-01-06', alreadyCheckedIn: false });
    bench.clock.set(Date.parse('2025-01-07T00:00:00+08:00'));
    expect(await ok('points', 'u1', 'checkIn')).toMatchObject({ day: '2025-01-07', streak: 2, alreadyCheckedIn: false });
  });

  it('the streak grows day by day with bonuses on days 3 and 7, and resets after a missed day', async () => {
    const days = ['2025-01-06', '2025-01-07', '2025-01-08', '2025-01-09', '2025-01-10', '2025-01-11', '2025-01-12', '2025-01-13'];
    const rewards: Array<[number, number]> = [];
    for (const day of days) {
      bench.clock.set(noon(day));
      const answer = await ok('points', 'u1', 'checkIn');
      rewards.push([answer.streak, answer.reward]);
    }
    expect(rewards).toEqual([
      [1, 5],
      [2, 5],
      [3, 10],
      [4, 5],
      [5, 5],
      [6, 5],
      [7, 25],
      [8, 5],
    ]);
    expect(await ok('points', 'u1', 'balance')).toMatchObject({ balance: 100 + 65 });

    // 2025-01-14 missed: the calendar shows the streak alive on the 14th, gone on the 15th.
    bench.clock.set(noon('2025-01-14'));
    expect(await ok('points', 'u1', 'checkInCalendar', {})).toMatchObject({ streak: 8, checkedInToday: false, nextReward: 5 });
    bench.clock.set(noon('2025-01-15'));
    expect(await ok('points', 'u1', 'checkInCalendar', {})).toMatchObject({ streak: 0, checkedInToday: false, nextReward: 5 });
    expect(await ok('points', 'u1', 'checkIn')).toMatchObject({ streak: 1, reward: 5 });
  });

  it('the calendar lists the days of a month, across a month boundary', async () => {
    for (const day of ['2025-01-30', '2025-01-31', '2025-02-01']) {
      bench.clock.set(noon(day));
      await ok('points', 'u1', 'checkIn');
    }
    const february = await ok('points', 'u1', 'checkInCalendar', { month: '2025-02' });
    expect(february).toMatchObject({ month: '2025-02', today: '2025-02-01', days: ['2025-02-01'], streak: 3, checkedInToday: true });
    expect(february.nextReward).toBe(5); // tomorrow is day 4
    expect(february.rules).toMatchObject({ basePoints: 5, cycleDays: 7 });
    expect(await ok('points', 'u1', 'checkInCalendar', { month: '2025-01' })).toMatchObject({ days: ['2025-01-30', '2025-01-31'] });
    expect(await ok('points', 'u1', 'checkInCalendar', { month: '2024-12' })).toMatchObject({ days: [] });
    expect(await call('points', 'u1', 'checkInCalendar', { month: '2025-13' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('operators may change the rules in settings/points', async () => {
    await bench.db.collection('settings').doc('points').set({ checkIn: { basePoints: 1, cycleDays: 2, bonuses: [{ day: 2, points: 9 }] } });
    bench.clock.set(noon('2025-01-06'));
    expect(await ok('points', 'u1', 'checkIn')).toMatchObject({ reward: 1 });
    bench.clock.set(noon('2025-01-07'));
    expect(await ok('points', 'u1', 'checkIn')).toMatchObject({ reward: 10, streak: 2 });
  });
});
