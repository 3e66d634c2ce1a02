/**
 * Concurrency: each operation is atomic and transactions are serialised, so
 * the invariants services rely on hold under concurrent callers.
 */
import { DbErrorCode } from '../../src/server/db';
import { openLocalDb, type LocalDb } from '../../src/server/local/db';

let db: LocalDb;
beforeEach(() => {
  db = openLocalDb({ memory: true });
});
afterEach(() => db.close());

it('200 concurrent conditional decrements on stock 50: exactly 50 succeed and stock ends at 0', async () => {
  const _ = db.command;
  await db.collection('skus').add({ _id: 'sku-1', stock: 50 });
  const results = await Promise.all(
    Array.from({ length: 200 }, () => db.collection('skus').where({ _id: 'sku-1', stock: _.gte(1) }).update({ stock: _.inc(-1) })),
  );
  expect(results.filter((result) => result.updated === 1)).toHaveLength(50);
  expect(results.filter((result) => result.updated === 0)).toHaveLength(150);
  expect((await db.collection('skus').doc('sku-1').get()).data[0].stock).toBe(0);
});

it('50 concurrent read-increment-write transactions on one counter end at exactly +50', async () => {
  await db.collection('counters').add({ _id: 'c', value: 0 });
  await Promise.all(
    Array.from({ length: 50 }, () =>
      db.runTransaction(async (tx) => {
        const { data } = await tx.collection('counters').doc('c').get();
        await Promise.resolve();
        await tx.collection('counters').doc('c').update({ value: (data?.value as number) + 1 });
      }),
    ),
  );
  expect((await db.collection('counters').doc('c').get()).data[0].value).toBe(50);
});

it('concurrent transactions that check then take stock never oversell', async () => {
  await db.collection('skus').add({ _id: 'sku-1', stock: 10 });
  const outcomes = await Promise.allSettled(
    Array.from({ length: 40 }, (_, n) =>
      db.runTransaction(async (tx) => {
        const sku = await tx.collection('skus').doc('sku-1').get();
        const stock = sku.data?.stock as number;
        if (stock < 1) await tx.rollback('OUT_OF_STOCK');
        await tx.collection('skus').doc('sku-1').update({ stock: stock - 1 });
        await tx.collection('orders').add({ requestKey: `r-${n}`, skuId: 'sku-1' });
      }),
    ),
  );
  expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(10);
  expect(outcomes.filter((outcome) => outcome.status === 'rejected').map((outcome) => (outcome as PromiseRejectedResult).reason)).toEqual(
    Array.from({ length: 30 }, () => 'OUT_OF_STOCK'),
  );
  expect((await db.collection('skus').doc('sku-1').get()).data[0].stock).toBe(0);
  expect((await db.collection('orders').count()).total).toBe(10);
});

it('a single write issued while a transaction is open is applied after it, not inside it', async () => {
  const _ = db.command;
  await db.collection('counters').add({ _id: 'c', value: 0 });
  let signalRead: () => void = () => undefined;
  const hasRead = new Promise<void>((resolve) => (signalRead = resolve));
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  const transaction = db.runTransaction(async (tx) => {
    const { data } = await tx.collection('counters').doc('c').get();
    signalRead();
    await released;
    await tx.collection('counters').doc('c').update({ value: (data?.value as number) + 1 });
  });
  await hasRead;
  const outside = db.collection('counters').where({ _id: 'c' }).update({ value: _.inc(100) });
  release();
  await Promise.all([transaction, outside]);
  expect((await db.collection('counters').doc('c').get()).data[0].value).toBe(101);
});

it('concurrent adds with one custom _id: exactly one succeeds, the rest get DATABASE_DUPLICATE_WRITE', async () => {
  const outcomes = await Promise.allSettled(Array.from({ length: 20 }, (_, n) => db.collection('idempotency').add({ _id: 'req-1', n })));
  expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
  for (const outcome of outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected')) {
    expect(outcome.reason).toMatchObject({ code: DbErrorCode.DuplicateKey });
  }
});

it('concurrent orders with one requestKey (unique index): exactly one is stored', async () => {
  const outcomes = await Promise.allSettled(
    Array.from({ length: 20 }, () => db.runTransaction(async (tx) => tx.collection('orders').add({ requestKey: 'same', openid: 'u1' }))),
  );
  expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
  expect((await db.collection('orders').where({ requestKey: 'same' }).count()).total).toBe(1);
});
