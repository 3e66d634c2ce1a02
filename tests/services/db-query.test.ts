/**
 * Queries as on CloudBase: where (nested objects match field by field),
 * orderBy (several keys, stable), skip, limit, field, count.
 */
import { DbError, DbErrorCode } from '../../src/server/db';
import { openLocalDb, type LocalDb } from '../../src/server/local/db';

let db: LocalDb;
beforeEach(async () => {
  db = openLocalDb({ memory: true });
  const items = db.collection('items');
  await items.add({ _id: 'a', name: 'apple', kind: 'fruit', price: 300, meta: { origin: 'yunnan', grade: 1 }, tags: ['red', 'sweet'] });
  await items.add({ _id: 'b', name: 'banana', kind: 'fruit', price: 150, meta: { origin: 'hainan', grade: 2 }, tags: ['yellow'] });
  await items.add({ _id: 'c', name: 'cabbage', kind: 'veg', price: 150, meta: { origin: 'yunnan', grade: 2 } });
  await items.add({ _id: 'd', name: 'durian', kind: 'fruit', price: 900 });
});
afterEach(() => db.close());

const ids = (docs: Array<{ _id: string }>) => docs.map((doc) => doc._id);

describe('where', () => {
  it('matches literal values on top-level fields', async () => {
    expect(ids((await db.collection('items').where({ kind: 'fruit', price: 150 }).get()).data)).toEqual(['b']);
  });

  it('matches a nested object field by field, the same as dot paths', async () => {
    const nested = await db.collection('items').where({ meta: { origin: 'yunnan' } }).get();
    const dotted = await db.collection('items').where({ 'meta.origin': 'yunnan' }).get();
    expect(ids(nested.data)).toEqual(['a', 'c']);
    expect(nested.data).toEqual(dotted.data);
  });

  it('matches an array field when it contains the value', async () => {
    expect(ids((await db.collection('items').where({ tags: 'sweet' }).get()).data)).toEqual(['a']);
  });

  it('with an empty object matches everything', async () => {
    expect((await db.collection('items').where({}).get()).data).toHaveLength(4);
  });

  it('answers nothing (no error) on a collection never written', async () => {
    expect(await db.collection('nothing_here').where({ a: 1 }).get()).toEqual({ data: [] });
    expect(await db.collection('nothing_here').count()).toEqual({ total: 0 });
  });

  it('uses the last where() when called twice, as the SDK does', async () => {
    const query = db.collection('items').where({ kind: 'veg' }).where({ kind: 'fruit' });
    expect(ids((await query.get()).data)).toEqual(['a', 'b', 'd']);
  });

  it('refuses a non-object condition and one whose values are all undefined', () => {
    expect(() => db.collection('items').where('x' as unknown as Record<string, unknown>)).toThrow(DbError);
    expect(() => db.collection('items').where({ a: undefined })).toThrow(DbError);
  });

  it('ignores undefined values next to defined ones', async () => {
    expect(ids((await db.collection('items').where({ kind: 'veg', price: undefined }).get()).data)).toEqual(['c']);
  });
});

describe('orderBy', () => {
  it('sorts ascending and descending', async () => {
    expect(ids((await db.collection('items').orderBy('price', 'desc').get()).data)).toEqual(['d', 'a', 'b', 'c']);
    expect(ids((await db.collection('items').orderBy('name', 'asc').get()).data)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('sorts by several keys in order, ties keeping insertion order (stable)', async () => {
    expect(ids((await db.collection('items').orderBy('price', 'asc').get()).data)).toEqual(['b', 'c', 'a', 'd']);
    expect(ids((await db.collection('items').orderBy('price', 'asc').orderBy('name', 'desc').get()).data)).toEqual(['c', 'b', 'a', 'd']);
  });

  it('sorts by a nested path, missing values first when ascending (MongoDB order)', async () => {
    expect(ids((await db.collection('items').orderBy('meta.grade', 'asc').orderBy('name', 'asc').get()).data)).toEqual(['d', 'a', 'b', 'c']);
  });

  it('refuses a direction other than asc/desc', () => {
    expect(() => db.collection('items').orderBy('price', 'up' as 'asc')).toThrow(DbError);
  });
});

describe('skip and limit', () => {
  it('page through the ordered matches', async () => {
    const page = await db.collection('items').orderBy('name', 'asc').skip(1).limit(2).get();
    expect(ids(page.data)).toEqual(['b', 'c']);
    expect((await db.collection('items').skip(10).get()).data).toEqual([]);
  });

  it('apply in natural (insertion) order without orderBy', async () => {
    expect(ids((await db.collection('items').where({ kind: 'fruit' }).skip(1).limit(1).get()).data)).toEqual(['b']);
  });

  it('refuse a negative or fractional skip', () => {
    expect(() => db.collection('items').skip(-1)).toThrow(DbError);
    expect(() => db.collection('items').skip(1.5)).toThrow(DbError);
  });
});

describe('field', () => {
  it('projects query results', async () => {
    const { data } = await db.collection('items').where({ _id: 'a' }).field({ name: true, 'meta.origin': true }).get();
    expect(data).toEqual([{ _id: 'a', name: 'apple', meta: { origin: 'yunnan' } }]);
    const excluded = await db.collection('items').where({ _id: 'd' }).field({ price: false }).get();
    expect(excluded.data).toEqual([{ _id: 'd', name: 'durian', kind: 'fruit' }]);
  });
});

describe('count', () => {
  it('counts every match, ignoring skip and limit', async () => {
    expect(await db.collection('items').where({ kind: 'fruit' }).count()).toEqual({ total: 3 });
    expect(await db.collection('items').where({ kind: 'fruit' }).skip(2).limit(1).count()).toEqual({ total: 3 });
    expect(await db.collection('items').count()).toEqual({ total: 4 });
  });
});

describe('query errors', () => {
  it('surfaces an unknown raw operator as a DbError', async () => {
    await expect(db.collection('items').where({ price: { $bogus: 1 } }).get()).rejects.toMatchObject({ code: DbErrorCode.RequestFailed });
  });
});
