/** CloudBase's page size limits: 100 documents by default, at most 1000. */
import { DbError } from '../../src/server/db';
import { openLocalDb, type LocalDb } from '../../src/server/local/db';

let db: LocalDb;
beforeAll(async () => {
  db = openLocalDb({ memory: true });
  await db.runTransaction(async (tx) => {
    for (let n = 0; n < 1100; n += 1) await tx.collection('items').add({ _id: `i${String(n).padStart(4, '0')}`, n });
  });
});
afterAll(() => db.close());

it('get() answers at most 100 documents when no limit is given', async () => {
  const { data } = await db.collection('items').get();
  expect(data).toHaveLength(100);
  expect(data[0]._id).toBe('i0000');
});

it('limit(n) answers up to n documents', async () => {
  expect((await db.collection('items').limit(250).get()).data).toHaveLength(250);
});

it('a limit above 1000 is clamped to 1000, as the SDK does', async () => {
  expect((await db.collection('items').limit(5000).get()).data).toHaveLength(1000);
  expect((await db.collection('items').skip(1000).limit(1000).get()).data).toHaveLength(100);
});

it('a limit of zero, below zero or not an integer is refused (INVALID_PARAM)', () => {
  expect(() => db.collection('items').limit(0)).toThrow(DbError);
  expect(() => db.collection('items').limit(-5)).toThrow(DbError);
  expect(() => db.collection('items').limit(2.5)).toThrow(expect.objectContaining({ code: 'INVALID_PARAM' }));
});

it('count() is not limited by the page size', async () => {
  expect(await db.collection('items').count()).toEqual({ total: 1100 });
});

it('query update and remove are not limited by the page size', async () => {
  const _ = db.command;
  expect(await db.collection('items').where({ n: _.gte(0) }).update({ seen: true })).toEqual({ updated: 1100 });
  expect(await db.collection('items').where({ n: _.gte(50) }).remove()).toEqual({ deleted: 1050 });
});
