/** Every `db.command` query operator, alone, chained, and as logic over whole queries. */
import { DbError } from '../../src/server/db';
import { openLocalDb, type LocalDb } from '../../src/server/local/db';

let db: LocalDb;
beforeEach(async () => {
  db = openLocalDb({ memory: true, now: () => 1_000_000 });
  const items = db.collection('items');
  await items.add({ _id: 'n1', n: 1, tag: 'x', nested: { v: 10 }, list: [1, 2] });
  await items.add({ _id: 'n2', n: 2, tag: 'y', nested: { v: 20 } });
  await items.add({ _id: 'n3', n: 3, tag: 'z', nested: { v: 30 }, list: [3] });
  await items.add({ _id: 'n4', n: 4, nested: { v: 40 } });
  await items.add({ _id: 'n5', n: 5, tag: null, at: 999_000 });
});
afterEach(() => db.close());

async function matching(query: Record<string, unknown> | ReturnType<LocalDb['command']['and']>): Promise<string[]> {
  const { data } = await db.collection('items').where(query).get();
  return data.map((doc) => doc._id).sort();
}

describe('comparison commands', () => {
  it('eq matches equal values (and whole objects exactly)', async () => {
    const _ = db.command;
    expect(await matching({ n: _.eq(2) })).toEqual(['n2']);
    expect(await matching({ nested: _.eq({ v: 10 }) })).toEqual(['n1']);
  });

  it('neq matches different values and documents missing the field', async () => {
    const _ = db.command;
    expect(await matching({ tag: _.neq('x') })).toEqual(['n2', 'n3', 'n4', 'n5']);
  });

  it('gt, gte, lt, lte compare numbers', async () => {
    const _ = db.command;
    expect(await matching({ n: _.gt(3) })).toEqual(['n4', 'n5']);
    expect(await matching({ n: _.gte(3) })).toEqual(['n3', 'n4', 'n5']);
    expect(await matching({ n: _.lt(2) })).toEqual(['n1']);
    expect(await matching({ n: _.lte(2) })).toEqual(['n1', 'n2']);
  });

  it('in and nin test membership (an array field matches when any element is in the list)', async () => {
    const _ = db.command;
    expect(await matching({ tag: _.in(['x', 'z']) })).toEqual(['n1', 'n3']);
    expect(await matching({ tag: _.nin(['x', 'z']) })).toEqual(['n2', 'n4', 'n5']);
    expect(await matching({ list: _.in([2]) })).toEqual(['n1']);
  });

  it('in refuses a non-array operand', async () => {
    const _ = db.command;
    await expect(db.collection('items').where({ n: _.in(2 as unknown as unknown[]) }).get()).rejects.toBeInstanceOf(DbError);
  });

  it('exists(true) needs the field, exists(false) its absence (a null value exists)', async () => {
    const _ = db.command;
    expect(await matching({ tag: _.exists(true) })).toEqual(['n1', 'n2', 'n3', 'n5']);
    expect(await matching({ tag: _.exists(false) })).toEqual(['n4']);
  });

  it('work on nested paths, both as dot paths and inside nested objects', async () => {
    const _ = db.command;
    expect(await matching({ 'nested.v': _.gte(30) })).toEqual(['n3', 'n4']);
    expect(await matching({ nested: { v: _.lt(20) } })).toEqual(['n1']);
  });
});

describe('chained field commands', () => {
  it('_.gt(a).and(_.lt(b)) is a range on one field', async () => {
    const _ = db.command;
    expect(await matching({ n: _.gt(1).and(_.lt(4)) })).toEqual(['n2', 'n3']);
  });

  it('_.lt(a).or(_.gt(b)) is either side', async () => {
    const _ = db.command;
    expect(await matching({ n: _.lt(2).or(_.gt(4)) })).toEqual(['n1', 'n5']);
  });

  it('_.and / _.or of field commands as a field value', async () => {
    const _ = db.command;
    expect(await matching({ n: _.and(_.gte(2), _.lte(3)) })).toEqual(['n2', 'n3']);
    expect(await matching({ n: _.or([_.eq(1), _.eq(5)]) })).toEqual(['n1', 'n5']);
  });
});

describe('logic commands over whole queries', () => {
  it('_.and(q1, q2) and _.and([q1, q2]) need both', async () => {
    const _ = db.command;
    expect(await matching(_.and({ n: _.gte(2) }, { tag: 'y' }))).toEqual(['n2']);
    expect(await matching(_.and([{ n: _.gte(2) }, { 'nested.v': _.lte(30) }]))).toEqual(['n2', 'n3']);
  });

  it('_.or(q1, q2) needs either, and nests', async () => {
    const _ = db.command;
    expect(await matching(_.or({ tag: 'x' }, { n: _.gt(4) }))).toEqual(['n1', 'n5']);
    expect(await matching(_.or([{ tag: 'x' }, _.and({ n: _.gt(2) }, { n: _.lt(4) })]))).toEqual(['n1', 'n3']);
  });

  it('a logic command can sit next to plain conditions in a where object', async () => {
    const _ = db.command;
    expect(await matching({ nested: { v: _.gt(10) }, n: _.or(_.eq(2), _.eq(4)) })).toEqual(['n2', 'n4']);
  });
});

describe('server dates in conditions', () => {
  it('compare as epoch ms (now + offset)', async () => {
    const _ = db.command;
    expect(await matching({ at: _.lt(db.serverDate()) })).toEqual(['n5']);
    expect(await matching({ at: _.lt(db.serverDate({ offset: -2000 })) })).toEqual([]);
  });
});
