import { randomUUID } from 'crypto';
import { startBench, type Bench } from './order-harness';
import { functionCallers } from './function-callers';

const { mains, call, ok } = functionCallers('member', 'points');
const at = (iso: string) => Date.parse(iso);

describe('points: operator adjustments, ledger, expiry', () => {
  let bench: Bench;
  const expireTimer = () =>
    mains.points({ Type: 'Timer', TriggerName: 'expirePoints', Time: new Date(bench.clock()).toISOString() }, { request_id: randomUUID(), environ: '' });
  const adjust = (delta: number, requestId: string, by = 'ops-1', openid = 'u1') =>
    call('points', by, 'adjust', { openid, delta, reason: '客服补偿', requestId });

  beforeEach(async () => {
    bench = startBench();
    bench.clock.set(at('2025-03-01T10:00:00+08:00'));
    await bench.grantOperator('ops-1');
    await ok('member', 'u1', 'join', { nickname: '小思' }); // +100, expires 2026-12-31
  });
  afterEach(() => bench.close());

  it('adjust: operators only, idempotent by requestId, never below zero, members only', async () => {
    expect(await adjust(50, 'req-adjust-0001', 'u1')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const answers = await Promise.all([1, 2, 3].map(() => adjust(50, 'req-adjust-0001')));
    expect(answers.filter((a) => a.ok && a.data.applied)).toHaveLength(1);
    for (const a of answers) expect(a).toMatchObject({ ok: true, data: { balance: 150, entryId: 'u1:adjust:req-adjust-0001' } });
    expect(await adjust(-151, 'req-adjust-0002')).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_POINTS', details: { balance: 150, needed: 151 } } });
    expect(await adjust(-150, 'req-adjust-0002')).toMatchObject({ ok: true, data: { applied: true, balance: 0 } });
    expect(await adjust(10, 'req-adjust-0003', 'ops-1', 'nobody')).toMatchObject({ ok: false, error: { code: 'MEMBER_NOT_FOUND' } });
    expect(await adjust(0, 'req-adjust-0004')).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    const ledger = await ok('points', 'u1', 'ledger', {});
    expect(ledger.items.map((e: { id: string; delta: number }) => [e.id, e.delta])).toEqual([
      ['adjust:req-adjust-0002', -150],
      ['adjust:req-adjust-0001', 50],
      ['gift:join', 100],
    ]);
    expect(ledger.items[0]).toMatchObject({ kind: 'adjust', label: '积分调整', note: '客服补偿', balanceAfter: 0 });
  });

  it('the ledger pages newest first with a cursor and filters points in and out', async () => {
    for (let i = 1; i <= 7; i += 1) await adjust(i, `req-page-000${i}`);
    await adjust(-3, 'req-page-spend1');
    const first = await ok('points', 'u1', 'ledger', { pageSize: 4 });
    expect(first.items.map((e: { delta: number }) => e.delta)).toEqual([-3, 7, 6, 5]);
    // An entry arriving meanwhile does not shift the next page.
    await adjust(100, 'req-page-later');
    const second = await ok('points', 'u1', 'ledger', { pageSize: 4, cursor: first.nextCursor });
    expect(second.items.map((e: { delta: number }) => e.delta)).toEqual([4, 3, 2, 1]);
    const third = await ok('points', 'u1', 'ledger', { pageSize: 4, cursor: second.nextCursor });
    expect(third).toMatchObject({ items: [{ id: 'gift:join' }], nextCursor: null });
    expect((await ok('points', 'u1', 'ledger', { kind: 'spend' })).items.map((e: { delta: number }) => e.delta)).toEqual([-3]);
    expect((await ok('points', 'u1', 'ledger', { kind: 'earn', pageSize: 50 })).items).toHaveLength(9);
    expect(await call('points', 'u1', 'ledger', { cursor: 'nope' })).toMatchObject({ ok: false, error: { code: 'CURSOR_INVALID' } });
    // Each customer reads only their own.
    expect(await ok('points', 'u2', 'ledger', {})).toEqual({ items: [], nextCursor: null });
  });

  it('points expire at the end of the following year, oldest first, announced ahead', async () => {
    // 100 from 2025 (expire 2026-12-31); 40 more earned in 2026 (expire 2027-12-31).
    bench.clock.set(at('2026-02-01T10:00:00+08:00'));
    await adjust(40, 'req-exp-earn2026');
    // Spending 30 takes the 2025 points first.
    await adjust(-30, 'req-exp-spend');
    expect(await ok('points', 'u1', 'balance')).toEqual({
      balance: 110,
      expiringSoon: null,
      byExpiry: [
        { amount: 70, on: '2026-12-31' },
        { amount: 40, on: '2027-12-31' },
      ],
    });
    const spend = await bench.db.collection('points_ledger').doc('u1:adjust:req-exp-spend').get();
    expect(spend.data[0]).toMatchObject({ taken: [{ on: '2026-12-31', amount: 30 }] });

    // Within 60 days of the date the card and the balance announce it.
    bench.clock.set(at('2026-11-15T10:00:00+08:00'));
    expect((await ok('member', 'u1', 'card')).points).toEqual({ balance: 110, expiringSoon: { amount: 70, on: '2026-12-31' } });

    // The timer before the date changes nothing.
    bench.clock.set(at('2026-12-31T23:59:59+08:00'));
    expect(await expireTimer()).toMatchObject({ ok: true, data: { scanned: 0, changed: 0 } });

    // After it, two runs at once expire the 70 once.
    bench.clock.set(at('2027-01-01T00:10:00+08:00'));
    const runs = await Promise.all([expireTimer(), expireTimer()]);
    expect(runs.reduce((n, r) => n + (r.ok ? (r.data as { expiredPoints: number }).expiredPoints : 0), 0)).toBe(70);
    expect(await ok('points', 'u1', 'balance')).toMatchObject({ balance: 40, byExpiry: [{ amount: 40, on: '2027-12-31' }] });
    const last = (await ok('points', 'u1', 'ledger', { kind: 'spend' })).items[0];
    expect(last).toMatchObject({ id: 'expire:2026-12-31', kind: 'expire', delta: -70, balanceAfter: 40 });
    expect(await expireTimer()).toMatchObject({ ok: true, data: { changed: 0 } });

    // Customers cannot run the timer's action.
    expect(await call('points', 'u1', 'expirePoints')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
