/**
 * Counts and pages decided in SQL alone (sql-prefilter.ts `exact`): a query
 * made only of string equality / `$in` on indexed paths is counted by
 * SQLite's COUNT(*) from a covering index and paged with LIMIT/OFFSET, and
 * must answer exactly what mingo would, on every kind of value a document
 * can hold there; anything SQL cannot decide exactly still goes through mingo.
 */
import { openLocalDb, type LocalDb } from '../../src/server/local/db';
import { explainCount, explainQueryPlan } from '../../src/server/local/db/explain';

const testSchema = [
  {
    name: 'things',
    indexes: [
      { name: 'kind_rank', fields: [{ path: 'kind' }, { path: 'rank', order: 'desc' as const }] },
      { name: 'owner_id', fields: [{ path: 'owner.id' }] },
      { name: 'tag', fields: [{ path: 'tag' }] },
      { name: 'n', fields: [{ path: 'n' }] },
    ],
  },
];

let db: LocalDb;
beforeEach(() => {
  db = openLocalDb({ memory: true }, testSchema);
});
afterEach(() => db.close());

const things = () => db.collection('things');

/** What mingo answers: the same query over every document, read through a non-indexed copy. */
async function mingoCount(query: Record<string, unknown>): Promise<number> {
  const plain = openLocalDb({ memory: true }, []);
  try {
    const { data } = await things().limit(1000).get();
    for (const { _id, ...doc } of data as Array<{ _id: string }>) await plain.collection('things').doc(_id).set(doc);
    return (await plain.collection('things').where(query).count()).total;
  } finally {
    plain.close();
  }
}

describe('exact counts in SQL', () => {
  beforeEach(async () => {
    const docs: Array<Record<string, unknown>> = [
      { _id: 'a', kind: 'x', rank: 1, owner: { id: 'o1' }, n: 1 },
      { _id: 'b', kind: 'x', rank: 2, owner: { id: 'o2' }, n: true },
      { _id: 'c', kind: 'y', rank: 3, owner: null, n: 0 },
      { _id: 'd', kind: { a: 1 }, rank: 4, n: false },
      { _id: 'e', kind: '{"a":1}', rank: 5 },
      { _id: 'f', rank: 6 },
      { _id: 'g', kind: 5, rank: 7 },
      { _id: 'h', kind: '5', rank: 8 },
      { _id: 'i', kind: 'x', rank: 9, owner: { id: 'o1' } },
    ];
    for (const { _id, ...doc } of docs) await things().doc(_id as string).set(doc);
  });

  it.each([
    [{ kind: 'x' }, 3, true],
    [{ kind: 'y' }, 1, true],
    [{ kind: '5' }, 1, true],
    [{ 'owner.id': 'o1' }, 2, true],
    // Two indexes: SQLite searches one and reads the rows for the other field, still without mingo.
    [{ kind: 'x', 'owner.id': 'o1' }, 2, false],
    [{ _id: 'a' }, 1, true],
  ])('counts %j in SQL, as mingo would (%i)', async (query, expected, covered) => {
    const plan = explainCount(db, 'things', query, testSchema);
    expect(plan.exact).toBe(true);
    if (covered) expect(plan.plan).toEqual([expect.stringMatching(/COVERING INDEX|PRIMARY KEY/)]);
    expect((await things().where(query).count()).total).toBe(expected);
    expect(await mingoCount(query)).toBe(expected);
  });

  it('counts `in` and `and` of strings exactly', async () => {
    const _ = db.command;
    expect((await things().where({ kind: _.in(['x', 'y']) }).count()).total).toBe(4);
    expect((await things().where(_.and([{ kind: 'x' }, { 'owner.id': _.eq('o2') }])).count()).total).toBe(1);
    expect(explainCount(db, 'things', { kind: _.in(['x', 'y']) }, testSchema).exact).toBe(true);
  });

  it('counts numbers and ranges in SQL behind a type guard: true is not 1, an object is not a string inside string bounds', async () => {
    const _ = db.command;
    const cases: Array<[Record<string, unknown>, number]> = [
      [{ n: 1 }, 1], // json_extract reads true as 1: the guard keeps numbers only
      [{ n: 0 }, 1],
      [{ kind: 5 }, 1], // not the string '5'
      [{ rank: _.gt(4) }, 5],
      [{ rank: _.gte(2).and(_.lt(5)) }, 3],
      [{ n: _.gte(0).and(_.lte(1)) }, 2], // 1 and 0, not true or false
      [{ kind: _.gte('x') }, 5], // 'x' ×3, 'y' and the string '{"a":1}'; not the object {a: 1}
      [{ kind: _.gte('0').and(_.lt('9')) }, 1], // '5', not the number 5
      [{ kind: _.lt('{') }, 5], // the strings below '{' (not '{"a":1}'), and not the object
      [{ _id: _.gte('c').and(_.lt('f')) }, 3],
      [_.and([{ kind: 'x' }, { rank: _.lte(2) }]) as unknown as Record<string, unknown>, 2],
      [{ kind: _.gt(1).and(_.lt('z')) }, 0], // a number guard and a text guard: nothing, as in mingo
    ];
    for (const [query, expected] of cases) {
      expect([query, explainCount(db, 'things', query, testSchema).exact]).toEqual([query, true]);
      expect([query, (await things().where(query).count()).total]).toEqual([query, expected]);
      expect([query, await mingoCount(query)]).toEqual([query, expected]);
    }
  });

  it('needs no guard, and counts from the index alone, where the bounds already keep other types out', () => {
    const _ = db.command;
    // Numbers sort below any string bound, booleans read as 0/1, objects as text from '{': bounds below it exclude them.
    for (const query of [{ kind: _.gte('0').and(_.lt('9')) }, _.and([{ kind: _.gt('a') }, { kind: _.lte('z') }]), { rank: 7 }]) {
      const plan = explainCount(db, 'things', query as Record<string, unknown>, testSchema);
      expect(plan.exact).toBe(true);
      expect(plan.where).not.toContain('json_type');
      expect(plan.plan).toEqual([expect.stringMatching(/COVERING INDEX/)]);
    }
    expect(explainCount(db, 'things', { kind: _.gte('0') }, testSchema).where).toContain('json_type');
    expect(explainCount(db, 'things', { n: 1 }, testSchema).where).toContain('json_type');
  });

  it('pages a guarded range in SQL, as mingo would', async () => {
    const _ = db.command;
    const query = { kind: _.gte('0') };
    const { data } = await things().where(query).orderBy('kind', 'desc').limit(3).get();
    expect(data.map((d) => d._id)).toEqual(['e', 'c', 'a']); // '{"a":1}' is a string here
    expect(explainCount(db, 'things', query, testSchema).exact).toBe(true);
  });

  it('leaves to mingo what SQL would get wrong: booleans, strings that look like JSON objects', async () => {
    const _ = db.command;
    const cases: Array<[Record<string, unknown>, number]> = [
      [{ n: true }, 1],
      [{ kind: '{"a":1}' }, 1], // an object reads back as this JSON text
      [{ kind: _.neq('x') }, 6],
      [{ 'owner.id': null }, 6], // null and missing alike; pushed as IS NULL, decided by mingo
    ];
    for (const [query, expected] of cases) {
      expect(explainCount(db, 'things', query, testSchema).exact).toBe(false);
      expect((await things().where(query).count()).total).toBe(expected);
      expect(await mingoCount(query)).toBe(expected);
    }
  });

  it('finds `path: null` (null or missing) through the index', () => {
    expect(explainQueryPlan(db, 'things', { 'owner.id': null }, testSchema).index).toBe('owner_id');
  });

  it('stops counting in SQL on a path once a document holds an array there (multikey), and stays right', async () => {
    await things().doc('arr').set({ tag: ['p', 'q'] });
    await things().doc('one').set({ tag: 'p' });
    expect(explainCount(db, 'things', { tag: 'p' }, testSchema).exact).toBe(false);
    expect((await things().where({ tag: 'p' }).count()).total).toBe(2);
  });
});

describe('pages decided in SQL', () => {
  it('skip and limit on an index walk answer what sorting every match would', async () => {
    for (let i = 0; i < 50; i += 1) await things().doc(`t${String(i).padStart(2, '0')}`).set({ kind: i % 3 === 0 ? 'x' : 'y', rank: i % 7 });
    const { data } = await things().where({ kind: 'x' }).orderBy('rank', 'desc').skip(3).limit(5).get();
    const all = (await things().where({ kind: 'x' }).limit(1000).get()).data as Array<{ _id: string; rank: number }>;
    // rank desc, ties in insertion (natural) order.
    const expected = [...all].sort((a, b) => b.rank - a.rank || (a._id < b._id ? -1 : 1)).slice(3, 8);
    expect(data.map((d) => d._id)).toEqual(expected.map((d) => d._id));
    expect(explainQueryPlan(db, 'things', { kind: 'x' }, testSchema, [{ path: 'rank', direction: 'desc' }]).index).toBe('kind_rank');
  });

  it('a natural-order page with skip reads the same documents as before', async () => {
    for (let i = 0; i < 20; i += 1) await things().doc(`n${String(i).padStart(2, '0')}`).set({ kind: 'x' });
    const { data } = await things().where({ kind: 'x' }).skip(15).limit(10).get();
    expect(data.map((d) => d._id)).toEqual(['n15', 'n16', 'n17', 'n18', 'n19']);
  });
});

describe('prefix ranges of the pickers (`[q, q + "\\uffff")`) reach the index', () => {
  it('answer what mingo answers for ASCII, CJK and characters beyond U+FFFF, from the index', async () => {
    const names = ['ab', 'abc', 'ab\u{1F600}', 'ab\uE000', 'ab\uffff', 'ac', 'aa', '张三', '张三丰', '张四', '张\u{1F600}', '{"a":1}'];
    for (const [i, nickname] of names.entries()) await things().doc(`p${i}`).set({ kind: nickname });
    await things().doc('obj').set({ kind: { a: 1 } });
    const _ = db.command;
    for (const q of ['ab', '张三', '张', 'a']) {
      const query = { kind: _.gte(q).and(_.lt(`${q}\uffff`)) };
      const got = (await things().where(query).limit(100).get()).data.map((d) => d._id).sort();
      expect(got).toEqual([...names.entries()].filter(([, n]) => n >= q && n < `${q}\uffff`).map(([i]) => `p${i}`).sort());
      expect(explainQueryPlan(db, 'things', query, testSchema).index).toBe('kind_rank');
    }
  });
});
