import { MAX_EVENT_BYTES } from '../../src/server/kit';
import { jsonByteLength } from '../../src/server/kit/payload';
import { refusedEventCount } from '../../src/server/services/payment/callback-stats';
import { DELIVERY, newRequestId, seedShop, startBench, type Bench } from './order-harness';

/** Issue 9 item 3: payCallback refuses oversized events and stores a malformed one only as a bounded, counted summary. */
describe('payCallback limits', () => {
  let bench: Bench;
  beforeEach(async () => {
    bench = startBench();
    await seedShop(bench.db);
  });
  afterEach(() => bench.close());

  const storedBytes = async () => {
    const { data } = await bench.db.collection('payment_notifications').get();
    return data.map((doc) => jsonByteLength(doc) ?? Infinity);
  };

  it('refuses an event over the 100 KB limit every function enforces, storing nothing, and counts it', async () => {
    const huge = { returnCode: 'SUCCESS', outTradeNo: 'o_x', junk: 'x'.repeat(1024 * 1024) };
    const answer = await bench.payCallback(huge);
    expect(answer).toEqual({ errcode: 413, errmsg: 'PAYLOAD_TOO_LARGE' });
    const justOver = { hello: 'y'.repeat(MAX_EVENT_BYTES) };
    expect(await bench.payCallback(justOver)).toMatchObject({ errcode: 413 });
    expect(await bench.count('payment_notifications')).toBe(0);
    expect(await refusedEventCount(bench, 'oversize')).toBe(2);
  });

  it('stores a malformed event as a summary of at most 2 KB and counts each one', async () => {
    const junk = { hello: '世界'.repeat(10_000), ['k'.repeat(500)]: 1, nested: { deep: Array.from({ length: 1000 }, (_, i) => i) } };
    for (let i = 0; i < 3; i += 1) expect(await bench.payCallback(junk)).toEqual({ errcode: 0, errmsg: 'OK' });
    expect(await bench.payCallback('just a string')).toEqual({ errcode: 0, errmsg: 'OK' });
    expect(await bench.payCallback(Array.from({ length: 5000 }, () => '\u0000'))).toEqual({ errcode: 0, errmsg: 'OK' });

    expect(await bench.count('payment_notifications', { outcome: 'MALFORMED' })).toBe(5);
    for (const bytes of await storedBytes()) expect(bytes).toBeLessThanOrEqual(2048);
    const [first] = (await bench.db.collection<any>('payment_notifications').where({ outcome: 'MALFORMED' }).limit(1).get()).data;
    expect(first.raw).toMatchObject({ type: 'object', keyCount: 3, bytes: jsonByteLength(junk) });
    expect(await refusedEventCount(bench, 'malformed')).toBe(5);
  });

  it('keeps only WeChat’s fields of a well-formed notification, each bounded', async () => {
    const order = await bench.ok('order', 'u1', 'create', { items: [{ skuId: 'sku-tea-s', quantity: 1 }], fulfillment: DELIVERY, requestId: newRequestId() });
    const padded = { returnCode: 'FAIL', returnMsg: 'm'.repeat(5000), outTradeNo: order._id, padding: 'p'.repeat(90_000) };
    expect(await bench.payCallback(padded)).toEqual({ errcode: 0, errmsg: 'OK' });
    const [note] = (await bench.db.collection<any>('payment_notifications').where({ outTradeNo: order._id }).get()).data;
    expect(note.raw).toEqual({ returnCode: 'FAIL', returnMsg: 'm'.repeat(128), outTradeNo: order._id });
    for (const bytes of await storedBytes()) expect(bytes).toBeLessThanOrEqual(2048);
  });
});
