/** createFunction: every envelope branch, with the local engine as the database. */
import * as z from 'zod';
import { AppError } from '../../src/core/errors';
import { DbError } from '../../src/server/db';
import { createFunction, defineRoute, installRuntime, MAX_EVENT_BYTES, type ActionContext, type Routes } from '../../src/server/kit';
import { createTestRuntime, START_MS, timerContext, wxContext, type TestRuntime } from './support/test-runtime';

let runtime: TestRuntime;
let seen: Array<{ input: unknown; ctx: ActionContext }>;

const routes = {
  echo: defineRoute({
    schema: z.object({
      name: z.string().min(1),
      items: z.array(z.object({ skuId: z.string(), quantity: z.number().int().min(1) })).default([]),
      note: z.string().default('无'),
    }),
    roles: ['customer'],
    handler: async (input, ctx) => {
      seen.push({ input, ctx });
      return { hello: input.name, at: ctx.now() };
    },
  }),
  nothing: defineRoute({ schema: z.object({}), roles: ['customer'], handler: async () => undefined }),
  blob: defineRoute({ schema: z.object({ s: z.string() }), roles: ['customer'], handler: async (input) => input.s.length }),
  outOfStock: defineRoute({
    schema: z.object({}),
    roles: ['customer'],
    handler: async () => {
      throw new AppError('OUT_OF_STOCK', '库存不足', { skuId: 'sku-1', remaining: 0 });
    },
  }),
  notFound: defineRoute({
    schema: z.object({}),
    roles: ['customer'],
    handler: async () => {
      throw new AppError('ORDER_NOT_FOUND', '订单不存在');
    },
  }),
  crash: defineRoute({
    schema: z.object({}),
    roles: ['customer'],
    handler: async () => {
      throw new TypeError('Cannot read properties of undefined (reading secretField)');
    },
  }),
  crashWithString: defineRoute({
    schema: z.object({}),
    roles: ['customer'],
    handler: async () => {
      throw 'plain string thrown';
    },
  }),
  conflicted: defineRoute({
    schema: z.object({}),
    roles: ['customer'],
    handler: async () => {
      throw new DbError('DATABASE_TRANSACTION_CONFLICT', 'conflict after 3 re-runs');
    },
  }),
  crashInDb: defineRoute({
    schema: z.object({}),
    roles: ['customer'],
    handler: async () => {
      throw new DbError('DATABASE_REQUEST_FAILED', 'connection reset');
    },
  }),
  sweep: defineRoute({
    schema: z.object({ batch: z.number().default(50) }),
    roles: ['system'],
    handler: async (input, ctx) => {
      seen.push({ input, ctx });
      return { swept: 0, batch: input.batch };
    },
  }),
} satisfies Routes;

const main = createFunction(routes);
const alice = wxContext('o-alice', 'req-alice-1');

beforeEach(() => {
  runtime = createTestRuntime();
  installRuntime(runtime);
  seen = [];
});
afterEach(() => runtime.db.close());

describe('success', () => {
  test('{ ok: true, data } with the handler result; input parsed with defaults; context filled', async () => {
    await expect(main({ action: 'echo', data: { name: '小明', extra: 'dropped' } }, alice)).resolves.toEqual({
      ok: true,
      data: { hello: '小明', at: START_MS },
    });
    expect(seen).toHaveLength(1);
    const [{ input, ctx }] = seen;
    expect(input).toEqual({ name: '小明', items: [], note: '无' });
    expect(ctx.requestId).toBe('req-alice-1');
    expect(ctx.caller).toEqual({ openid: 'o-alice', roles: ['customer'], staffStoreIds: [] });
    expect(ctx.db).toBe(runtime.db);
    expect(ctx.runtime).toBe(runtime);
    runtime.clock.advance(1000);
    expect(ctx.now()).toBe(START_MS + 1000);
  });

  test('a handler answering nothing gives data null (the envelope always has data)', async () => {
    await expect(main({ action: 'nothing' }, alice)).resolves.toEqual({ ok: true, data: null });
  });

  test('ctx.log adds the request id and action', async () => {
    const logged = createFunction({
      hi: defineRoute({
        schema: z.object({}),
        roles: ['customer'],
        handler: async (_input, ctx) => ctx.log.info('said hi', { n: 1 }),
      }),
    });
    await logged({ action: 'hi' }, alice);
    expect(runtime.logs).toEqual([{ level: 'info', message: 'said hi', fields: { requestId: 'req-alice-1', action: 'hi', n: 1 } }]);
  });
});

describe('INVALID_ARGUMENT', () => {
  test.each([['a string', 'echo'], ['null', null], ['an array', [{ action: 'echo' }]], ['a number', 7]])(
    'the event is %s',
    async (_what, event) => {
      const answer = await main(event, alice);
      expect(answer).toEqual({ ok: false, error: { code: 'INVALID_ARGUMENT', message: expect.stringMatching(/[\u4e00-\u9fff]/) } });
    },
  );

  test.each([{}, { action: 42 }, { action: '' }, { data: { name: 'x' } }])('action missing or not a string: %j', async (event) => {
    await expect(main(event, alice)).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  test('data failing the schema lists each field by dotted path; the handler does not run', async () => {
    const answer = await main(
      { action: 'echo', data: { name: '', items: [{ skuId: 's1', quantity: 1 }, { skuId: 9, quantity: 0 }] } },
      alice,
    );
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe('INVALID_ARGUMENT');
    const fields = answer.error.details?.fields as Array<{ path: string; message: string }>;
    expect(fields.map((f) => f.path).sort()).toEqual(['items.1.quantity', 'items.1.skuId', 'name']);
    for (const field of fields) expect(typeof field.message).toBe('string');
    expect(seen).toHaveLength(0);
  });

  test('data that is not an object is one root issue (path "")', async () => {
    const answer = await main({ action: 'echo', data: 'name' }, alice);
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', details: { fields: [{ path: '' }] } } });
  });
});

describe('UNKNOWN_ACTION', () => {
  test('names only what the caller sent, never the actions that exist', async () => {
    const answer = await main({ action: 'dropTables' }, alice);
    expect(answer).toEqual({ ok: false, error: { code: 'UNKNOWN_ACTION', message: expect.stringContaining('dropTables') } });
    const text = JSON.stringify(answer);
    for (const name of Object.keys(routes)) expect(text).not.toContain(name);
  });

  test.each(['toString', 'constructor', '__proto__', 'hasOwnProperty'])('object built-ins are not actions: %s', async (action) => {
    await expect(main({ action }, alice)).resolves.toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } });
  });

  test('a very long action name is cut in the message', async () => {
    const answer = await main({ action: 'x'.repeat(5000) }, alice);
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.message.length).toBeLessThan(120);
  });
});

describe('UNAUTHENTICATED', () => {
  test.each([
    ['no context', undefined],
    ['an empty context', {}],
    ['an environ without WX_OPENID', { environ: 'WX_APPID=wx;TCB_ENV=e' }],
    ['an empty WX_OPENID', { environ: 'WX_OPENID=;WX_APPID=wx' }],
  ])('%s', async (_what, context) => {
    await expect(main({ action: 'echo', data: { name: 'x' } }, context)).resolves.toEqual({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: expect.any(String) },
    });
    expect(seen).toHaveLength(0);
  });

  test('comes before UNKNOWN_ACTION: an anonymous caller learns nothing about actions', async () => {
    await expect(main({ action: 'nope' }, {})).resolves.toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('timer events run as system', () => {
  const timer = { Type: 'Timer', TriggerName: 'sweep', Time: '2030-01-01T08:00:00Z' };

  test('the trigger name is the action; the caller is system; data defaults apply', async () => {
    await expect(main(timer, timerContext('req-t1'))).resolves.toEqual({ ok: true, data: { swept: 0, batch: 50 } });
    expect(seen[0].ctx.caller).toEqual({ openid: null, roles: ['system'], staffStoreIds: [] });
    expect(seen[0].ctx.requestId).toBe('req-t1');
  });

  test('lower-case Type "timer" too', async () => {
    await expect(main({ ...timer, Type: 'timer' }, timerContext())).resolves.toMatchObject({ ok: true });
  });

  test('a signed-in caller cannot pose as a timer', async () => {
    await expect(main(timer, alice)).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    await expect(main({ ...timer, action: 'sweep' }, alice)).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(seen).toHaveLength(0);
  });

  test('a timer firing an unknown trigger, or a customer action, is refused', async () => {
    await expect(main({ ...timer, TriggerName: 'nope' }, timerContext())).resolves.toMatchObject({ error: { code: 'UNKNOWN_ACTION' } });
    await expect(main({ ...timer, TriggerName: 'echo' }, timerContext())).resolves.toMatchObject({ error: { code: 'FORBIDDEN' } });
  });

  test('a timer-shaped event without a trigger name is no timer and has no action', async () => {
    await expect(main({ Type: 'Timer' }, timerContext())).resolves.toMatchObject({ error: { code: 'INVALID_ARGUMENT' } });
  });
});

describe('AppError → its code, message and details', () => {
  test('with details', async () => {
    await expect(main({ action: 'outOfStock' }, alice)).resolves.toEqual({
      ok: false,
      error: { code: 'OUT_OF_STOCK', message: '库存不足', details: { skuId: 'sku-1', remaining: 0 } },
    });
  });

  test('without details there is no details key', async () => {
    const answer = await main({ action: 'notFound' }, alice);
    expect(answer).toEqual({ ok: false, error: { code: 'ORDER_NOT_FOUND', message: '订单不存在' } });
    expect(answer.ok === false && 'details' in answer.error).toBe(false);
  });

  test('business errors are not logged as crashes', async () => {
    await main({ action: 'outOfStock' }, alice);
    expect(runtime.logs.filter((l) => l.level === 'error')).toEqual([]);
  });
});

describe('INTERNAL', () => {
  test('a crash answers a Chinese message and the request id, no stack, no internals; the log has both', async () => {
    const answer = await main({ action: 'crash' }, alice);
    expect(answer).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringMatching(/[\u4e00-\u9fff]/), requestId: 'req-alice-1' },
    });
    const text = JSON.stringify(answer);
    expect(text).not.toMatch(/secretField|TypeError|at .*\.ts|stack/);

    const errors = runtime.logs.filter((l) => l.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0].fields).toMatchObject({
      requestId: 'req-alice-1',
      action: 'crash',
      errorName: 'TypeError',
      errorMessage: expect.stringContaining('secretField'),
      stack: expect.stringContaining('TypeError'),
    });
  });

  test('without a request id from CloudBase one is generated, the same in the answer and the log', async () => {
    const answer = await main({ action: 'crash' }, { environ: 'WX_OPENID=o-bob' });
    expect(answer.ok).toBe(false);
    const requestId = answer.ok ? undefined : answer.error.requestId;
    expect(requestId).toMatch(/\S{8,}/);
    expect(runtime.logs.find((l) => l.level === 'error')?.fields.requestId).toBe(requestId);
  });

  test('a thrown non-Error and a database error are INTERNAL too', async () => {
    await expect(main({ action: 'crashWithString' }, alice)).resolves.toMatchObject({ error: { code: 'INTERNAL' } });
    await expect(main({ action: 'crashInDb' }, alice)).resolves.toMatchObject({ error: { code: 'INTERNAL' } });
    const errors = runtime.logs.filter((l) => l.level === 'error');
    expect(errors[0].fields).toMatchObject({ thrown: 'plain string thrown' });
    expect(errors[1].fields).toMatchObject({ errorName: 'DbError', errorCode: 'DATABASE_REQUEST_FAILED' });
  });

  test('a transaction that still conflicts after its re-runs answers BUSY (retryable), not INTERNAL', async () => {
    await expect(main({ action: 'conflicted' }, alice)).resolves.toEqual({
      ok: false,
      error: { code: 'BUSY', message: '当前访问人数较多，请稍后重试' },
    });
    expect(runtime.logs.filter((l) => l.level === 'error')).toHaveLength(0);
  });

  test('a failing roles read is INTERNAL, not a refusal', async () => {
    const down = new DbError('DATABASE_REQUEST_FAILED', 'database unreachable');
    const failingDb = new Proxy(runtime.db, {
      get: (target, property) =>
        property === 'collection' ? () => ({ doc: () => ({ get: () => Promise.reject(down) }) }) : Reflect.get(target, property, target),
    });
    installRuntime({ ...runtime, db: failingDb });
    await expect(main({ action: 'echo', data: { name: 'x' } }, alice)).resolves.toMatchObject({ error: { code: 'INTERNAL' } });
    expect(seen).toHaveLength(0);
    expect(runtime.logs.find((l) => l.level === 'error')?.fields).toMatchObject({ action: 'echo', errorMessage: 'database unreachable' });
  });
});

describe('PAYLOAD_TOO_LARGE', () => {
  const eventOfBytes = (bytes: number) => {
    const overhead = JSON.stringify({ action: 'blob', data: { s: '' } }).length;
    return { action: 'blob', data: { s: 'x'.repeat(bytes - overhead) } };
  };

  test('an event of exactly 100 KB passes; one byte more is refused before anything runs', async () => {
    await expect(main(eventOfBytes(MAX_EVENT_BYTES), alice)).resolves.toMatchObject({ ok: true });
    const answer = await main(eventOfBytes(MAX_EVENT_BYTES + 1), alice);
    expect(answer).toEqual({
      ok: false,
      error: { code: 'PAYLOAD_TOO_LARGE', message: expect.any(String), details: { bytes: MAX_EVENT_BYTES + 1, limit: MAX_EVENT_BYTES } },
    });
  });

  test('sizes are UTF-8 bytes: 40,000 Chinese characters (~117 KB) are too large', async () => {
    await expect(main({ action: 'blob', data: { s: '中'.repeat(40_000) } }, alice)).resolves.toMatchObject({
      error: { code: 'PAYLOAD_TOO_LARGE' },
    });
  });

  test('checked first, even for anonymous calls', async () => {
    await expect(main(eventOfBytes(MAX_EVENT_BYTES + 10), {})).resolves.toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
  });
});
