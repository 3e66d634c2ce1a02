/**
 * The local engine's transaction fault modes (src/server/local/db/tx-faults.ts):
 * CloudBase aborts a conflicting transaction and re-runs its callback up to 3
 * times; the serialised local engine never conflicts, so these modes make it.
 * The whole jest suite runs in rerun mode (tests/mocks/env.js).
 */
import { FlashSaleErrorCode } from '../../src/core/contracts/flashsale';
import { DbError, DbErrorCode } from '../../src/server/db';
import { openLocalDb, type LocalDb } from '../../src/server/local/db';
import { transactionFaultsFromEnv } from '../../src/server/local/db/tx-faults';
import { codeOf, OPERATOR, rid, startFlashSaleBench, type FlashSaleBench } from './flashsale-harness';
import { PICKUP, seedShop } from './order-harness';

let db: LocalDb;
beforeEach(async () => {
  db = openLocalDb({ memory: true, transactionFaults: { rerun: true, conflictRate: 0 } });
  await db.collection('accounts').add({ _id: 'alice', balance: 100 });
});
afterEach(() => db.close());

const _ = () => db.command;
const account = async (id: string) => (await db.collection('accounts').doc(id).get()).data[0];

/** Moves 10 from alice into a fresh doc named after the run, counting runs. */
function countedTransfer(runs: { n: number }) {
  return async (tx: Parameters<Parameters<LocalDb['runTransaction']>[0]>[0]) => {
    runs.n += 1;
    const alice = (await tx.collection('accounts').doc('alice').get()).data;
    await tx.collection('accounts').doc('alice').update({ balance: _().inc(-10) });
    await tx.collection('accounts').doc(`run-${runs.n}`).set({ balance: 10 });
    return { run: runs.n, sawBalance: alice?.balance };
  };
}

describe('rerun mode', () => {
  it('is on for the whole jest suite through SIYU_TX_RERUN=1', () => {
    expect(process.env.SIYU_TX_RERUN).toBe('1');
    const fromEnv = openLocalDb({ memory: true });
    expect(fromEnv.transactionFaults.rerun).toBe(true);
    fromEnv.close();
  });

  it('runs the callback twice; the first run is rolled back and the second answers and commits', async () => {
    const runs = { n: 0 };
    const result = await db.runTransaction(countedTransfer(runs));
    expect(runs.n).toBe(2);
    expect(result).toEqual({ run: 2, sawBalance: 100 });
    expect(await account('run-1')).toBeUndefined();
    expect(await account('run-2')).toMatchObject({ balance: 10 });
    expect((await account('alice')).balance).toBe(90);
  });

  it('does not re-run a callback that throws or rolls back: those are not conflicts', async () => {
    let runs = 0;
    const boom = new Error('boom');
    await expect(
      db.runTransaction(async () => {
        runs += 1;
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(runs).toBe(1);

    await expect(
      db.runTransaction(async (tx) => {
        runs += 1;
        await tx.rollback('NOPE');
      }),
    ).rejects.toBe('NOPE');
    expect(runs).toBe(2);
  });

  it('leaves manual transactions alone (there is no callback to re-run)', async () => {
    const tx = await db.startTransaction();
    await tx.collection('accounts').doc('alice').update({ balance: 1 });
    await tx.commit();
    expect((await account('alice')).balance).toBe(1);
  });

  it('runs once when switched off', async () => {
    db.setTransactionFaults({ rerun: false });
    const runs = { n: 0 };
    expect(await db.runTransaction(countedTransfer(runs))).toEqual({ run: 1, sawBalance: 100 });
    expect(runs.n).toBe(1);
  });
});

describe('conflict mode', () => {
  beforeEach(() => db.setTransactionFaults({ rerun: false }));

  it('at rate 1 re-runs the callback 3 times, then rejects with DATABASE_TRANSACTION_CONFLICT and commits nothing', async () => {
    db.setTransactionFaults({ conflictRate: 1 });
    const runs = { n: 0 };
    const outcome = db.runTransaction(countedTransfer(runs));
    await expect(outcome).rejects.toBeInstanceOf(DbError);
    await expect(outcome).rejects.toMatchObject({ code: DbErrorCode.TransactionConflict });
    expect(runs.n).toBe(4);
    expect((await account('alice')).balance).toBe(100);
    expect((await db.collection('accounts').count()).total).toBe(1);
  });

  it('honours `times` as the SDK does: times + 1 runs at most', async () => {
    db.setTransactionFaults({ conflictRate: 1 });
    const runs = { n: 0 };
    await expect(db.runTransaction(countedTransfer(runs), 1)).rejects.toMatchObject({ code: DbErrorCode.TransactionConflict });
    expect(runs.n).toBe(2);
  });

  it('re-runs a callback that throws the conflict error itself, as the SDK does', async () => {
    let runs = 0;
    const result = await db.runTransaction(async () => {
      runs += 1;
      if (runs < 3) throw new DbError(DbErrorCode.TransactionConflict, 'conflict');
      return runs;
    });
    expect(result).toBe(3);
  });

  it('at rate 0.5 with a seed, conflicted transactions eventually commit, the same way every time', async () => {
    const runCounts = async (target: LocalDb) => {
      target.setTransactionFaults({ rerun: false, conflictRate: 0.5, seed: 7 });
      const counts: Array<number | 'conflict'> = [];
      for (let i = 0; i < 10; i += 1) {
        const runs = { n: 0 };
        try {
          await target.runTransaction(countedTransfer(runs));
          counts.push(runs.n);
        } catch (error) {
          expect(error).toMatchObject({ code: DbErrorCode.TransactionConflict });
          counts.push('conflict');
        }
      }
      return counts;
    };
    const counts = await runCounts(db);
    const committed = counts.filter((c): c is number => c !== 'conflict');
    expect(committed.some((n) => n > 1)).toBe(true);
    // Every committed run took 10 from alice exactly once, whatever the re-runs.
    expect((await account('alice')).balance).toBe(100 - 10 * committed.length);

    const again = openLocalDb({ memory: true });
    try {
      await again.collection('accounts').add({ _id: 'alice', balance: 100 });
      expect(await runCounts(again)).toEqual(counts);
    } finally {
      again.close();
    }
  });

  it('also applies to a manual commit(), which then rolls back', async () => {
    db.setTransactionFaults({ conflictRate: 1 });
    const tx = await db.startTransaction();
    await tx.collection('accounts').doc('alice').update({ balance: 1 });
    await expect(tx.commit()).rejects.toMatchObject({ code: DbErrorCode.TransactionConflict });
    expect((await account('alice')).balance).toBe(100);
  });

  it('reads its settings from the environment and refuses malformed ones', () => {
    expect(transactionFaultsFromEnv({ SIYU_TX_RERUN: '1', SIYU_TX_CONFLICT_RATE: '0.2', SIYU_TX_SEED: '42' })).toEqual({
      rerun: true,
      conflictRate: 0.2,
      seed: 42,
    });
    expect(transactionFaultsFromEnv({})).toEqual({ rerun: false, conflictRate: 0, seed: 1 });
    expect(() => transactionFaultsFromEnv({ SIYU_TX_CONFLICT_RATE: 'lots' })).toThrow(DbError);
    expect(() => transactionFaultsFromEnv({ SIYU_TX_CONFLICT_RATE: '2' })).toThrow(DbError);
    expect(() => transactionFaultsFromEnv({ SIYU_TX_RERUN: 'yes' })).toThrow(DbError);
  });
});

describe('retry paths above runTransaction (flash-sale buy: withConflictRetries, SALE_BUSY)', () => {
  let bench: FlashSaleBench;
  beforeEach(async () => {
    bench = startFlashSaleBench();
    await seedShop(bench.db, [{ _id: 'sku-tea-s', productId: 'p-tea', price: 2900, stock: 500 }]);
    await bench.grantOperator(OPERATOR);
  });
  afterEach(() => bench.close());

  const totals = async (saleId: string) => {
    const shards = await bench.shards(saleId);
    return { sold: shards.reduce((n, s) => n + s.sold, 0), remaining: shards.reduce((n, s) => n + s.remaining, 0) };
  };

  it('answers SALE_BUSY after its retries when every transaction conflicts, and sells nothing', async () => {
    const sale = await bench.createSale({ quantity: 10, perMemberLimit: 1 });
    bench.db.setTransactionFaults({ conflictRate: 1 });
    const transactions = jest.spyOn(bench.db, 'runTransaction');
    const answer = await bench.fs('m1', 'buy', { saleId: sale.saleId, requestId: rid(), fulfillment: PICKUP });
    expect(codeOf(answer)).toBe(FlashSaleErrorCode.Busy);
    expect(transactions).toHaveBeenCalledTimes(3);
    bench.db.setTransactionFaults({ conflictRate: 0 });
    expect(await totals(sale.saleId)).toEqual({ sold: 0, remaining: 10 });
    expect(await bench.memberCount(sale.saleId, 'm1')).toBe(0);
    expect(await bench.count('orders', { source: 'flashsale' })).toBe(0);
  });

  it('at a high conflict rate, a buy that gave up a transaction retries it and sells exactly once', async () => {
    const sale = await bench.createSale({ quantity: 30, perMemberLimit: 1 });
    bench.db.setTransactionFaults({ conflictRate: 0.8, seed: 3 });
    const transactions = jest.spyOn(bench.db, 'runTransaction');
    const outcomes: Array<{ code: string; transactions: number }> = [];
    for (let i = 0; i < 20; i += 1) {
      const before = transactions.mock.calls.length;
      const answer = await bench.fs(`m${i}`, 'buy', { saleId: sale.saleId, requestId: rid(), fulfillment: PICKUP });
      outcomes.push({ code: codeOf(answer), transactions: transactions.mock.calls.length - before });
    }
    expect(outcomes.filter((o) => !['OK', FlashSaleErrorCode.Busy].includes(o.code))).toEqual([]);
    expect(outcomes.some((o) => o.code === 'OK' && o.transactions > 1)).toBe(true);
    bench.db.setTransactionFaults({ conflictRate: 0 });
    const bought = outcomes.filter((o) => o.code === 'OK').length;
    expect(await totals(sale.saleId)).toEqual({ sold: bought, remaining: 30 - bought });
    expect(await bench.count('orders', { source: 'flashsale' })).toBe(bought);
  });
});
