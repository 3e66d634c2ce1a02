import { newRequestId, seedShop, startBench, type Bench } from './order-harness';

describe('cart', () => {
  let bench: Bench;
  beforeEach(async () => {
    bench = startBench();
    await seedShop(bench.db);
  });
  afterEach(() => bench.close());

  const skuIds = (cart: { lines: Array<{ skuId: string }> }) => cart.lines.map((l) => l.skuId);

  it('adds, raises, sets, removes and lists with current prices', async () => {
    let cart = await bench.ok('cart', 'u1', 'add', { skuId: 'sku-tea-s', quantity: 2 });
    expect(cart.lines).toEqual([
      expect.objectContaining({ skuId: 'sku-tea-s', productId: 'p-tea', productName: '乌龙茶', price: 2900, quantity: 2, lineTotal: 5800, available: true, problem: null }),
    ]);
    bench.clock.advance(1000);
    await bench.ok('cart', 'u1', 'add', { skuId: 'sku-cake' });
    cart = await bench.ok('cart', 'u1', 'add', { skuId: 'sku-tea-s', quantity: 3 });
    expect(skuIds(cart)).toEqual(['sku-cake', 'sku-tea-s']);
    expect(cart.lines[1].quantity).toBe(5);
    cart = await bench.ok('cart', 'u1', 'update', { skuId: 'sku-tea-s', quantity: 1 });
    expect(cart.lines[1].quantity).toBe(1);
    expect(cart).toMatchObject({ availableCount: 2, availableTotal: 12800 + 2900 });

    await bench.db.collection('skus').doc('sku-tea-s').update({ price: 2500 });
    cart = await bench.ok('cart', 'u1', 'list');
    expect(cart.lines[1]).toMatchObject({ price: 2500, lineTotal: 2500 });

    cart = await bench.ok('cart', 'u1', 'remove', { skuIds: ['sku-tea-s', 'sku-not-there'] });
    expect(skuIds(cart)).toEqual(['sku-cake']);
    cart = await bench.ok('cart', 'u1', 'remove', { skuIds: ['sku-tea-s'] });
    expect(skuIds(cart)).toEqual(['sku-cake']);
  });

  it('keeps each customer’s cart to themselves', async () => {
    await bench.ok('cart', 'u1', 'add', { skuId: 'sku-tea-s', quantity: 2 });
    expect((await bench.ok('cart', 'u2', 'list')).lines).toEqual([]);
    expect(await bench.call('cart', 'u2', 'update', { skuId: 'sku-tea-s', quantity: 5 })).toMatchObject({ ok: false, error: { code: 'CART_ITEM_NOT_FOUND' } });
    await bench.ok('cart', 'u2', 'remove', { skuIds: ['sku-tea-s'] });
    expect((await bench.ok('cart', 'u1', 'list')).lines[0].quantity).toBe(2);
  });

  it('an add replayed with its requestId adds once, even concurrently', async () => {
    const requestId = newRequestId();
    await Promise.all(Array.from({ length: 6 }, () => bench.ok('cart', 'u1', 'add', { skuId: 'sku-tea-s', quantity: 2, requestId })));
    await bench.ok('cart', 'u1', 'add', { skuId: 'sku-tea-s', quantity: 2, requestId });
    expect((await bench.ok('cart', 'u1', 'list')).lines[0].quantity).toBe(2);
  });

  it('concurrent adds without a requestId all count (no lost update)', async () => {
    await Promise.all(Array.from({ length: 10 }, () => bench.ok('cart', 'u1', 'add', { skuId: 'sku-tea-s', quantity: 1 })));
    expect((await bench.ok('cart', 'u1', 'list')).lines[0].quantity).toBe(10);
  });

  it('marks lines that cannot be ordered now, and totals only the others', async () => {
    await bench.ok('cart', 'u1', 'add', { skuId: 'sku-tea-s', quantity: 1 });
    await bench.ok('cart', 'u1', 'add', { skuId: 'sku-tea-l', quantity: 5 });
    await bench.ok('cart', 'u1', 'add', { skuId: 'sku-cake', quantity: 2 });
    await bench.db.collection('skus').doc('sku-tea-l').update({ stock: 3 });
    await bench.db.collection('products').doc('p-cake').update({ status: 'OFF_SALE' });
    await bench.db.collection('skus').doc('sku-tea-s').update({ stock: 0 });
    let cart = await bench.ok('cart', 'u1', 'list');
    const problems = Object.fromEntries(cart.lines.map((l: { skuId: string; problem: string | null }) => [l.skuId, l.problem]));
    expect(problems).toEqual({ 'sku-tea-s': 'OUT_OF_STOCK', 'sku-tea-l': 'INSUFFICIENT_STOCK', 'sku-cake': 'PRODUCT_OFF_SALE' });
    expect(cart).toMatchObject({ availableCount: 0, availableTotal: 0 });

    await bench.db.collection('skus').doc('sku-tea-l').remove();
    await bench.db.collection('skus').doc('sku-tea-s').update({ stock: 9 });
    cart = await bench.ok('cart', 'u1', 'list');
    const line = (id: string) => cart.lines.find((l: { skuId: string }) => l.skuId === id);
    expect(line('sku-tea-l')).toMatchObject({ problem: 'SKU_NOT_FOUND', available: false });
    expect(line('sku-tea-s')).toMatchObject({ problem: null, available: true });
    expect(cart).toMatchObject({ availableCount: 1, availableTotal: 2900 });
  });

  it('lowers a quantity past the stock but refuses to raise it beyond', async () => {
    await bench.ok('cart', 'u1', 'add', { skuId: 'sku-tea-l', quantity: 8 });
    await bench.db.collection('skus').doc('sku-tea-l').update({ stock: 2 });
    expect(await bench.call('cart', 'u1', 'update', { skuId: 'sku-tea-l', quantity: 9 })).toMatchObject({ ok: false, error: { code: 'OUT_OF_STOCK', details: { available: 2 } } });
    expect((await bench.ok('cart', 'u1', 'update', { skuId: 'sku-tea-l', quantity: 5 })).lines[0].quantity).toBe(5);
  });

  it('answers business codes', async () => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['add', { skuId: 'nope' }, 'SKU_NOT_FOUND'],
      ['add', { skuId: 'sku-old' }, 'PRODUCT_OFF_SALE'],
      ['add', { skuId: 'sku-nut' }, 'OUT_OF_STOCK'],
      ['add', { skuId: 'sku-cake', quantity: 6 }, 'OUT_OF_STOCK'],
      ['add', { skuId: 'sku-tea-s', quantity: 0 }, 'QUANTITY_INVALID'],
      ['add', { skuId: 'sku-tea-s', quantity: 100 }, 'QUANTITY_INVALID'],
      ['update', { skuId: 'sku-tea-s', quantity: -1 }, 'QUANTITY_INVALID'],
      ['update', { skuId: 'sku-tea-s', quantity: 1 }, 'CART_ITEM_NOT_FOUND'],
      ['add', { skuId: 'sku-tea-s', quantity: 1.5 }, 'INVALID_ARGUMENT'],
      ['add', { quantity: 1 }, 'INVALID_ARGUMENT'],
      ['add', { skuId: 'sku-tea-s', requestId: 'x' }, 'INVALID_ARGUMENT'],
      ['remove', { skuIds: [] }, 'INVALID_ARGUMENT'],
    ];
    for (const [action, data, code] of cases) {
      const result = await bench.call('cart', 'u1', action, data);
      expect({ action, data, result }).toMatchObject({ result: { ok: false, error: { code } } });
    }
  });

  it('limits a line to 99 and a cart to 50 lines (CART_LIMIT)', async () => {
    await bench.ok('cart', 'u1', 'add', { skuId: 'sku-tea-s', quantity: 60 });
    expect(await bench.call('cart', 'u1', 'add', { skuId: 'sku-tea-s', quantity: 40 })).toMatchObject({ ok: false, error: { code: 'CART_LIMIT', details: { reason: 'quantity', max: 99 } } });

    for (let i = 0; i < 51; i += 1) await bench.db.collection('skus').doc(`bulk-${i}`).set({ productId: 'p-nut', name: `bulk ${i}`, price: 100, stock: 5, sold: 0 });
    for (let i = 0; i < 49; i += 1) await bench.ok('cart', 'u1', 'add', { skuId: `bulk-${i}` });
    expect(await bench.call('cart', 'u1', 'add', { skuId: 'bulk-50' })).toMatchObject({ ok: false, error: { code: 'CART_LIMIT', details: { reason: 'lines', max: 50 } } });
    // An existing line can still be raised.
    await bench.ok('cart', 'u1', 'add', { skuId: 'bulk-0' });
    expect((await bench.ok('cart', 'u1', 'list')).lines).toHaveLength(50);
  });
});
