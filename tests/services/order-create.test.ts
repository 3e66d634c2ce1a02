import { ADDRESS, DELIVERY, newRequestId, PICKUP, seedShop, startBench, type Bench } from './order-harness';

describe('order.quote and order.create', () => {
  let bench: Bench;
  beforeEach(async () => {
    bench = startBench();
    await seedShop(bench.db);
  });
  afterEach(() => bench.close());

  it('quotes on the server: delivery fee below 99 元, none for pickup, free above', async () => {
    const delivery = await bench.ok('order', 'u1', 'quote', { items: [{ skuId: 'sku-tea-s', quantity: 2 }], fulfillment: DELIVERY });
    expect(delivery.amounts).toEqual({ itemsTotal: 5800, discount: 0, shippingFee: 800, payable: 6600 });
    expect(delivery.items[0]).toMatchObject({ skuId: 'sku-tea-s', productName: '乌龙茶', unitPrice: 2900, quantity: 2, lineTotal: 5800 });
    const pickup = await bench.ok('order', 'u1', 'quote', { items: [{ skuId: 'sku-tea-s', quantity: 2 }], fulfillment: PICKUP });
    expect(pickup.amounts).toEqual({ itemsTotal: 5800, discount: 0, shippingFee: 0, payable: 5800 });
    expect(pickup.fulfillment).toEqual({ type: 'pickup', storeId: 'store-demo', storeName: '示例门店' });
    const free = await bench.ok('order', 'u1', 'quote', { items: [{ skuId: 'sku-cake', quantity: 1 }], fulfillment: DELIVERY });
    expect(free.amounts.shippingFee).toBe(0);
  });

  it('creates an order with price snapshots, reserved stock and a 15-minute deadline', async () => {
    const order = await bench.ok('order', 'u1', 'create', {
      items: [{ skuId: 'sku-tea-s', quantity: 2 }, { skuId: 'sku-cake', quantity: 1 }],
      fulfillment: DELIVERY,
      requestId: newRequestId(),
    });
    expect(order._id.length).toBeLessThanOrEqual(32);
    expect(order._id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(order.status).toBe('PENDING_PAYMENT');
    expect(order.amounts).toEqual({ itemsTotal: 18600, discount: 0, shippingFee: 0, payable: 18600 });
    expect(order.fulfillment).toEqual({ type: 'delivery', address: ADDRESS });
    expect(order.expiresAt).toBe(order.createdAt + 15 * 60_000);
    expect(await bench.sku('sku-tea-s')).toMatchObject({ stock: 98, sold: 2 });
    expect(await bench.sku('sku-cake')).toMatchObject({ stock: 4, sold: 1 });

    // Later price changes do not touch the order's snapshot.
    await bench.db.collection('skus').doc('sku-tea-s').update({ price: 1 });
    const again = await bench.ok('order', 'u1', 'get', { orderId: order._id });
    expect(again.items[0].unitPrice).toBe(2900);
    expect(again).not.toHaveProperty('openid');
  });

  it('merges repeated SKUs into one line', async () => {
    const order = await bench.ok('order', 'u1', 'create', {
      items: [{ skuId: 'sku-tea-s', quantity: 1 }, { skuId: 'sku-tea-s', quantity: 2 }],
      fulfillment: PICKUP,
      requestId: newRequestId(),
    });
    expect(order.items).toHaveLength(1);
    expect(order.items[0].quantity).toBe(3);
    expect(await bench.sku('sku-tea-s')).toMatchObject({ stock: 97, sold: 3 });
  });

  it('takes the deadline from settings/order, then env SIYU_ORDER_PAY_MINUTES', async () => {
    const previous = process.env.SIYU_ORDER_PAY_MINUTES;
    process.env.SIYU_ORDER_PAY_MINUTES = '30';
    try {
      const fromEnv = await bench.ok('order', 'u1', 'create', { items: [{ skuId: 'sku-tea-s', quantity: 1 }], fulfillment: PICKUP, requestId: newRequestId() });
      expect(fromEnv.expiresAt - fromEnv.createdAt).toBe(30 * 60_000);
      await bench.db.collection('settings').doc('order').set({ payMinutes: 5 });
      const fromSettings = await bench.ok('order', 'u1', 'create', { items: [{ skuId: 'sku-tea-s', quantity: 1 }], fulfillment: PICKUP, requestId: newRequestId() });
      expect(fromSettings.expiresAt - fromSettings.createdAt).toBe(5 * 60_000);
    } finally {
      if (previous === undefined) delete process.env.SIYU_ORDER_PAY_MINUTES;
      else process.env.SIYU_ORDER_PAY_MINUTES = previous;
    }
  });

  it('removes the ordered lines from the cart, and only those', async () => {
    await bench.ok('cart', 'u1', 'add', { skuId: 'sku-tea-s', quantity: 2 });
    await bench.ok('cart', 'u1', 'add', { skuId: 'sku-cake', quantity: 1 });
    await bench.ok('order', 'u1', 'create', { items: [{ skuId: 'sku-tea-s', quantity: 2 }], fulfillment: PICKUP, requestId: newRequestId() });
    const cart = await bench.ok('cart', 'u1', 'list');
    expect(cart.lines.map((l: { skuId: string }) => l.skuId)).toEqual(['sku-cake']);

    await bench.ok('order', 'u1', 'create', { items: [{ skuId: 'sku-cake', quantity: 1 }], fulfillment: PICKUP, requestId: newRequestId(), source: 'buyNow' });
    expect((await bench.ok('cart', 'u1', 'list')).lines).toHaveLength(1);
  });

  it('replays a requestId: the same order, stock reserved once; other input with it is IDEMPOTENCY_KEY_REUSED', async () => {
    const requestId = newRequestId();
    const input = { items: [{ skuId: 'sku-tea-l', quantity: 3 }], fulfillment: PICKUP, requestId };
    const first = await bench.ok('order', 'u1', 'create', input);
    const second = await bench.ok('order', 'u1', 'create', input);
    const changed = await bench.call('order', 'u1', 'create', { ...input, items: [{ skuId: 'sku-tea-l', quantity: 1 }] });
    expect(second._id).toBe(first._id);
    expect(changed).toMatchObject({ ok: false, error: { code: 'IDEMPOTENCY_KEY_REUSED' } });
    expect(await bench.sku('sku-tea-l')).toMatchObject({ stock: 7, sold: 3 });
    expect(await bench.count('orders')).toBe(1);

    // The same requestId from another customer is another order.
    const other = await bench.ok('order', 'u2', 'create', input);
    expect(other._id).not.toBe(first._id);
  });

  it('replays a concurrent double tap as one order', async () => {
    const requestId = newRequestId();
    const input = { items: [{ skuId: 'sku-tea-l', quantity: 2 }], fulfillment: PICKUP, requestId };
    const results = await Promise.all(Array.from({ length: 8 }, () => bench.ok('order', 'u1', 'create', input)));
    expect(new Set(results.map((o) => o._id)).size).toBe(1);
    expect(await bench.count('orders')).toBe(1);
    expect(await bench.sku('sku-tea-l')).toMatchObject({ stock: 8, sold: 2 });
  });

  it('refuses a multi-SKU order when one SKU lacks stock, naming it, and reserves nothing', async () => {
    const result = await bench.call('order', 'u1', 'create', {
      items: [{ skuId: 'sku-tea-s', quantity: 5 }, { skuId: 'sku-cake', quantity: 6 }],
      fulfillment: PICKUP,
      requestId: newRequestId(),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'OUT_OF_STOCK', details: { skuId: 'sku-cake', available: 5 } } });
    expect(await bench.sku('sku-tea-s')).toMatchObject({ stock: 100, sold: 0 });
    expect(await bench.sku('sku-cake')).toMatchObject({ stock: 5, sold: 0 });
    expect(await bench.count('orders')).toBe(0);
    expect(await bench.count('idempotency')).toBe(0);
  });

  it('answers business codes with Chinese messages', async () => {
    const create = (data: Record<string, unknown>) =>
      bench.call('order', 'u1', 'create', { fulfillment: PICKUP, requestId: newRequestId(), ...data });
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ items: [{ skuId: 'nope', quantity: 1 }] }, 'SKU_NOT_FOUND'],
      [{ items: [{ skuId: 'sku-old', quantity: 1 }] }, 'PRODUCT_OFF_SALE'],
      [{ items: [{ skuId: 'sku-nut', quantity: 1 }] }, 'OUT_OF_STOCK'],
      [{ items: [{ skuId: 'sku-tea-s', quantity: 0 }] }, 'QUANTITY_INVALID'],
      [{ items: [{ skuId: 'sku-tea-s', quantity: 100 }] }, 'QUANTITY_INVALID'],
      [{ items: [{ skuId: 'sku-tea-s', quantity: 1 }], fulfillment: { type: 'pickup', storeId: 'no-store' } }, 'STORE_NOT_FOUND'],
      [{ items: [{ skuId: 'sku-tea-s', quantity: 1 }], fulfillment: { type: 'delivery' } }, 'ADDRESS_REQUIRED'],
    ];
    for (const [data, code] of cases) {
      const result = await create(data);
      expect(result).toMatchObject({ ok: false, error: { code } });
      if (!result.ok) expect(result.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(await bench.count('orders')).toBe(0);
  });

  it('refuses malformed input with INVALID_ARGUMENT', async () => {
    const cases: unknown[] = [
      {},
      { items: [], fulfillment: PICKUP, requestId: newRequestId() },
      { items: [{ skuId: 'sku-tea-s', quantity: 1.5 }], fulfillment: PICKUP, requestId: newRequestId() },
      { items: [{ skuId: 'sku-tea-s', quantity: 1 }], fulfillment: PICKUP },
      { items: [{ skuId: 'sku-tea-s', quantity: 1 }], fulfillment: PICKUP, requestId: 'short' },
      { items: [{ skuId: 'sku-tea-s', quantity: 1 }], fulfillment: { type: 'drone' }, requestId: newRequestId() },
      { items: [{ skuId: 'sku-tea-s', quantity: 1 }], fulfillment: { type: 'delivery', address: { ...ADDRESS, phone: 'x' } }, requestId: newRequestId() },
    ];
    for (const data of cases) {
      expect(await bench.call('order', 'u1', 'create', data)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    }
  });

  it('lists only the caller’s orders, newest first, by status and paged', async () => {
    for (let i = 0; i < 3; i += 1) {
      bench.clock.advance(1000);
      await bench.ok('order', 'u1', 'create', { items: [{ skuId: 'sku-tea-s', quantity: 1 }], fulfillment: PICKUP, requestId: newRequestId() });
    }
    const theirs = await bench.ok('order', 'u2', 'create', { items: [{ skuId: 'sku-tea-s', quantity: 1 }], fulfillment: PICKUP, requestId: newRequestId() });
    const page0 = await bench.ok('order', 'u1', 'list', { pageSize: 2 });
    expect(page0.items).toHaveLength(2);
    expect(page0.hasMore).toBe(true);
    expect(page0.items[0].createdAt).toBeGreaterThan(page0.items[1].createdAt);
    const page1 = await bench.ok('order', 'u1', 'list', { pageSize: 2, page: 1 });
    expect(page1.items).toHaveLength(1);
    expect(page1.hasMore).toBe(false);
    await bench.ok('order', 'u1', 'cancel', { orderId: page0.items[0]._id });
    expect((await bench.ok('order', 'u1', 'list', { status: 'CANCELLED' })).items.map((o: { _id: string }) => o._id)).toEqual([page0.items[0]._id]);
    expect((await bench.ok('order', 'u1', 'list', { status: 'PENDING_PAYMENT' })).items).toHaveLength(2);

    expect(await bench.call('order', 'u1', 'get', { orderId: theirs._id })).toMatchObject({ ok: false, error: { code: 'ORDER_NOT_FOUND' } });
    expect(await bench.call('order', 'u1', 'cancel', { orderId: theirs._id })).toMatchObject({ ok: false, error: { code: 'ORDER_NOT_FOUND' } });
    expect(await bench.call('order', 'u1', 'pay', { orderId: theirs._id })).toMatchObject({ ok: false, error: { code: 'ORDER_NOT_FOUND' } });
    expect((await bench.order(theirs._id)).status).toBe('PENDING_PAYMENT');
  });

  it('keeps timer actions away from customers', async () => {
    expect(await bench.call('order', 'u1', 'cancelExpired')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await bench.call('order', 'u1', 'processRefunds')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await bench.call('order', 'u1', 'ship', { orderId: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
