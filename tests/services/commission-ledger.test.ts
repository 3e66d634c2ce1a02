/**
 * The commission ledger under concurrency: accruals and reversals racing on
 * one beneficiary's account keep balance = Σ entries = accrued − reversed;
 * a replay (same cause) changes nothing; an order's refunds, partial then
 * full, reverse exactly what it accrued.
 */
import { accrueCommissionInTx, reverseCommissionInTx } from '../../src/server/services/commission';
import { openLocalDb, type LocalDb } from '../../src/server/local/db';
import { manualClock } from '../../src/server/kit';

const START = Date.UTC(2025, 0, 31, 17, 0, 0); // 2025-02-01 01:00 in Shanghai

describe('commission ledger', () => {
  let db: LocalDb;
  let clock = manualClock(START);
  beforeEach(() => {
    clock = manualClock(START);
    db = openLocalDb({ memory: true, now: clock });
  });
  afterEach(() => db.close());

  const accrue = (orderId: string, baseFen: number, rateBps = 500, beneficiaryId = 'g1') =>
    db.runTransaction((tx) => accrueCommissionInTx(tx, { kind: 'guide', beneficiaryId, storeId: 'store-demo', orderId, orderNo: `N${orderId}`, baseFen, rateBps, now: clock() }));
  const reverse = (orderId: string, refundKey: string, refundedFen: number, orderPaidFen: number, final = false, beneficiaryId = 'g1') =>
    db.runTransaction((tx) => reverseCommissionInTx(tx, { kind: 'guide', beneficiaryId, orderId, refundKey, refundedFen, orderPaidFen, final, now: clock() }));
  const account = async (id = 'guide:g1') => (await db.collection('commission_accounts').doc(id).get()).data[0] as any;
  const entries = async (beneficiaryId = 'g1') => (await db.collection('commission_entries').where({ kind: 'guide', beneficiaryId }).limit(1000).get()).data as any[];
  const sum = (rows: any[]) => rows.reduce((n, e) => n + e.amountFen, 0);

  it('accrues once per order, in the Shanghai month, and a replay answers the same entry', async () => {
    const first = await accrue('o1', 11700, 300);
    expect(first).toEqual({ entryId: 'guide:g1:o1:accrue', amountFen: 351, applied: true });
    const replays = await Promise.all([accrue('o1', 11700, 300), accrue('o1', 11700, 300), accrue('o1', 99999, 300)]);
    expect(replays.map((r) => [r.amountFen, r.applied])).toEqual([[351, false], [351, false], [351, false]]);
    expect(await account()).toMatchObject({ balanceFen: 351, accruedFen: 351, reversedFen: 0, entries: 1 });
    const rows = await entries();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ period: '2025-02', type: 'accrue', amountFen: 351, balanceAfter: 351, orderNo: 'No1', storeId: 'store-demo' });
    expect((await db.collection('commission_periods').doc('guide:g1:2025-02').get()).data[0]).toMatchObject({ orders: 1, baseFen: 11700, accruedFen: 351 });
    // Nothing due, nothing written.
    expect(await accrue('o-zero', 10, 500)).toMatchObject({ amountFen: 0, applied: false });
    expect(await entries()).toHaveLength(1);
  });

  it('a partial refund, then another, then the final one reverse exactly the order’s commission, each once', async () => {
    await accrue('o1', 11700, 300); // 351
    expect(await reverse('o1', 'Ro1', 3900, 11700)).toMatchObject({ amountFen: -117, applied: true });
    // the same refund replayed, concurrently: once
    const again = await Promise.all([reverse('o1', 'Ro1', 3900, 11700), reverse('o1', 'Ro1', 3900, 11700)]);
    expect(again.every((r) => !r.applied && r.amountFen === -117)).toBe(true);
    expect(await reverse('o1', 'Ro1-2', 1050, 11700)).toMatchObject({ amountFen: -31 });
    expect(await reverse('o1', 'final', 11700, 11700, true)).toMatchObject({ amountFen: -(351 - 117 - 31) });
    // nothing is left to reverse, whatever comes later
    expect(await reverse('o1', 'Ro1-9', 11700, 11700, true)).toMatchObject({ amountFen: 0, applied: false });
    const rows = await entries();
    expect(sum(rows)).toBe(0);
    expect(await account()).toMatchObject({ balanceFen: 0, accruedFen: 351, reversedFen: 351, entries: 4 });
    expect((await db.collection('commission_orders').doc('guide:g1:o1').get()).data[0]).toMatchObject({ state: 'REVERSED', reversedFen: 351, refundedFen: 11700 });
    expect(rows.map((e) => e._id).sort()).toEqual(['guide:g1:o1:accrue', 'guide:g1:o1:reverse:Ro1', 'guide:g1:o1:reverse:Ro1-2', 'guide:g1:o1:reverse:final']);
  });

  it('an order that accrued nothing reverses nothing', async () => {
    expect(await reverse('o-none', 'R1', 100, 100, true)).toMatchObject({ amountFen: 0, applied: false });
    expect(await account()).toBeUndefined();
  });

  it('under concurrent payments and refunds on one account, balance = Σ entries = accrued − reversed, and replays change nothing', async () => {
    const orders = Array.from({ length: 24 }, (_, i) => ({ id: `o${i}`, paid: 1000 + i * 137 }));
    // every order paid, twice each, all at once
    await Promise.all(orders.flatMap((o) => [accrue(o.id, o.paid), accrue(o.id, o.paid)]));
    // a partial refund of a third of each, and the even orders' final refunds, racing, with replays
    await Promise.all(
      orders.flatMap((o, i) => {
        const part = Math.floor(o.paid / 3);
        const runs = [reverse(o.id, `R${o.id}`, part, o.paid), reverse(o.id, `R${o.id}`, part, o.paid)];
        if (i % 2 === 0) runs.push(reverse(o.id, 'final', o.paid - part, o.paid, true), reverse(o.id, 'final', o.paid - part, o.paid, true));
        return runs;
      }),
    );
    const rows = await entries();
    const acc = await account();
    expect(acc.balanceFen).toBe(sum(rows));
    expect(acc.balanceFen).toBe(acc.accruedFen - acc.reversedFen);
    expect(acc.entries).toBe(rows.length);
    const accrued = orders.reduce((n, o) => n + Math.floor((o.paid * 500) / 10000), 0);
    expect(acc.accruedFen).toBe(accrued);
    for (const [i, o] of orders.entries()) {
      const mine = rows.filter((e) => e.orderId === o.id);
      const given = Math.floor((o.paid * 500) / 10000);
      if (i % 2 === 0) expect(sum(mine)).toBe(0);
      else expect(sum(mine)).toBe(given - Math.floor((given * Math.floor(o.paid / 3)) / o.paid));
      expect(mine.every((e) => e.amountFen !== 0)).toBe(true);
    }
    const before = JSON.stringify({ acc: await account(), rows: (await entries()).length });
    await Promise.all(orders.map((o) => accrue(o.id, o.paid)));
    await Promise.all(orders.map((o) => reverse(o.id, `R${o.id}`, 1, o.paid)));
    expect(JSON.stringify({ acc: await account(), rows: (await entries()).length })).toBe(before);
  });

  it('reversals count in the month they happen: a settled month never changes', async () => {
    await accrue('o1', 10000, 1000); // 1000 in 2025-02
    clock.advance(40 * 24 * 3600 * 1000); // March
    await reverse('o1', 'final', 10000, 10000, true);
    expect((await db.collection('commission_periods').doc('guide:g1:2025-02').get()).data[0]).toMatchObject({ accruedFen: 1000, reversedFen: 0 });
    expect((await db.collection('commission_periods').doc('guide:g1:2025-03').get()).data[0]).toMatchObject({ accruedFen: 0, reversedFen: 1000, orders: 0 });
    const [reversal] = (await entries()).filter((e) => e.type === 'reverse');
    expect(reversal).toMatchObject({ period: '2025-03', orderPeriod: '2025-02', amountFen: -1000, balanceAfter: 0 });
  });
});
