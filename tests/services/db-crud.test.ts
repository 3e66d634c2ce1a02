/**
 * Conformance of the local engine with CloudBase's document operations:
 * add, doc().get/set/update/remove/field. Result shapes follow
 * @cloudbase/node-sdk 3.18 (src/server/db.ts).
 */
import { DbError, DbErrorCode } from '../../src/server/db';
import { openLocalDb, type LocalDb } from '../../src/server/local/db';

let db: LocalDb;
beforeEach(() => {
  db = openLocalDb({ memory: true });
});
afterEach(() => db.close());

describe('add', () => {
  it('answers {id} with a generated 32-hex id and stores the document under it', async () => {
    const { id } = await db.collection('items').add({ name: 'tea', priceFen: 1200 });
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    const { data } = await db.collection('items').doc(id).get();
    expect(data).toEqual([{ _id: id, name: 'tea', priceFen: 1200 }]);
  });

  it('keeps a custom _id given in the data', async () => {
    const { id } = await db.collection('items').add({ _id: 'sku-1', name: 'tea' });
    expect(id).toBe('sku-1');
    expect((await db.collection('items').doc('sku-1').get()).data[0]).toEqual({ _id: 'sku-1', name: 'tea' });
  });

  it('refuses a duplicate _id with DATABASE_DUPLICATE_WRITE and an E11000 message naming the key', async () => {
    await db.collection('items').add({ _id: 'dup', n: 1 });
    const failure = db.collection('items').add({ _id: 'dup', n: 2 });
    await expect(failure).rejects.toBeInstanceOf(DbError);
    await expect(db.collection('items').add({ _id: 'dup', n: 2 })).rejects.toMatchObject({
      code: DbErrorCode.DuplicateKey,
      message: expect.stringMatching(/E11000 duplicate key.*items.*_id_.*dup/),
    });
    expect((await db.collection('items').doc('dup').get()).data[0]).toEqual({ _id: 'dup', n: 1 });
  });

  it('drops undefined fields, as the SDK does when serialising', async () => {
    const { id } = await db.collection('items').add({ a: 1, b: undefined, nested: { c: undefined, d: 2 } });
    expect((await db.collection('items').doc(id).get()).data[0]).toEqual({ _id: id, a: 1, nested: { d: 2 } });
  });

  it('refuses something that is not one document (INVALID_PARAM)', async () => {
    const items = db.collection<Record<string, unknown>>('items');
    await expect(items.add([{ a: 1 }] as unknown as Record<string, unknown>)).rejects.toMatchObject({ code: DbErrorCode.InvalidParam });
    await expect(items.add('x' as unknown as Record<string, unknown>)).rejects.toMatchObject({ code: DbErrorCode.InvalidParam });
  });

  it('refuses an _id that is not a non-empty string', async () => {
    await expect(db.collection('items').add({ _id: '' })).rejects.toMatchObject({ code: DbErrorCode.InvalidParam });
    await expect(db.collection('items').add({ _id: 5 } as unknown as { _id: string })).rejects.toMatchObject({ code: DbErrorCode.InvalidParam });
  });

  it('creates an undeclared collection on first write', async () => {
    expect((await db.collection('brand_new').get()).data).toEqual([]);
    await db.collection('brand_new').add({ a: 1 });
    expect((await db.collection('brand_new').count()).total).toBe(1);
  });
});

describe('doc().get', () => {
  it('answers {data: [doc]} for an existing document and {data: []} for a missing one', async () => {
    await db.collection('items').add({ _id: 'a', v: 1 });
    expect(await db.collection('items').doc('a').get()).toEqual({ data: [{ _id: 'a', v: 1 }] });
    expect(await db.collection('items').doc('nope').get()).toEqual({ data: [] });
  });

  it('field() projects the document (inclusion keeps _id unless excluded)', async () => {
    await db.collection('items').add({ _id: 'a', name: 'tea', priceFen: 100, meta: { x: 1, y: 2 } });
    const doc = db.collection('items').doc('a');
    expect((await doc.field({ name: true }).get()).data[0]).toEqual({ _id: 'a', name: 'tea' });
    expect((await doc.field({ name: 1, _id: 0 }).get()).data[0]).toEqual({ name: 'tea' });
    expect((await doc.field({ priceFen: false, 'meta.x': 0 }).get()).data[0]).toEqual({ _id: 'a', name: 'tea', meta: { y: 2 } });
  });

  it('field() refuses mixing inclusion and exclusion', () => {
    expect(() => db.collection('items').doc('a').field({ a: 1, b: 0 })).toThrow(DbError);
  });
});

describe('doc().set', () => {
  it('replaces the whole document', async () => {
    await db.collection('items').add({ _id: 'a', keep: 1, nested: { x: 1, y: 2 } });
    const result = await db.collection('items').doc('a').set({ nested: { x: 9 } });
    expect(result).toEqual({ updated: 1 });
    expect((await db.collection('items').doc('a').get()).data[0]).toEqual({ _id: 'a', nested: { x: 9 } });
  });

  it('creates a missing document and answers its upsertedId', async () => {
    const result = await db.collection('items').doc('new').set({ v: 1 });
    expect(result).toEqual({ updated: 0, upsertedId: 'new' });
    expect((await db.collection('items').doc('new').get()).data[0]).toEqual({ _id: 'new', v: 1 });
  });

  it('answers updated 0 when the replacement equals the stored document', async () => {
    await db.collection('items').doc('a').set({ v: 1 });
    expect(await db.collection('items').doc('a').set({ v: 1 })).toEqual({ updated: 0 });
  });

  it('refuses data containing _id (INVALID_PARAM "不能更新_id的值")', async () => {
    await expect(db.collection('items').doc('a').set({ _id: 'a', v: 1 })).rejects.toMatchObject({
      code: DbErrorCode.InvalidParam,
      message: '不能更新_id的值',
    });
  });

  it('refuses update commands in the data, like the SDK ("update operator complicit")', async () => {
    const _ = db.command;
    await expect(db.collection('items').doc('a').set({ v: _.inc(1) })).rejects.toMatchObject({
      code: DbErrorCode.RequestFailed,
      message: 'update operator complicit',
    });
    await expect(db.collection('items').doc('a').set({ nested: { v: _.remove() } })).rejects.toMatchObject({ code: DbErrorCode.RequestFailed });
  });
});

describe('doc().update', () => {
  it('changes only the fields named, leaving the rest', async () => {
    await db.collection('items').add({ _id: 'a', name: 'tea', stock: 5 });
    expect(await db.collection('items').doc('a').update({ stock: 4 })).toEqual({ updated: 1 });
    expect((await db.collection('items').doc('a').get()).data[0]).toEqual({ _id: 'a', name: 'tea', stock: 4 });
  });

  it('answers updated 0 for a missing document and creates nothing', async () => {
    expect(await db.collection('items').doc('ghost').update({ v: 1 })).toEqual({ updated: 0 });
    expect((await db.collection('items').doc('ghost').get()).data).toEqual([]);
  });

  it('answers updated 0 when nothing changes (MongoDB counts modified documents)', async () => {
    await db.collection('items').add({ _id: 'a', status: 'paid' });
    expect(await db.collection('items').doc('a').update({ status: 'paid' })).toEqual({ updated: 0 });
  });

  it('refuses _id in the update (INVALID_PARAM)', async () => {
    await db.collection('items').add({ _id: 'a', v: 1 });
    await expect(db.collection('items').doc('a').update({ _id: 'b' })).rejects.toMatchObject({ code: DbErrorCode.InvalidParam, message: '不能更新_id的值' });
  });

  it('refuses an empty or non-object update (INVALID_PARAM)', async () => {
    await expect(db.collection('items').doc('a').update({})).rejects.toMatchObject({ code: DbErrorCode.InvalidParam });
    await expect(db.collection('items').doc('a').update(null as unknown as Record<string, unknown>)).rejects.toMatchObject({
      code: DbErrorCode.InvalidParam,
    });
  });
});

describe('doc().remove', () => {
  it('answers {deleted: 1} and the document is gone; {deleted: 0} when missing', async () => {
    await db.collection('items').add({ _id: 'a' });
    expect(await db.collection('items').doc('a').remove()).toEqual({ deleted: 1 });
    expect((await db.collection('items').doc('a').get()).data).toEqual([]);
    expect(await db.collection('items').doc('a').remove()).toEqual({ deleted: 0 });
  });
});

describe('names', () => {
  it('refuses collection names CloudBase refuses', () => {
    expect(() => db.collection('a')).toThrow(DbError);
    expect(() => db.collection('bad name')).toThrow(DbError);
    expect(() => db.collection('_hidden')).toThrow(DbError);
    expect(() => db.collection('ok-name_2')).not.toThrow();
  });

  it('refuses an empty or non-string doc id', () => {
    expect(() => db.collection('items').doc('')).toThrow(DbError);
    expect(() => db.collection('items').doc(7 as unknown as string)).toThrow(DbError);
  });
});

describe('asynchrony', () => {
  it('answers every operation with a promise, rejecting (not throwing) on bad input', async () => {
    const pending = db.collection('items').doc('a').update(undefined as unknown as Record<string, unknown>);
    expect(pending).toBeInstanceOf(Promise);
    await expect(pending).rejects.toBeInstanceOf(DbError);
  });
});
