/**
 * Transactions as on CloudBase: single-document operations only, all or
 * nothing, a throw or rollback(reason) undoes everything, a 30 s limit.
 * Locally transactions are serialised (see src/server/local/db/transaction.ts).
 */
import { DbError, DbErrorCode } from '../../src/server/db';
import { openLocalDb, type LocalDb } from '../../src/server/local/db';

let db: LocalDb;
beforeEach(async () => {
  db = openLocalDb({ memory: true });
  await db.collection('accounts').add({ _id: 'alice', balance: 100 });
  await db.collection('accounts').add({ _id: 'bob', balance: 0 });
});
afterEach(() => db.close());

const balance = async (id: string) => (await db.collection('accounts').doc(id).get()).data[0]?.balance;

describe('runTransaction', () => {
  it('commits every write and answers the callback result', async () => {
    const _ = db.command;
    const result = await db.runTransaction(async (tx) => {
      const alice = await tx.collection('accounts').doc('alice').get();
      await tx.collection('accounts').doc('alice').update({ balance: _.inc(-30) });
      await tx.collection('accounts').doc('bob').update({ balance: _.inc(30) });
      const { id } = await tx.collection('transfers').add({ from: 'alice', to: 'bob', amount: 30 });
      return { before: alice.data?.balance, transferId: id };
    });
    expect(result.before).toBe(100);
    expect(await balance('alice')).toBe(70);
    expect(await balance('bob')).toBe(30);
    expect((await db.collection('transfers').doc(result.transferId).get()).data[0]).toMatchObject({ amount: 30 });
  });

  it('doc().get inside answers {data: doc} or {data: null}', async () => {
    await db.runTransaction(async (tx) => {
      expect(await tx.collection('accounts').doc('alice').get()).toEqual({ data: { _id: 'alice', balance: 100 } });
      expect(await tx.collection('accounts').doc('nobody').get()).toEqual({ data: null });
    });
  });

  it('reads its own writes', async () => {
    await db.runTransaction(async (tx) => {
      await tx.collection('accounts').doc('alice').set({ balance: 1 });
      expect((await tx.collection('accounts').doc('alice').get()).data).toEqual({ _id: 'alice', balance: 1 });
    });
  });

  it('set, update, remove and delete inside answer like their outside forms', async () => {
    await db.runTransaction(async (tx) => {
      const accounts = tx.collection('accounts');
      expect(await accounts.doc('carol').set({ balance: 5 })).toEqual({ updated: 0, upsertedId: 'carol' });
      expect(await accounts.doc('carol').update({ balance: 6 })).toEqual({ updated: 1 });
      expect(await accounts.doc('ghost').update({ balance: 6 })).toEqual({ updated: 0 });
      expect(await accounts.doc('carol').remove()).toEqual({ deleted: 1 });
      expect(await accounts.doc('bob').delete()).toEqual({ deleted: 1 });
    });
    expect(await balance('carol')).toBeUndefined();
    expect(await balance('bob')).toBeUndefined();
  });

  it('a throwing callback rejects with that error and leaves no trace', async () => {
    const _ = db.command;
    const boom = new Error('boom');
    await expect(
      db.runTransaction(async (tx) => {
        await tx.collection('accounts').doc('alice').update({ balance: _.inc(-50) });
        await tx.collection('fresh_collection').add({ _id: 'f1' });
        await tx.collection('accounts').doc('dave').set({ balance: 1 });
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(await balance('alice')).toBe(100);
    expect(await balance('dave')).toBeUndefined();
    expect((await db.collection('fresh_collection').get()).data).toEqual([]);
    await db.collection('fresh_collection').add({ _id: 'f2' });
    expect((await db.collection('fresh_collection').count()).total).toBe(1);
  });

  it('rollback(reason) undoes everything and the transaction rejects with reason', async () => {
    const _ = db.command;
    await expect(
      db.runTransaction(async (tx) => {
        await tx.collection('accounts').doc('alice').update({ balance: _.inc(-50) });
        await tx.rollback({ code: 'INSUFFICIENT' });
        return 'not this';
      }),
    ).rejects.toEqual({ code: 'INSUFFICIENT' });
    expect(await balance('alice')).toBe(100);
  });

  it('after rollback the transaction object refuses further operations', async () => {
    await expect(
      db.runTransaction(async (tx) => {
        await tx.rollback(-100);
        await tx.collection('accounts').doc('alice').update({ balance: 0 });
      }),
    ).rejects.toBe(-100);
    expect(await balance('alice')).toBe(100);
  });

  it('a failing operation (duplicate _id) rejects and rolls back when not caught', async () => {
    await expect(
      db.runTransaction(async (tx) => {
        await tx.collection('accounts').doc('alice').update({ balance: 1 });
        await tx.collection('accounts').add({ _id: 'bob' });
      }),
    ).rejects.toMatchObject({ code: DbErrorCode.DuplicateKey });
    expect(await balance('alice')).toBe(100);
  });

  it('only doc() and add() exist on a transaction collection: where/get/count/orderBy… throw a DbError', async () => {
    type QueryLike = Record<string, (...args: unknown[]) => unknown>;
    await db.runTransaction(async (tx) => {
      const accounts = tx.collection('accounts') as unknown as QueryLike;
      for (const method of ['where', 'get', 'count', 'orderBy', 'limit', 'skip', 'field', 'update', 'remove', 'updateAndReturn']) {
        let thrown: unknown;
        try {
          accounts[method]({});
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeInstanceOf(DbError);
        expect(thrown).toMatchObject({ code: DbErrorCode.InvalidParam, message: expect.stringContaining(method) });
      }
    });
  });

  it('a where() inside the callback makes the transaction reject with that DbError', async () => {
    await expect(
      db.runTransaction(async (tx) => {
        await tx.collection('accounts').doc('alice').update({ balance: 1 });
        (tx.collection('accounts') as unknown as { where(q: object): unknown }).where({ balance: 1 });
      }),
    ).rejects.toBeInstanceOf(DbError);
    expect(await balance('alice')).toBe(100);
  });

  it('refuses a nested runTransaction', async () => {
    await expect(db.runTransaction(async () => db.runTransaction(async () => 1))).rejects.toMatchObject({ code: DbErrorCode.TransactionFail });
  });

  it('from inside the callback, db.collection() reads run at once and writes are refused', async () => {
    await expect(
      db.runTransaction(async (tx) => {
        await tx.collection('accounts').doc('alice').update({ balance: 1 });
        expect((await db.collection('accounts').where({ balance: 1 }).get()).data).toHaveLength(1);
        await db.collection('accounts').doc('bob').update({ balance: 5 });
      }),
    ).rejects.toMatchObject({ code: DbErrorCode.TransactionFail });
    expect(await balance('bob')).toBe(0);
  });

  it('is aborted and rolled back when it outlives the timeout (CloudBase: 30 s)', async () => {
    const quick = openLocalDb({ memory: true, transactionTimeoutMs: 50 });
    try {
      await quick.collection('accounts').add({ _id: 'alice', balance: 100 });
      let release: () => void = () => undefined;
      const stalled = new Promise<void>((resolve) => (release = resolve));
      const outcome = quick.runTransaction(async (tx) => {
        await tx.collection('accounts').doc('alice').update({ balance: 0 });
        await stalled;
        await tx.collection('accounts').doc('alice').update({ balance: -1 });
      });
      await expect(outcome).rejects.toMatchObject({ code: DbErrorCode.TransactionFail, message: expect.stringContaining('timed out') });
      expect((await quick.collection('accounts').doc('alice').get()).data[0].balance).toBe(100);
      release();
    } finally {
      quick.close();
    }
  });
});

describe('startTransaction', () => {
  it('commit() makes the writes visible', async () => {
    const tx = await db.startTransaction();
    await tx.collection('accounts').doc('alice').update({ balance: 1 });
    await tx.commit();
    expect(await balance('alice')).toBe(1);
  });

  it('rollback() discards the writes', async () => {
    const tx = await db.startTransaction();
    await tx.collection('accounts').doc('alice').update({ balance: 1 });
    await tx.rollback();
    expect(await balance('alice')).toBe(100);
  });

  it('operations outside wait until it ends and never see its uncommitted writes', async () => {
    const tx = await db.startTransaction();
    await tx.collection('accounts').doc('alice').update({ balance: 1 });
    const outsideRead = db.collection('accounts').doc('alice').get();
    const outsideWrite = db.collection('accounts').doc('bob').update({ balance: 7 });
    await tx.rollback();
    expect((await outsideRead).data[0].balance).toBe(100);
    expect(await outsideWrite).toEqual({ updated: 1 });
    expect(await balance('bob')).toBe(7);
  });

  it('refuses operations after commit', async () => {
    const tx = await db.startTransaction();
    await tx.commit();
    await expect(tx.collection('accounts').doc('alice').get()).rejects.toMatchObject({ code: DbErrorCode.TransactionFail });
    await expect(tx.commit()).rejects.toBeInstanceOf(DbError);
  });
});
