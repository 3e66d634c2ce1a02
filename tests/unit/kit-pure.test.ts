/** The kit's pure helpers: context parsing, ids, event reading, validation, payload size. */
import * as z from 'zod';
import { manualClock } from '../../src/server/kit/clock';
import { isTimerEvent, parseEvent } from '../../src/server/kit/event';
import { newId } from '../../src/server/kit/ids';
import { openidFromContext } from '../../src/server/kit/openid';
import { jsonByteLength, MAX_EVENT_BYTES } from '../../src/server/kit/payload';
import { requestIdOf } from '../../src/server/kit/request-id';
import { validateInput } from '../../src/server/kit/validate';

describe('openidFromContext', () => {
  test.each([
    ['WX_OPENID=o-1;WX_APPID=wx9', 'o-1'],
    ['WX_APPID=wx9;WX_OPENID=o-2', 'o-2'],
    ['WX_APPID=a=b;WX_OPENID=oX=y==;TCB_ENV=e', 'oX=y=='],
    [' WX_OPENID = o-3 ;WX_APPID=wx9', 'o-3'],
    ['WX_OPENID=;WX_APPID=wx9', null],
    ['WX_APPID=wx9', null],
    ['', null],
    ['garbage-without-equals', null],
  ])('environ %j → %j', (environ, expected) => {
    expect(openidFromContext({ environ })).toBe(expected);
  });

  test('environment (JSON) wins over environ; bad JSON falls back to environ', () => {
    expect(openidFromContext({ environment: '{"WX_OPENID":"o-json"}', environ: 'WX_OPENID=o-old' })).toBe('o-json');
    expect(openidFromContext({ environment: '{"WX_APPID":"wx"}', environ: 'WX_OPENID=o-old' })).toBeNull();
    expect(openidFromContext({ environment: '{not json', environ: 'WX_OPENID=o-old' })).toBe('o-old');
  });

  test('no context, or no environ at all', () => {
    expect(openidFromContext(undefined)).toBeNull();
    expect(openidFromContext(null)).toBeNull();
    expect(openidFromContext({})).toBeNull();
    expect(openidFromContext({ environ: 42 as unknown as string })).toBeNull();
  });
});

describe('requestIdOf', () => {
  test('CloudBase request_id, then requestId, else generated and unique', () => {
    expect(requestIdOf({ request_id: 'scf-1', requestId: 'x' })).toBe('scf-1');
    expect(requestIdOf({ requestId: 'r-2' })).toBe('r-2');
    const a = requestIdOf({});
    const b = requestIdOf(undefined);
    expect(a).toMatch(/^local-[0-9a-f]{16}$/);
    expect(a).not.toBe(b);
  });
});

describe('newId', () => {
  test('prefix, time part, random part; unique; fits out_trade_no for short prefixes', () => {
    const id = newId('order', Date.UTC(2030, 0, 1));
    expect(id).toMatch(/^order_[0-9a-z]{8}[0-9a-z]{12}$/);
    expect(id.length).toBeLessThanOrEqual(32);
    const ids = new Set(Array.from({ length: 2000 }, () => newId('x')));
    expect(ids.size).toBe(2000);
  });

  test('ids made later sort after earlier ones', () => {
    expect(newId('o', 1_000_000) < newId('o', 2_000_000)).toBe(true);
  });

  test('rejects a prefix that could not be an id part', () => {
    expect(() => newId('')).toThrow();
    expect(() => newId('a_b')).toThrow();
  });
});

describe('manualClock', () => {
  test('moves only when told', () => {
    const clock = manualClock(1000);
    expect(clock()).toBe(1000);
    clock.advance(500);
    expect(clock()).toBe(1500);
    clock.set(10);
    expect(clock()).toBe(10);
  });
});

describe('parseEvent', () => {
  test('a call: action and data, data defaulting to {}', () => {
    expect(parseEvent({ action: 'ping', data: { a: 1 } }, true)).toEqual({ kind: 'call', action: 'ping', data: { a: 1 } });
    expect(parseEvent({ action: 'ping' }, true)).toEqual({ kind: 'call', action: 'ping', data: {} });
  });

  test.each([null, 'ping', 42, [], undefined])('not an object (%j) is invalid', (event) => {
    expect(parseEvent(event, true).kind).toBe('invalid');
  });

  test.each([{}, { action: 1 }, { action: '' }, { data: {} }])('no string action (%j) is invalid', (event) => {
    expect(parseEvent(event, true).kind).toBe('invalid');
  });

  test('a timer event counts only without an openid; Type Timer or timer', () => {
    const timer = { Type: 'Timer', TriggerName: 'heartbeat', Time: '2030-01-01T00:00:00Z' };
    expect(parseEvent(timer, false)).toEqual({ kind: 'timer', action: 'heartbeat', data: {} });
    expect(parseEvent({ ...timer, Type: 'timer' }, false)).toMatchObject({ kind: 'timer' });
    expect(parseEvent(timer, true).kind).toBe('invalid');
    expect(isTimerEvent({ Type: 'Timer' })).toBe(false);
    expect(isTimerEvent({ Type: 'Cron', TriggerName: 'x' })).toBe(false);
  });
});

describe('validateInput', () => {
  const schema = z.object({
    items: z.array(z.object({ skuId: z.string().min(1), quantity: z.number().int().positive() })).min(1),
    note: z.string().max(5).default(''),
    address: z.object({ phone: z.string().regex(/^\d+$/, '手机号格式不正确') }),
  });

  test('valid input is parsed, defaults applied, unknown keys stripped', async () => {
    const result = await validateInput(schema, { items: [{ skuId: 's', quantity: 1 }], address: { phone: '1' }, extra: true });
    expect(result).toEqual({ ok: true, data: { items: [{ skuId: 's', quantity: 1 }], note: '', address: { phone: '1' } } });
  });

  test('failures list dotted paths with Chinese messages; custom messages kept', async () => {
    const result = await validateInput(schema, { items: [{ skuId: 's', quantity: 1 }, { skuId: '', quantity: 0 }], note: 'toolong', address: { phone: 'x' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fields.map((f) => f.path).sort()).toEqual(['address.phone', 'items.1.quantity', 'items.1.skuId', 'note']);
    expect(result.fields.find((f) => f.path === 'address.phone')?.message).toBe('手机号格式不正确');
    for (const field of result.fields) expect(field.message).toMatch(/[\u4e00-\u9fff]/);
  });

  test('a non-object input is one issue at the root path ""', async () => {
    const result = await validateInput(schema, 'nope');
    expect(result).toEqual({ ok: false, fields: [{ path: '', message: expect.any(String) }] });
  });

  test('async refinements are supported', async () => {
    const asyncSchema = z.string().refine(async (value) => value === 'ok', '不对');
    await expect(validateInput(asyncSchema, 'ok')).resolves.toEqual({ ok: true, data: 'ok' });
    await expect(validateInput(asyncSchema, 'no')).resolves.toEqual({ ok: false, fields: [{ path: '', message: '不对' }] });
  });
});

describe('jsonByteLength', () => {
  test('UTF-8 bytes of the JSON text; null when it cannot be serialised', () => {
    expect(jsonByteLength({ a: '中' })).toBe(JSON.stringify({ a: '中' }).length + 2);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(jsonByteLength(cyclic)).toBeNull();
    expect(jsonByteLength({ n: BigInt(1) })).toBeNull();
    expect(MAX_EVENT_BYTES).toBe(102400);
  });
});
