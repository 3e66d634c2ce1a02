/**
 * Multikey indexes (schema `multikey`): a query for one element of an array
 * field (a member's tags) is answered from the index's key table, which
 * SQLite triggers keep in step with every insert, update, removal and
 * rollback, and answers exactly what mingo answers on every kind of value.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLocalDb, type LocalDb } from '../../src/server/local/db';
import { explainCount, explainQueryPlan } from '../../src/server/local/db/explain';
import type { CollectionSchema } from '../../src/server/schema';

const withTags: CollectionSchema[] = [
  { name: 'people', indexes: [{ name: 'tags', fields: [{ path: 'tags' }], multikey: true }, { name: 'rank', fields: [{ path: 'rank', order: 'desc' }] }] },
];
const plainSchema: CollectionSchema[] = [{ name: 'people', indexes: [] }];

const DOCS: Array<Record<string, unknown>> = [
  { _id: 'a', tags: ['VIP', '老客'], rank: 1 },
  { _id: 'b', tags: ['VIP'], rank: 2 },
  { _id: 'c', tags: '老客', rank: 3 }, // a scalar matches as itself
  { _id: 'd', tags: { x: 'VIP' }, rank: 4 }, // an object holds no elements
  { _id: 'e', tags: [['VIP']], rank: 5 }, // a nested array is not its elements
  { _id: 'f', rank: 6 },
  { _id: 'g', tags: [], rank: 7 },
  { _id: 'h', tags: [1, true, null, 'new'], rank: 8 },
  { _id: 'i', tags: ['VIP', 'VIP'], rank: 9 }, // held twice, counted once
];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'siyu-multikey-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function seeded(db: LocalDb, docs = DOCS): Promise<LocalDb> {
  for (const { _id, ...doc } of docs) await db.collection('people').doc(_id as string).set(doc);
  return db;
}

/** What mingo answers: the same documents in a collection with no index. */
async function mingoIds(db: LocalDb, query: Record<string, unknown>): Promise<string[]> {
  const plain = openLocalDb({ memory: true }, plainSchema);
  try {
    const { data } = await db.collection('people').limit(1000).get();
    for (const { _id, ...doc } of data as Array<{ _id: string }>) await plain.collection('people').doc(_id).set(doc);
    return ((await plain.collection('people').where(query).limit(1000).get()).data as Array<{ _id: string }>).map((d) => d._id).sort();
  } finally {
    plain.close();
  }
}

async function ids(db: LocalDb, query: Record<string, unknown>): Promise<string[]> {
  return ((await db.collection('people').where(query).limit(1000).get()).data as Array<{ _id: string }>).map((d) => d._id).sort();
}

describe('a multikey index', () => {
  it('answers element queries from its key table, exactly as mingo', async () => {
    const db = await seeded(openLocalDb({ file: join(dir, 'a.sqlite') }, withTags));
    const _ = db.command;
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ tags: 'VIP' }, ['a', 'b', 'i']],
      [{ tags: '老客' }, ['a', 'c']],
      [{ tags: 'new' }, ['h']],
      [{ tags: _.eq('VIP') }, ['a', 'b', 'i']],
      [{ tags: _.in(['老客', 'new']) }, ['a', 'c', 'h']],
      [_.and([{ tags: 'VIP' }, { tags: '老客' }]) as unknown as Record<string, unknown>, ['a']],
      [{ tags: 'VIP', rank: _.gt(1) }, ['b', 'i']],
      [{ tags: 'none' }, []],
    ];
    for (const [query, expected] of cases) {
      expect([query, await ids(db, query)]).toEqual([query, expected]);
      expect([query, (await db.collection('people').where(query).count()).total]).toEqual([query, expected.length]);
      expect([query, await mingoIds(db, query)]).toEqual([query, expected]);
      const plan = explainCount(db, 'people', query, withTags);
      expect([query, plan.exact, plan.plan.join(' | ')]).toEqual([query, true, expect.stringContaining('USING COVERING INDEX people__tags')]);
    }
    db.close();
  });

  it('leaves other conditions on the field to mingo, and stays right', async () => {
    const db = await seeded(openLocalDb({ memory: true }, withTags));
    const _ = db.command;
    for (const query of [{ tags: 1 }, { tags: true }, { tags: null }, { tags: _.neq('VIP') }, { tags: _.gt('A') }]) {
      expect(explainCount(db, 'people', query, withTags).exact).toBe(false);
      expect([query, await ids(db, query)]).toEqual([query, await mingoIds(db, query)]);
    }
    db.close();
  });

  it('pages an element query in the order of another index', async () => {
    const db = await seeded(openLocalDb({ memory: true }, withTags));
    const { data } = await db.collection('people').where({ tags: 'VIP' }).orderBy('rank', 'desc').limit(2).get();
    expect(data.map((d) => d._id)).toEqual(['i', 'b']);
    expect(explainQueryPlan(db, 'people', { tags: 'VIP' }, withTags).index).toBe('tags');
    db.close();
  });

  it('follows updates, removals and rolled-back transactions', async () => {
    const db = await seeded(openLocalDb({ memory: true }, withTags));
    const _ = db.command;
    const people = db.collection('people');
    await people.doc('b').update({ tags: _.push(['老客']) });
    await people.doc('a').update({ tags: ['new'] });
    await people.doc('i').remove();
    await people.doc('d').update({ tags: ['VIP'] });
    await expect(
      db.runTransaction(async (tx) => {
        await tx.collection('people').doc('c').update({ tags: ['VIP'] });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await ids(db, { tags: 'VIP' })).toEqual(['b', 'd']);
    expect(await ids(db, { tags: '老客' })).toEqual(['b', 'c']);
    expect(await ids(db, { tags: 'new' })).toEqual(['a', 'h']);
    for (const tag of ['VIP', '老客', 'new']) expect(await ids(db, { tags: tag })).toEqual(await mingoIds(db, { tags: tag }));
    db.close();
  });

  it('is built from the documents already there when it is declared on an existing file', async () => {
    const file = join(dir, 'b.sqlite');
    (await seeded(openLocalDb({ file }, plainSchema))).close();
    const db = openLocalDb({ file }, withTags);
    expect(await ids(db, { tags: 'VIP' })).toEqual(['a', 'b', 'i']);
    db.close();
    const reopened = openLocalDb({ file }, withTags);
    expect((await reopened.collection('people').where({ tags: 'VIP' }).count()).total).toBe(3);
    reopened.close();
  });

  it('must be one top-level field', () => {
    const bad = (fields: Array<{ path: string }>, extra = {}) => () =>
      openLocalDb({ memory: true }, [{ name: 'people', indexes: [{ name: 'm', fields, multikey: true, ...extra }] }]).close();
    expect(bad([{ path: 'a.b' }])).toThrow(/multikey/);
    expect(bad([{ path: 'a' }, { path: 'b' }])).toThrow(/multikey/);
    expect(bad([{ path: 'a' }], { unique: true })).toThrow(/multikey/);
  });
});
