/** The database is one SQLite file: data, indexes and engine state survive close and reopen. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DbErrorCode } from '../../src/server/db';
import { defaultDataFile, openLocalDb } from '../../src/server/local/db';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'siyu-db-test-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('creates the parent directories of the file and reports the file', () => {
  const file = join(dir, 'nested', 'deeper', 'siyu.sqlite');
  const db = openLocalDb({ file });
  expect(db.file).toBe(file);
  expect(existsSync(file)).toBe(true);
  db.close();
});

it('an in-memory database reports no file', () => {
  const db = openLocalDb({ memory: true });
  expect(db.file).toBeNull();
  db.close();
});

it('keeps documents, including committed transactions and undeclared collections, across close and reopen', async () => {
  const file = join(dir, 'siyu.sqlite');
  const first = openLocalDb({ file });
  const _ = first.command;
  await first.collection('products').add({ _id: 'p1', name: 'tea', stock: 3 });
  await first.collection('my_notes').add({ _id: 'n1', text: 'hello' });
  await first.runTransaction(async (tx) => {
    await tx.collection('products').doc('p1').update({ stock: _.inc(-1) });
  });
  await expect(first.runTransaction(async (tx) => {
    await tx.collection('products').doc('p1').update({ stock: 0 });
    throw new Error('undo');
  })).rejects.toThrow('undo');
  first.close();

  const second = openLocalDb({ file });
  expect((await second.collection('products').doc('p1').get()).data[0]).toEqual({ _id: 'p1', name: 'tea', stock: 2 });
  expect((await second.collection('my_notes').doc('n1').get()).data[0]).toEqual({ _id: 'n1', text: 'hello' });
  second.close();
});

it('keeps unique indexes enforced after reopen', async () => {
  const file = join(dir, 'siyu.sqlite');
  const first = openLocalDb({ file });
  await first.collection('orders').add({ requestKey: 'k1' });
  first.close();
  const second = openLocalDb({ file });
  await expect(second.collection('orders').add({ requestKey: 'k1' })).rejects.toMatchObject({ code: DbErrorCode.DuplicateKey });
  second.close();
});

it('still finds array values on an indexed path after reopen', async () => {
  const file = join(dir, 'siyu.sqlite');
  const schema = [{ name: 'posts', indexes: [{ name: 'tags', fields: [{ path: 'tags' }] }] }];
  const first = openLocalDb({ file }, schema);
  await first.collection('posts').add({ _id: 'p1', tags: ['a', 'b'] });
  first.close();
  const second = openLocalDb({ file }, schema);
  await second.collection('posts').add({ _id: 'p2', tags: 'a' });
  expect((await second.collection('posts').where({ tags: 'a' }).get()).data.map((doc) => doc._id)).toEqual(['p1', 'p2']);
  second.close();
});

it('refuses operations after close', async () => {
  const db = openLocalDb({ file: join(dir, 'siyu.sqlite') });
  db.close();
  await expect(db.collection('items').get()).rejects.toMatchObject({ code: DbErrorCode.RequestFailed });
});

it('defaultDataFile() is $SIYU_DATA or .data/siyu.sqlite, resolved from the working directory', () => {
  const saved = process.env.SIYU_DATA;
  try {
    delete process.env.SIYU_DATA;
    expect(defaultDataFile()).toBe(resolve('.data/siyu.sqlite'));
    process.env.SIYU_DATA = join(dir, 'elsewhere.sqlite');
    expect(defaultDataFile()).toBe(join(dir, 'elsewhere.sqlite'));
  } finally {
    if (saved === undefined) delete process.env.SIYU_DATA;
    else process.env.SIYU_DATA = saved;
  }
});
