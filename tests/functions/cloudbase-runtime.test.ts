/**
 * The production runtime over the real @cloudbase/node-sdk, with only its
 * network layer replaced: the SDK's database requester (`send(api, params)`)
 * is stubbed, so these tests check what our wrapper makes the SDK send and
 * how CloudBase's answers come back through our `Db` interface.
 */
import * as tcb from '@cloudbase/node-sdk';
import { DbError } from '../../src/server/db';
import { cloudbaseOpenid, createCloudbaseRuntime } from '../../src/server/cloudbase/runtime';
import type { Runtime } from '../../src/server/kit/types';

interface SentRequest {
  api: string;
  params: Record<string, unknown>;
}
type Responder = (request: SentRequest) => unknown;

// The class @cloudbase/node-sdk installs as the database's request class (`Db.reqClass`).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { TcbDBApiHttpRequester } = require('@cloudbase/node-sdk/dist/utils/tcbdbapirequester') as {
  TcbDBApiHttpRequester: { prototype: { send(api: string, params?: unknown): Promise<unknown> } };
};

let sent: SentRequest[] = [];
let respond: Responder = () => ({ requestId: 'r' });
let sendSpy: jest.SpyInstance;
let runtime: Runtime;

beforeAll(() => {
  // Tells the SDK it runs on Tencent Cloud so init's platform probe makes no network lookup.
  process.env.TENCENTCLOUD = 'true';
});

beforeEach(() => {
  sent = [];
  respond = () => ({ requestId: 'r' });
  sendSpy = jest.spyOn(TcbDBApiHttpRequester.prototype, 'send').mockImplementation(async (api, params) => {
    const request = { api, params: (params ?? {}) as Record<string, unknown> };
    sent.push(request);
    const answer = respond(request);
    if (answer instanceof Error) throw answer;
    return answer;
  });
  runtime = createCloudbaseRuntime(tcb.init({ env: 'siyu-test' }));
});

afterEach(() => sendSpy.mockRestore());

/** The SDK sends queries and updates as canonical EJSON strings; numbers read back as plain numbers. */
function wire(text: unknown): unknown {
  return relaxNumbers(JSON.parse(String(text)));
}
function relaxNumbers(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(relaxNumbers);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of ['$numberInt', '$numberDouble', '$numberLong']) {
      if (key in record && Object.keys(record).length === 1) return Number(record[key]);
    }
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, relaxNumbers(v)]));
  }
  return value;
}
const docs = (...list: object[]) => ({ requestId: 'r', data: { list: list.map((d) => JSON.stringify(d)) } });

describe('queries', () => {
  test('where/orderBy/skip/limit/field → one getDocument request; answers { data }', async () => {
    respond = () => docs({ _id: 'sku1', stock: 5 }, { _id: 'sku2', stock: 3 });
    const _ = runtime.db.command;
    const result = await runtime.db
      .collection('skus')
      .where({ productId: 'p1', stock: _.gte(2) })
      .orderBy('stock', 'desc')
      .skip(10)
      .limit(20)
      .field({ stock: true })
      .get();

    expect(result).toEqual({ data: [{ _id: 'sku1', stock: 5 }, { _id: 'sku2', stock: 3 }] });
    expect(sent).toHaveLength(1);
    const [{ api, params }] = sent;
    expect(api).toBe('database.getDocument');
    expect(params.collectionName).toBe('skus');
    expect(wire(params.query)).toEqual({ productId: 'p1', stock: { $gte: 2 } });
    expect(wire(params.order)).toEqual({ stock: -1 });
    expect(params).toMatchObject({ offset: 10, limit: 20 });
    expect(wire(params.projection)).toEqual({ stock: 1 });
  });

  test('count → calculateDocument; answers { total }', async () => {
    respond = () => ({ requestId: 'r', data: { total: 42 } });
    await expect(runtime.db.collection('orders').where({ status: 'paid' }).count()).resolves.toEqual({ total: 42 });
    expect(sent[0].api).toBe('database.calculateDocument');
    expect(wire(sent[0].params.query)).toEqual({ status: 'paid' });
  });

  test('conditional update → modifyDocument with the query and operators; answers { updated }', async () => {
    respond = () => ({ requestId: 'r', data: { updated: 1 } });
    const db = runtime.db;
    const _ = db.command;
    const result = await db
      .collection('skus')
      .where({ _id: 'sku1', stock: _.gte(2) })
      .update({ stock: _.inc(-2), sold: _.inc(2), updatedAt: db.serverDate(), meta: { by: 'u1' } });

    expect(result).toEqual({ updated: 1 });
    const { api, params } = sent[0];
    expect(api).toBe('database.modifyDocument');
    expect(params).toMatchObject({ collectionName: 'skus', queryType: 'WHERE', multi: true, merge: true, upsert: false });
    expect(wire(params.query)).toEqual({ _id: 'sku1', stock: { $gte: 2 } });
    expect(wire(params.data)).toEqual({
      $inc: { stock: -2, sold: 2 },
      $set: { updatedAt: { $tcb_server_date: { offset: 0 } }, 'meta.by': 'u1' },
    });
  });

  test('logic commands pass through: where(_.or([...]))', async () => {
    respond = () => docs();
    const _ = runtime.db.command;
    await runtime.db.collection('orders').where(_.or([{ status: 'paid' }, { status: 'shipped' }])).get();
    expect(wire(sent[0].params.query)).toEqual({ $or: [{ status: 'paid' }, { status: 'shipped' }] });
  });

  test('remove and updateAndReturn map deleted / updated + doc', async () => {
    respond = ({ api }) =>
      api === 'database.removeDocument'
        ? { requestId: 'r', data: { deleted: 3 } }
        : { requestId: 'r', data: { updated: 1, doc: JSON.stringify({ _id: 'c1', n: 2 }) } };
    const _ = runtime.db.command;
    await expect(runtime.db.collection('carts').where({ openid: 'o1' }).remove()).resolves.toEqual({ deleted: 3 });
    await expect(runtime.db.collection('counters').where({ _id: 'c1' }).updateAndReturn({ n: _.inc(1) })).resolves.toEqual({
      updated: 1,
      doc: { _id: 'c1', n: 2 },
    });
    expect(sent.map((s) => s.api)).toEqual(['database.removeDocument', 'database.modifyAndReturnDoc']);
  });
});

describe('documents', () => {
  test('add → insertDocument; answers { id }', async () => {
    respond = () => ({ requestId: 'r', data: { insertedIds: ['order_1'] } });
    await expect(runtime.db.collection('orders').add({ _id: 'order_1', total: 100 })).resolves.toEqual({ id: 'order_1' });
    expect(sent[0].api).toBe('database.insertDocument');
    expect(sent[0].params.collectionName).toBe('orders');
    expect((sent[0].params.data as string[]).map(wire)).toEqual([{ _id: 'order_1', total: 100 }]);
  });

  test('doc(id).get outside a transaction answers a list', async () => {
    respond = () => docs({ _id: 'm1', points: 10 });
    const doc = runtime.db.collection('members').doc('m1');
    expect(doc.id).toBe('m1');
    await expect(doc.get()).resolves.toEqual({ data: [{ _id: 'm1', points: 10 }] });
    expect(sent[0].params).toMatchObject({ collectionName: 'members', queryType: 'DOC', multi: false });
    expect(wire(sent[0].params.query)).toEqual({ _id: 'm1' });
  });

  test('doc(id).set upserts and reports upsertedId; update and remove report counts', async () => {
    respond = ({ api, params }) => {
      if (api === 'database.removeDocument') return { requestId: 'r', data: { deleted: 1 } };
      return params.upsert ? { requestId: 'r', data: { updated: 0, upsert_id: 'hb' } } : { requestId: 'r', data: { updated: 1 } };
    };
    const doc = runtime.db.collection('system_heartbeats').doc('hb');
    await expect(doc.set({ lastRunAt: 5 })).resolves.toEqual({ updated: 0, upsertedId: 'hb' });
    expect(sent[0].params).toMatchObject({ upsert: true, merge: false, multi: false });
    expect(wire(sent[0].params.data)).toEqual({ lastRunAt: 5 });
    await expect(doc.update({ lastRunAt: 6 })).resolves.toEqual({ updated: 1 });
    await expect(doc.remove()).resolves.toEqual({ deleted: 1 });
  });
});

describe('failures become DbError', () => {
  test('an answer carrying { code, message } (throwOnCode false)', async () => {
    respond = () => ({ requestId: 'r', code: 'DATABASE_PERMISSION_DENIED', message: 'permission denied' });
    const failure = runtime.db.collection('orders').where({ a: 1 }).get();
    await expect(failure).rejects.toBeInstanceOf(DbError);
    await expect(runtime.db.collection('orders').doc('x').update({ a: 1 })).rejects.toMatchObject({
      code: 'DATABASE_PERMISSION_DENIED',
      message: 'permission denied',
    });
  });

  test('a thrown SDK error keeps its code; one without a code is DATABASE_REQUEST_FAILED', async () => {
    respond = () => Object.assign(new Error('duplicate key'), { code: 'DATABASE_DUPLICATE_WRITE' });
    await expect(runtime.db.collection('orders').add({ _id: 'o1' })).rejects.toMatchObject({
      name: 'DbError',
      code: 'DATABASE_DUPLICATE_WRITE',
    });
    respond = () => new Error('socket hang up');
    await expect(runtime.db.collection('orders').count()).rejects.toMatchObject({
      name: 'DbError',
      code: 'DATABASE_REQUEST_FAILED',
      message: 'socket hang up',
    });
  });
});

describe('transactions', () => {
  const transactionResponder: Responder = ({ api, params }) => {
    switch (api) {
      case 'database.startTransaction':
        return { requestId: 'r', transactionId: 'tx-1' };
      case 'database.getDocument':
        return docs({ _id: 'sku1', stock: 4 });
      case 'database.modifyDocument':
        return params.upsert
          ? { requestId: 'r', data: { updated: 0, upsert_id: 'log1' } }
          : { requestId: 'r', data: { updated: 1 } };
      case 'database.insertDocument':
        return { requestId: 'r', data: { insertedIds: ['n1'] } };
      default:
        return { requestId: 'r' };
    }
  };

  test('runTransaction: single-document operations carry the transaction id; commit; result returned', async () => {
    respond = transactionResponder;
    const result = await runtime.db.runTransaction(async (tx) => {
      const sku = await tx.collection<{ stock: number }>('skus').doc('sku1').get();
      await tx.collection('skus').doc('sku1').update({ stock: runtime.db.command.inc(-1) });
      const set = await tx.collection('stock_log').doc('log1').set({ q: 1 });
      const added = await tx.collection('outbox').add({ kind: 'paid' });
      return { stock: sku.data?.stock, set, added };
    });

    expect(result).toEqual({ stock: 4, set: { updated: 0, upsertedId: 'log1' }, added: { id: 'n1' } });
    expect(sent.map((s) => s.api)).toEqual([
      'database.startTransaction',
      'database.getDocument',
      'database.modifyDocument',
      'database.modifyDocument',
      'database.insertDocument',
      'database.commitTransaction',
    ]);
    for (const request of sent.slice(1)) expect(request.params.transactionId).toBe('tx-1');
  });

  test('a business error thrown in the callback aborts and reaches the caller unchanged', async () => {
    respond = transactionResponder;
    const outOfStock = Object.assign(new Error('库存不足'), { code: 'OUT_OF_STOCK' });
    await expect(
      runtime.db.runTransaction(async () => {
        throw outOfStock;
      }),
    ).rejects.toBe(outOfStock);
    expect(sent.map((s) => s.api)).toEqual(['database.startTransaction', 'database.abortTransaction']);
  });

  test('rollback(reason) rejects runTransaction with that reason', async () => {
    respond = transactionResponder;
    await expect(
      runtime.db.runTransaction(async (tx) => {
        await tx.rollback('not enough points');
        return 'unreached';
      }),
    ).rejects.toBe('not enough points');
    expect(sent.map((s) => s.api)).toEqual(['database.startTransaction', 'database.abortTransaction']);
  });

  test('a conflict makes the SDK run the callback again; the SDK’s own failure is a DbError', async () => {
    let commits = 0;
    respond = (request) => {
      if (request.api === 'database.commitTransaction' && ++commits === 1) {
        return { requestId: 'r', code: 'DATABASE_TRANSACTION_CONFLICT', message: 'conflict' };
      }
      return transactionResponder(request);
    };
    let runs = 0;
    await expect(runtime.db.runTransaction(async () => ++runs)).resolves.toBe(2);
    expect(runs).toBe(2);

    respond = () => ({ requestId: 'r', code: 'DATABASE_TRANSACTION_FAIL', message: 'cannot start' });
    await expect(runtime.db.runTransaction(async () => 1)).rejects.toMatchObject({ name: 'DbError', code: 'DATABASE_TRANSACTION_FAIL' });
  });

  test('startTransaction gives a manual transaction that commits', async () => {
    respond = transactionResponder;
    const tx = await runtime.db.startTransaction();
    await expect(tx.collection('skus').doc('sku1').get()).resolves.toEqual({ data: { _id: 'sku1', stock: 4 } });
    await tx.commit();
    expect(sent.map((s) => s.api)).toEqual(['database.startTransaction', 'database.getDocument', 'database.commitTransaction']);
  });
});

describe('openid from the CloudBase context', () => {
  test('environ (older runtimes) and environment (JSON, newer runtimes)', () => {
    expect(cloudbaseOpenid({ environ: 'WX_OPENID=o-abc;WX_APPID=wx1;WX_UNIONID=' })).toBe('o-abc');
    expect(cloudbaseOpenid({ environment: JSON.stringify({ WX_OPENID: 'o-new', WX_APPID: 'wx1' }) })).toBe('o-new');
    expect(runtime.openidOf({ environ: 'WX_APPID=wx1;WX_OPENID=o-2' })).toBe('o-2');
  });

  test('no openid: an empty value, a context without environ, a timer context', () => {
    expect(cloudbaseOpenid({ environ: 'WX_OPENID=;WX_APPID=wx1' })).toBeNull();
    expect(cloudbaseOpenid({})).toBeNull();
    expect(cloudbaseOpenid({ request_id: 'r1', function_name: 'system', environ: 'TCB_ENV=e;SCF_NAMESPACE=e' })).toBeNull();
  });

  test('without an app, the runtime initialises the SDK for the current env on first database use', async () => {
    const lazy = createCloudbaseRuntime();
    expect(lazy.name).toBe('cloudbase');
    expect(lazy.openidOf({ environ: 'WX_OPENID=o-9' })).toBe('o-9');
    expect(sent).toHaveLength(0);
    respond = () => ({ requestId: 'r', data: { total: 1 } });
    await expect(lazy.db.collection('roles').count()).resolves.toEqual({ total: 1 });
    expect(lazy.db).toBe(lazy.db);
    expect(sent.map((s) => s.api)).toEqual(['database.calculateDocument']);
  });
});
