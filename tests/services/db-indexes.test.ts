/**
 * Indexes from the schema: unique ones refuse duplicates with the same
 * DbError as a duplicate `_id`; queries that use indexes still answer
 * exactly what MongoDB would (mingo decides; SQL only prefilters).
 */
import { DbError, DbErrorCode } from '../../src/server/db';
import { openLocalDb, type LocalDb } from '../../src/server/local/db';
import { schema } from '../../src/server/schema';
import { explainQueryPlan } from '../../src/server/local/db/explain';

const testSchema = [
  {
    name: 'things',
    indexes: [
      { name: 'code_unique', fields: [{ path: 'code' }], unique: true },
      { name: 'kind_rank', fields: [{ path: 'kind' }, { path: 'rank', order: 'desc' as const }] },
      { name: 'flag', fields: [{ path: 'flag' }] },
      { name: 'owner_id', fields: [{ path: 'owner.id' }] },
    ],
  },
];

let db: LocalDb;
beforeEach(() => {
  db = openLocalDb({ memory: true }, testSchema);
});
afterEach(() => db.close());

describe('unique indexes', () => {
  it('refuse a duplicate key on add with DATABASE_DUPLICATE_WRITE naming the index and key', async () => {
    await db.collection('things').add({ code: 'A1' });
    await expect(db.collection('things').add({ code: 'A1' })).rejects.toMatchObject({
      code: DbErrorCode.DuplicateKey,
      message: expect.stringMatching(/E11000 duplicate key error collection: things index: code_unique dup key: \{ code: "A1" \}/),
    });
  });

  it('refuse a duplicate key made by set or update, leaving the document unchanged', async () => {
    await db.collection('things').add({ _id: 't1', code: 'A1' });
    await db.collection('things').add({ _id: 't2', code: 'B2' });
    await expect(db.collection('things').doc('t2').update({ code: 'A1' })).rejects.toMatchObject({ code: DbErrorCode.DuplicateKey });
    await expect(db.collection('things').doc('t2').set({ code: 'A1' })).rejects.toMatchObject({ code: DbErrorCode.DuplicateKey });
    await expect(db.collection('things').where({ _id: 't2' }).update({ code: 'A1' })).rejects.toBeInstanceOf(DbError);
    expect((await db.collection('things').doc('t2').get()).data[0].code).toBe('B2');
  });

  it('roll back a whole multi-document update that hits a duplicate', async () => {
    await db.collection('things').add({ _id: 't1', code: 'A', kind: 'k' });
    await db.collection('things').add({ _id: 't2', code: 'B', kind: 'k' });
    await expect(db.collection('things').where({ kind: 'k' }).update({ code: 'same' })).rejects.toMatchObject({ code: DbErrorCode.DuplicateKey });
    expect((await db.collection('things').orderBy('code', 'asc').get()).data.map((doc) => doc.code)).toEqual(['A', 'B']);
  });

  it('allow many documents without the key (SQLite unique indexes ignore missing values)', async () => {
    await db.collection('things').add({ name: 'x' });
    await db.collection('things').add({ name: 'y' });
    expect((await db.collection('things').count()).total).toBe(2);
  });
});

describe('indexed queries match exactly as without an index', () => {
  beforeEach(async () => {
    const things = db.collection('things');
    await things.add({ _id: '1', kind: 'a', rank: 1, flag: true, owner: { id: 'u1' } });
    await things.add({ _id: '2', kind: 'a', rank: 2, flag: 1, owner: { id: 'u2' } });
    await things.add({ _id: '3', kind: 'b', rank: '2', flag: false });
    await things.add({ _id: '4', kind: ['a', 'c'], rank: 3 });
    await things.add({ _id: '5', kind: 'a', rank: 2.5, owner: [{ id: 'u1' }] });
  });

  const ids = async (query: Record<string, unknown>) => (await db.collection('things').where(query).get()).data.map((doc) => doc._id).sort();

  it('equality on an indexed field, including array values and booleans vs numbers', async () => {
    expect(await ids({ kind: 'a' })).toEqual(['1', '2', '4', '5']);
    expect(await ids({ flag: true })).toEqual(['1']);
    expect(await ids({ flag: 1 })).toEqual(['2']);
  });

  it('ranges compare numbers only (a numeric string does not match)', async () => {
    const _ = db.command;
    expect(await ids({ kind: 'a', rank: _.gte(2) })).toEqual(['2', '4', '5']);
    expect(await ids({ rank: _.gt(1).and(_.lt(3)) })).toEqual(['2', '5']);
  });

  it('in on an indexed field', async () => {
    const _ = db.command;
    expect(await ids({ kind: _.in(['b', 'c']) })).toEqual(['3', '4']);
  });

  it('dot paths on an indexed nested field, through arrays too', async () => {
    expect(await ids({ 'owner.id': 'u1' })).toEqual(['1', '5']);
    expect(await ids({ owner: { id: 'u2' } })).toEqual(['2']);
  });

  it('_id lookups through where()', async () => {
    const _ = db.command;
    expect(await ids({ _id: '3' })).toEqual(['3']);
    expect(await ids({ _id: _.in(['1', '5', 'nope']) })).toEqual(['1', '5']);
  });
});

describe('schema', () => {
  it('declares the collections the project uses, with the unique order requestKey', () => {
    const names = schema.map((collection) => collection.name);
    for (const name of ['roles', 'stores', 'categories', 'products', 'skus', 'carts', 'orders', 'idempotency', 'system_heartbeats', 'members', 'points_ledger', 'coupons', 'flash_sales', 'groupbuys', 'outbox']) {
      expect(names).toContain(name);
    }
    const orders = schema.find((collection) => collection.name === 'orders');
    expect(orders?.indexes.find((index) => index.unique)?.fields).toEqual([{ path: 'requestKey' }]);
  });

  it('opens with the project schema by default', async () => {
    const projectDb = openLocalDb({ memory: true });
    await projectDb.collection('orders').add({ requestKey: 'r1' });
    await expect(projectDb.collection('orders').add({ requestKey: 'r1' })).rejects.toMatchObject({ code: DbErrorCode.DuplicateKey });
    projectDb.close();
  });

  it('refuses an index path that is not a dot path of identifiers', () => {
    expect(() => openLocalDb({ memory: true }, [{ name: 'bad', indexes: [{ name: 'x', fields: [{ path: "a'); DROP TABLE x;--" }] }] }])).toThrow(DbError);
  });
});

describe('string ranges', () => {
  const daySchema = [{ name: 'days', indexes: [{ name: 'day', fields: [{ path: 'day' }] }] }];
  let daysDb: LocalDb;
  beforeEach(async () => {
    daysDb = openLocalDb({ memory: true }, daySchema);
    const days = daysDb.collection('days');
    await days.add({ _id: 's1', day: '2026-11-30' });
    await days.add({ _id: 's2', day: '2026-12-01' });
    await days.add({ _id: 's3', day: '2026-12-31' });
    await days.add({ _id: 's4', day: '2027-01-01' });
    await days.add({ _id: 's5', day: 20261215 });
    await days.add({ _id: 's6', day: '2026-12-\u{1F600}' });
  });
  afterEach(() => daysDb.close());
  const ids = async (query: Record<string, unknown>) => (await daysDb.collection('days').where(query).get()).data.map((doc) => doc._id).sort();

  it('against ASCII bounds are pushed down to the index and still answer what mingo answers', async () => {
    const _ = daysDb.command;
    const december = { day: _.gte('2026-12-01').and(_.lte('2026-12-31')) };
    expect(await ids(december)).toEqual(['s2', 's3']);
    expect(explainQueryPlan(daysDb, 'days', december, daySchema).index).toBe('day');
  });

  it('against a non-ASCII bound are left to mingo, which orders by UTF-16 code units', async () => {
    const _ = daysDb.command;
    // The emoji's surrogate sorts below U+E000 in UTF-16, above it in UTF-8 bytes.
    const query = { day: _.gt('2026-12-\uE000') };
    expect(await ids(query)).toEqual(['s4']);
    expect(explainQueryPlan(daysDb, 'days', query, daySchema).index).toBeNull();
  });
});

describe('sparse indexes', () => {
  const sparseSchema = [{ name: 'orders_s', indexes: [{ name: 'room_createdAt', fields: [{ path: 'room' }, { path: 'createdAt', order: 'desc' as const }], sparse: true }] }];
  let sparseDb: LocalDb;
  beforeEach(async () => {
    sparseDb = openLocalDb({ memory: true }, sparseSchema);
    const orders = sparseDb.collection('orders_s');
    await orders.add({ _id: 'a', room: 'r1', createdAt: 1 });
    await orders.add({ _id: 'b', room: 'r1', createdAt: 2 });
    await orders.add({ _id: 'c', room: null, createdAt: 3 });
    await orders.add({ _id: 'd', createdAt: 4 });
    await orders.add({ _id: 'e', room: 'r2', createdAt: 5 });
  });
  afterEach(() => sparseDb.close());
  const ids = async (query: Record<string, unknown>) => (await sparseDb.collection('orders_s').where(query).orderBy('createdAt', 'desc').get()).data.map((doc) => doc._id);

  it('answer equality and $in on the leading field from the index, and ranges', async () => {
    const _ = sparseDb.command;
    expect(await ids({ room: 'r1' })).toEqual(['b', 'a']);
    expect(await ids({ room: _.in(['r1', 'r2']) })).toEqual(['e', 'b', 'a']);
    expect(explainQueryPlan(sparseDb, 'orders_s', { room: 'r1' }, sparseSchema).index).toBe('room_createdAt');
    expect(await ids({ room: _.gte('r2') })).toEqual(['e']);
  });

  it('still find the documents left out of them (null and missing) by a scan', async () => {
    expect(await ids({ room: null })).toEqual(['d', 'c']);
    expect(explainQueryPlan(sparseDb, 'orders_s', { room: null }, sparseSchema).index).toBeNull();
  });

  it('keep a document whose field is set later, and drop it again when the field is removed', async () => {
    const _ = sparseDb.command;
    await sparseDb.collection('orders_s').doc('d').update({ room: 'r2' });
    expect(await ids({ room: 'r2' })).toEqual(['e', 'd']);
    await sparseDb.collection('orders_s').doc('e').update({ room: _.remove() });
    expect(await ids({ room: 'r2' })).toEqual(['d']);
  });
});
