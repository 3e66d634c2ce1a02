/**
 * Update operators and query updates/removes as on CloudBase: nested objects
 * update only the named leaves (merge), `_.set` replaces, each command maps
 * to its MongoDB operator; server dates are stored as epoch ms.
 */
import { DbErrorCode } from '../../src/server/db';
import { openLocalDb, type LocalDb } from '../../src/server/local/db';

const NOW = 1_700_000_000_000;
let db: LocalDb;
beforeEach(() => {
  db = openLocalDb({ memory: true, now: () => NOW });
});
afterEach(() => db.close());

async function updated(doc: Record<string, unknown>, update: Record<string, unknown>): Promise<Record<string, unknown>> {
  await db.collection('items').doc('x').set(doc);
  await db.collection('items').doc('x').update(update);
  const { _id, ...rest } = (await db.collection('items').doc('x').get()).data[0];
  expect(_id).toBe('x');
  return rest;
}

describe('update commands', () => {
  it('inc adds (negative to subtract) and starts a missing field from 0', async () => {
    const _ = db.command;
    expect(await updated({ stock: 5 }, { stock: _.inc(-2), sold: _.inc(2) })).toEqual({ stock: 3, sold: 2 });
  });

  it('mul multiplies', async () => {
    const _ = db.command;
    expect(await updated({ price: 150 }, { price: _.mul(3) })).toEqual({ price: 450 });
  });

  it('min and max keep the smaller / larger value', async () => {
    const _ = db.command;
    expect(await updated({ low: 5, high: 5 }, { low: _.min(3), high: _.max(3) })).toEqual({ low: 3, high: 5 });
    expect(await updated({ low: 5, high: 5 }, { low: _.min(9), high: _.max(9) })).toEqual({ low: 5, high: 9 });
  });

  it('set replaces a sub-object as is, while a plain nested object only updates its leaves', async () => {
    const _ = db.command;
    expect(await updated({ o: { a: 1, b: 2 } }, { o: _.set({ a: 9 }) })).toEqual({ o: { a: 9 } });
    expect(await updated({ o: { a: 1, b: 2 } }, { o: { a: 9 } })).toEqual({ o: { a: 9, b: 2 } });
    expect(await updated({ o: { a: 1, b: 2 } }, { 'o.c': 3 })).toEqual({ o: { a: 1, b: 2, c: 3 } });
  });

  it('a plain value at a new nested path creates the intermediate objects', async () => {
    expect(await updated({}, { profile: { address: { city: 'Kunming' } } })).toEqual({ profile: { address: { city: 'Kunming' } } });
  });

  it('an array value replaces the array', async () => {
    expect(await updated({ tags: ['a', 'b'] }, { tags: ['c'] })).toEqual({ tags: ['c'] });
  });

  it('remove deletes the field (also nested)', async () => {
    const _ = db.command;
    expect(await updated({ a: 1, o: { b: 2, c: 3 } }, { a: _.remove(), o: { b: _.remove() } })).toEqual({ o: { c: 3 } });
  });

  it('push appends a value, or each element of an array', async () => {
    const _ = db.command;
    expect(await updated({ list: [1] }, { list: _.push(2) })).toEqual({ list: [1, 2] });
    expect(await updated({ list: [1] }, { list: _.push([2, 3]) })).toEqual({ list: [1, 2, 3] });
    expect(await updated({}, { list: _.push('first') })).toEqual({ list: ['first'] });
  });

  it('push with {each, position, slice, sort}', async () => {
    const _ = db.command;
    expect(await updated({ list: [1, 4] }, { list: _.push({ each: [2, 3], position: 1 }) })).toEqual({ list: [1, 2, 3, 4] });
    expect(await updated({ list: [5, 1] }, { list: _.push({ each: [3], sort: 1 }) })).toEqual({ list: [1, 3, 5] });
    expect(await updated({ list: [1, 2, 3] }, { list: _.push({ each: [4], slice: -2 }) })).toEqual({ list: [3, 4] });
  });

  it('pull removes equal values, or values matching a query command', async () => {
    const _ = db.command;
    expect(await updated({ list: [1, 2, 1, 3] }, { list: _.pull(1) })).toEqual({ list: [2, 3] });
    expect(await updated({ list: [1, 5, 7, 2] }, { list: _.pull(_.gt(4)) })).toEqual({ list: [1, 2] });
    expect(await updated({ list: [1, 5, 7, 2] }, { list: _.pull(_.gte(2).and(_.lte(5))) })).toEqual({ list: [1, 7] });
    expect(await updated({ list: [{ k: 1 }, { k: 2 }] }, { list: _.pull({ k: 2 }) })).toEqual({ list: [{ k: 1 }] });
  });

  it('addToSet adds a value once, or each of {each: [...]}', async () => {
    const _ = db.command;
    expect(await updated({ tags: ['a'] }, { tags: _.addToSet('a') })).toEqual({ tags: ['a'] });
    expect(await updated({ tags: ['a'] }, { tags: _.addToSet('b') })).toEqual({ tags: ['a', 'b'] });
    expect(await updated({ tags: ['a'] }, { tags: _.addToSet({ each: ['a', 'c', 'c'] }) })).toEqual({ tags: ['a', 'c'] });
  });

  it('refuses two updates of the same path or of a path and its parent', async () => {
    const _ = db.command;
    await db.collection('items').doc('x').set({ o: { a: 1 } });
    await expect(db.collection('items').doc('x').update({ o: _.set({}), 'o.a': 2 })).rejects.toMatchObject({ code: DbErrorCode.RequestFailed });
  });

  it('refuses inc by something that is not a number', async () => {
    const _ = db.command;
    await expect(db.collection('items').doc('x').update({ n: _.inc('1' as unknown as number) })).rejects.toMatchObject({ code: DbErrorCode.InvalidParam });
  });
});

describe('server dates', () => {
  it('are stored as epoch ms: now, plus the offset in ms (this project stores time as ms)', async () => {
    const { id } = await db.collection('items').add({ createdAt: db.serverDate(), expiresAt: db.serverDate({ offset: 15 * 60_000 }) });
    const doc = (await db.collection('items').doc(id).get()).data[0];
    expect(doc.createdAt).toBe(NOW);
    expect(doc.expiresAt).toBe(NOW + 15 * 60_000);
  });

  it('work in set and update, nested too', async () => {
    await db.collection('items').doc('x').set({ meta: { at: db.serverDate() } });
    await db.collection('items').doc('x').update({ paidAt: db.serverDate({ offset: 1 }) });
    expect((await db.collection('items').doc('x').get()).data[0]).toEqual({ _id: 'x', meta: { at: NOW }, paidAt: NOW + 1 });
  });

  it('Date values are stored as epoch ms as well', async () => {
    const { id } = await db.collection('items').add({ at: new Date(5_000) });
    expect((await db.collection('items').doc(id).get()).data[0].at).toBe(5_000);
  });
});

describe('query update and remove', () => {
  beforeEach(async () => {
    const items = db.collection('items');
    await items.add({ _id: 'a', kind: 'fruit', stock: 1 });
    await items.add({ _id: 'b', kind: 'fruit', stock: 2 });
    await items.add({ _id: 'c', kind: 'veg', stock: 3 });
  });

  it('update changes every match (not bounded by limit) and answers how many changed', async () => {
    const _ = db.command;
    expect(await db.collection('items').where({ kind: 'fruit' }).limit(1).update({ stock: _.inc(10) })).toEqual({ updated: 2 });
    const { data } = await db.collection('items').orderBy('stock', 'asc').get();
    expect(data.map((doc) => [doc._id, doc.stock])).toEqual([
      ['c', 3],
      ['a', 11],
      ['b', 12],
    ]);
  });

  it('update counts only documents that actually changed', async () => {
    expect(await db.collection('items').where({ kind: 'fruit' }).update({ stock: 2 })).toEqual({ updated: 1 });
  });

  it('remove deletes every match and answers how many', async () => {
    expect(await db.collection('items').where({ kind: 'fruit' }).remove()).toEqual({ deleted: 2 });
    expect((await db.collection('items').count()).total).toBe(1);
    expect(await db.collection('items').where({ kind: 'none' }).remove()).toEqual({ deleted: 0 });
  });

  it('update and remove without a condition are refused ("param.query can\'t be empty")', async () => {
    await expect(db.collection('items').update({ stock: 0 })).rejects.toMatchObject({ code: DbErrorCode.InvalidParam, message: "param.query can't be empty" });
    await expect(db.collection('items').where({}).remove()).rejects.toMatchObject({ code: DbErrorCode.InvalidParam });
    await expect(db.collection('items').remove()).rejects.toMatchObject({ code: DbErrorCode.InvalidParam });
    expect((await db.collection('items').count()).total).toBe(3);
  });

  it('update refuses _id in the data', async () => {
    await expect(db.collection('items').where({ kind: 'veg' }).update({ _id: 'z' })).rejects.toMatchObject({ code: DbErrorCode.InvalidParam });
  });
});

describe('updateAndReturn', () => {
  it('updates the single matching document and answers it as it is after the update', async () => {
    const _ = db.command;
    await db.collection('items').add({ _id: 'a', stock: 5 });
    const result = await db.collection('items').where({ _id: 'a', stock: _.gte(1) }).updateAndReturn({ stock: _.inc(-1) });
    expect(result).toEqual({ updated: 1, doc: { _id: 'a', stock: 4 } });
  });

  it('answers {updated: 0, doc: null} when nothing matches', async () => {
    const _ = db.command;
    await db.collection('items').add({ _id: 'a', stock: 0 });
    expect(await db.collection('items').where({ _id: 'a', stock: _.gte(1) }).updateAndReturn({ stock: _.inc(-1) })).toEqual({ updated: 0, doc: null });
  });

  it('changes only one document when several match', async () => {
    const _ = db.command;
    await db.collection('items').add({ _id: 'a', kind: 'k', n: 0 });
    await db.collection('items').add({ _id: 'b', kind: 'k', n: 0 });
    const result = await db.collection('items').where({ kind: 'k' }).updateAndReturn({ n: _.inc(1) });
    expect(result.updated).toBe(1);
    expect((await db.collection('items').where({ n: 1 }).count()).total).toBe(1);
  });
});
