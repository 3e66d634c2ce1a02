import { displayOrderNo, formatOrderNo, ORDER_NO_SHARDS, parseOrderNo, shardSequence } from '../../src/core/order/order-no';
import { allocateOrderNoInTx, ORDER_NO_COUNTERS } from '../../src/server/services/order/order-no';
import { ADDRESS, DELIVERY, newRequestId, PICKUP, START, seedShop, startBench, type Bench } from './order-harness';
import { codeOf, functionCallers } from './function-callers';
import { rid, startPromotionBench, type PromotionBench } from './promotion-harness';
import { seedTwoStores, STORE_A } from './staff-harness';

describe('order numbers (orderNo): Shanghai day + a per-day sequence from K counter shards', () => {
  let bench: Bench;
  beforeEach(async () => {
    bench = startBench();
    await seedShop(bench.db);
  });
  afterEach(() => bench.close());

  const create = (openid = 'u1') =>
    bench.ok('order', openid, 'create', { items: [{ skuId: 'sku-tea-s', quantity: 1 }], fulfillment: PICKUP, requestId: newRequestId() });

  it('gives every order a readable, unique number of its Shanghai day, shown by create, get and list', async () => {
    const orders = [];
    for (let i = 0; i < 12; i += 1) orders.push(await create(i % 2 ? 'u1' : 'u2'));
    const numbers = orders.map((o) => o.orderNo);
    // START is 2025-01-06 10:00 in Shanghai.
    for (const no of numbers) expect(no).toMatch(/^20250106-\d{4}$/);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const order of orders) expect(order.orderNo).not.toContain(order._id);
    const got = await bench.ok('order', 'u1', 'get', { orderId: orders[1]._id });
    expect(got.orderNo).toBe(orders[1].orderNo);
    const list = await bench.ok('order', 'u1', 'list', {});
    expect(list.items.map((o: { orderNo: string }) => o.orderNo).sort()).toEqual(orders.filter((_, i) => i % 2).map((o) => o.orderNo).sort());
    // The counters are per day and shard: at most K documents a day, the hot path never meets one document.
    expect(await bench.count(ORDER_NO_COUNTERS)).toBeLessThanOrEqual(ORDER_NO_SHARDS);
    expect(await bench.count(ORDER_NO_COUNTERS, { day: '20250106' })).toBeGreaterThan(0);
  });

  it('a replayed create keeps its number and takes no new one', async () => {
    const requestId = newRequestId();
    const input = { items: [{ skuId: 'sku-tea-s', quantity: 1 }], fulfillment: DELIVERY, requestId };
    const first = await bench.ok('order', 'u1', 'create', input);
    const again = await bench.ok('order', 'u1', 'create', input);
    expect(again.orderNo).toBe(first.orderNo);
    const counted = (await bench.db.collection<{ count: number }>(ORDER_NO_COUNTERS).where({}).get()).data.reduce((n, d) => n + d.count, 0);
    expect(counted).toBe(1);
  });

  it('concurrent orders never share a number', async () => {
    const orders = await Promise.all(Array.from({ length: 20 }, (_, i) => create(`u${i}`)));
    expect(new Set(orders.map((o) => o.orderNo)).size).toBe(20);
  });

  it('starts again on the next Shanghai day', async () => {
    const today = await create();
    bench.clock.set(START + 14 * 60 * 60 * 1000); // 2025-01-07 00:00 in Shanghai
    const tomorrow = await create();
    expect(today.orderNo.startsWith('20250106-')).toBe(true);
    expect(tomorrow.orderNo.startsWith('20250107-')).toBe(true);
  });

  it('an order from before numbers shows its placing time, never its id', async () => {
    const order = await create();
    await bench.db.collection('orders').doc(order._id).update({ orderNo: bench.db.command.remove() });
    const got = await bench.ok('order', 'u1', 'get', { orderId: order._id });
    expect(got.orderNo).toBe('20250106-100000');
  });

  it('a shard hands out n·K + shard + 1, so shards never collide and the number names its shard', async () => {
    const numbers: string[] = [];
    for (const r of [0, 0.99, 0.5, 0, 0.99]) numbers.push(await bench.db.runTransaction((tx) => allocateOrderNoInTx(tx, START, () => r)));
    const shard = (k: number) => k;
    expect(numbers).toEqual([
      formatOrderNo('20250106', shardSequence(shard(0), 0)),
      formatOrderNo('20250106', shardSequence(ORDER_NO_SHARDS - 1, 0)),
      formatOrderNo('20250106', shardSequence(ORDER_NO_SHARDS / 2, 0)),
      formatOrderNo('20250106', shardSequence(0, 1)),
      formatOrderNo('20250106', shardSequence(ORDER_NO_SHARDS - 1, 1)),
    ]);
    expect(numbers[0]).toBe('20250106-0001');
    expect(numbers[3]).toBe(`20250106-${String(ORDER_NO_SHARDS + 1).padStart(4, '0')}`);
  });

  it('parses what staff type: with or without the dash, full-width dash, spaces', () => {
    expect(parseOrderNo(' 20261201-0042 ')).toBe('20261201-0042');
    expect(parseOrderNo('202612010042')).toBe('20261201-0042');
    expect(parseOrderNo('20261201－0042')).toBe('20261201-0042');
    expect(parseOrderNo('12345678')).toBeNull();
    expect(parseOrderNo('o_mx50aaaaaaaaaaaaaaaa')).toBeNull();
    expect(displayOrderNo({ orderNo: '20261201-0042', createdAt: 0 })).toBe('20261201-0042');
  });

  it('the delivery phone must be a mainland mobile number (quote, create)', async () => {
    const bad = { type: 'delivery', address: { ...ADDRESS, phone: '12345' } };
    for (const action of ['quote', 'create']) {
      const result = await bench.call('order', 'u1', action, { items: [{ skuId: 'sku-tea-s', quantity: 1 }], fulfillment: bad, requestId: newRequestId() });
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', details: { fields: [{ path: 'fulfillment.address.phone', reason: 'INVALID_PHONE' }] } } });
    }
    expect(await bench.count('orders')).toBe(0);
  });

  it('a delivery quote needs no address yet; create still answers ADDRESS_REQUIRED', async () => {
    const quote = await bench.ok('order', 'u1', 'quote', { items: [{ skuId: 'sku-tea-s', quantity: 1 }], fulfillment: { type: 'delivery' } });
    expect(quote.amounts).toEqual({ itemsTotal: 2900, discount: 0, shippingFee: 800, payable: 3700 });
    const created = await bench.call('order', 'u1', 'create', { items: [{ skuId: 'sku-tea-s', quantity: 1 }], fulfillment: { type: 'delivery' }, requestId: newRequestId() });
    expect(created).toMatchObject({ ok: false, error: { code: 'ADDRESS_REQUIRED' } });
  });
});

describe('order numbers across contexts: group-buy phone check, staff scan by number', () => {
  const { call, ok } = functionCallers('staff', 'member', 'coupon', 'groupbuy');
  let bench: PromotionBench;
  beforeEach(async () => {
    bench = startPromotionBench();
    await seedTwoStores(bench);
    await bench.grantStaff('staff-a', [STORE_A]);
  });
  afterEach(() => bench.close());

  it('staff find a pickup order by the number the customer reads out', async () => {
    const order = await bench.ok('order', 'u1', 'create', { items: [{ skuId: 'sku-tea-l', quantity: 1 }], fulfillment: PICKUP, requestId: newRequestId() });
    await bench.ok('order', 'u1', 'pay', { orderId: order._id });
    await bench.pay.deliverPaymentNotification(order._id, 'SUCCESS', 1);
    for (const code of [order.orderNo, order.orderNo.replace('-', '')]) {
      const scanned = await ok('staff', 'staff-a', 'scan', { code, storeId: STORE_A });
      expect(scanned).toMatchObject({ kind: 'pickup', verifiable: true, order: { orderId: order._id, orderNo: order.orderNo } });
    }
    expect(codeOf(await call('staff', 'staff-a', 'scan', { code: '20250106-9999', storeId: STORE_A }))).toBe('CODE_UNKNOWN');
    const verified = await ok('staff', 'staff-a', 'verifyPickup', { orderId: order._id, storeId: STORE_A });
    expect(verified.order.orderNo).toBe(order.orderNo);
  });

  it('a group-buy order refuses a delivery phone that is not a mobile number', async () => {
    const result = await call('groupbuy', 'u1', 'open', {
      activityId: 'any',
      requestId: rid(),
      fulfillment: { type: 'delivery', address: { ...ADDRESS, phone: '12345' } },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', details: { fields: [{ path: 'fulfillment.address.phone' }] } } });
  });
});
