/** The kit's input fingerprint: the canonical input an idempotency key is bound to. */
import {
  assertSameInput,
  canonicalJson,
  IDEMPOTENCY_KEY_REUSED,
  inputFingerprint,
  reusedKeyError,
} from '../../src/server/kit/input-fingerprint';

describe('canonicalJson', () => {
  it('sorts keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: 'x' } })).toBe('{"a":{"c":"x","d":[2,1]},"b":1}');
    expect(canonicalJson({ a: { c: 'x', d: [2, 1] }, b: 1 })).toBe(canonicalJson({ b: 1, a: { d: [2, 1], c: 'x' } }));
    expect(canonicalJson([{ y: 1, x: 2 }])).toBe('[{"x":2,"y":1}]');
  });

  it('leaves undefined members out but keeps null, as JSON does', () => {
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
    expect(canonicalJson([undefined])).toBe('[null]');
    expect(canonicalJson(undefined)).toBe('null');
  });
});

describe('inputFingerprint', () => {
  const order = { items: [{ skuId: 'sku-a', quantity: 1 }], fulfillment: { type: 'delivery' }, requestId: 'req-00000001' };

  it('is the same for the same input in any key order, whatever the requestId', () => {
    const reordered = { requestId: 'req-99999999', fulfillment: { type: 'delivery' }, items: [{ quantity: 1, skuId: 'sku-a' }] };
    expect(inputFingerprint('oc', 'u1', reordered)).toBe(inputFingerprint('oc', 'u1', order));
    expect(inputFingerprint('oc', 'u1', order)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('differs with any other value, line order, caller or scope', () => {
    const base = inputFingerprint('oc', 'u1', order);
    expect(inputFingerprint('oc', 'u1', { ...order, items: [{ skuId: 'sku-a', quantity: 2 }] })).not.toBe(base);
    expect(inputFingerprint('oc', 'u1', { ...order, couponId: null })).not.toBe(base);
    expect(inputFingerprint('oc', 'u2', order)).not.toBe(base);
    expect(inputFingerprint('mr', 'u1', order)).not.toBe(base);
    expect(inputFingerprint('oc', null, order)).not.toBe(base);
    const two = { items: [{ skuId: 'a', quantity: 1 }, { skuId: 'b', quantity: 1 }] };
    expect(inputFingerprint('oc', 'u1', two)).not.toBe(inputFingerprint('oc', 'u1', { items: [...two.items].reverse() }));
  });

  it('an absent optional field and an undefined one are the same input', () => {
    expect(inputFingerprint('oc', 'u1', { ...order, couponId: undefined })).toBe(inputFingerprint('oc', 'u1', order));
  });
});

describe('reusedKeyError / assertSameInput', () => {
  it('refuses another fingerprint with IDEMPOTENCY_KEY_REUSED and a Chinese message', () => {
    const error = reusedKeyError('aaa', 'bbb');
    expect(error).toMatchObject({ code: IDEMPOTENCY_KEY_REUSED });
    expect(error!.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(error!.message).toMatch(/[\u4e00-\u9fff]/);
    expect(() => assertSameInput('aaa', 'bbb')).toThrow(expect.objectContaining({ code: 'IDEMPOTENCY_KEY_REUSED' }));
  });

  it('accepts the same fingerprint, and a record from before fingerprints (none stored)', () => {
    expect(reusedKeyError('aaa', 'aaa')).toBeNull();
    expect(reusedKeyError(undefined, 'aaa')).toBeNull();
    expect(reusedKeyError(null, 'aaa')).toBeNull();
    expect(() => assertSameInput(undefined, 'aaa')).not.toThrow();
  });
});
