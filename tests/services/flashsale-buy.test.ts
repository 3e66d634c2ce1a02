import { codeOf, MINUTE, OPERATOR, rid, startFlashSaleBench, type FlashSaleBench } from './flashsale-harness';
import { PICKUP, seedShop } from './order-harness';

describe('flash sale: buy', () => {
  let bench: FlashSaleBench;
  beforeEach(async () => {
    bench = startFlashSaleBench();
    await seedShop(bench.db, [
      { _id: 'sku-tea-s', productId: 'p-tea', price: 2900, stock: 500 },
      { _id: 'sku-cake', productId: 'p-cake', price: 12800, stock: 5 },
    ]);
    await bench.grantOperator(OPERATOR);
  });
  afterEach(() => bench.close());

  const buy = (openid: string, saleId: string, requestId = rid()): Promise<any> => bench.fs(openid, 'buy', { saleId, requestId, fulfillment: PICKUP });

  /** Sale totals and the invariants every sale keeps. */
  async function checkInvariants(saleId: string, quantity: number) {
    const shards = await bench.shards(saleId);
    for (const s of shards) {
      expect(s.remaining).toBeGreaterThanOrEqual(0);
      expect(s.sold + s.remaining + s.returned).toBe(s.allocated);
    }
    const sale = await bench.fsOk(OPERATOR, 'get', { saleId });
    expect(sale.sold + sale.remaining).toBe(quantity);
    expect(shards.reduce((n, s) => n + s.allocated, 0)).toBe(quantity);
    return { sale, shards };
  }

  it.each([1, 8])('300 concurrent buys on 50 units with K=%i: exactly 50 orders, no oversell, no member above the limit', async (shards) => {
    const sale = await bench.createSale({ quantity: 50, shards, perMemberLimit: 3 });
    expect(sale).toMatchObject({ state: 'LIVE', quantity: 50, remaining: 50, sold: 0, shards });
    // 20 members, each tapping 15 times at once: 300 attempts for 50 units, at most 3 each.
    const attempts = Array.from({ length: 300 }, (_, i) => buy(`m${i % 20}`, sale.saleId));
    const results = await Promise.all(attempts);
    const codes = results.map(codeOf);
    expect(codes.filter((c) => c === 'OK')).toHaveLength(50);
    expect(codes.filter((c) => !['OK', 'SOLD_OUT', 'LIMIT_EXCEEDED'].includes(c))).toEqual([]);
    expect(codes).toContain('SOLD_OUT');

    const orders = await bench.db.collection('orders').where({ source: 'flashsale' }).limit(1000).get();
    expect(orders.data).toHaveLength(50);
    expect(new Set(results.filter((r) => r.ok).map((r) => r.data.orderId)).size).toBe(50);
    const perMember = new Map<string, number>();
    for (const o of orders.data as any[]) perMember.set(o.openid, (perMember.get(o.openid) ?? 0) + 1);
    expect(Math.max(...perMember.values())).toBeLessThanOrEqual(3);
    for (const [openid, n] of perMember) expect(await bench.memberCount(sale.saleId, openid)).toBe(n);

    const { sale: after, shards: docs } = await checkInvariants(sale.saleId, 50);
    expect(after).toMatchObject({ sold: 50, remaining: 0, state: 'SOLD_OUT' });
    expect(docs.every((s) => s.remaining === 0)).toBe(true);
    expect((await bench.saleDoc(sale.saleId)).soldOut).toBe(true);
    // The SKU lost exactly the sale's quantity, once.
    expect(await bench.sku('sku-tea-s')).toMatchObject({ stock: 450, sold: 50 });
    expect(codeOf(await buy('late', sale.saleId))).toBe('SOLD_OUT');
  });

  it('the order lists, gets and pays like any order; paid counts on the sale', async () => {
    const sale = await bench.createSale({ salePrice: 990 });
    const { orderId, expiresAt } = (await buy('u1', sale.saleId)).data;
    expect(expiresAt).toBe(bench.clock() + 5 * MINUTE);
    const order = await bench.ok('order', 'u1', 'get', { orderId });
    expect(order).toMatchObject({
      status: 'PENDING_PAYMENT',
      source: 'flashsale',
      amounts: { payable: 990 },
      items: [{ skuId: 'sku-tea-s', unitPrice: 990, quantity: 1 }],
      fulfillment: { type: 'pickup', storeId: 'store-demo' },
      expiresAt,
    });
    expect((await bench.ok('order', 'u1', 'list', {})).items.map((o: any) => o._id)).toEqual([orderId]);
    expect((await bench.order(orderId)).flashSale).toEqual({ saleId: sale.saleId, shard: expect.any(Number) });

    await bench.ok('order', 'u1', 'pay', { orderId });
    expect((await bench.pay.deliverPaymentNotification(orderId, 'SUCCESS', 2)).allAcknowledged).toBe(true);
    expect(await bench.fsOk('u1', 'get', { saleId: sale.saleId })).toMatchObject({ sold: 1, paid: 1, remaining: 9, myCount: 1 });
    expect(await bench.fsOk(OPERATOR, 'stats', { saleId: sale.saleId })).toMatchObject({ sold: 1, paid: 1, remaining: 9, pendingOrders: 0 });
    // Catalog stock is taken once, when the sale was created.
    expect(await bench.sku('sku-tea-s')).toMatchObject({ stock: 490, sold: 10 });
  });

  it('a delivery address can be given with the buy', async () => {
    const sale = await bench.createSale();
    const address = { name: '张三', phone: '13800000000', region: '上海市', detail: '1 号' };
    const { orderId } = (await bench.fs('u1', 'buy', { saleId: sale.saleId, requestId: rid(), fulfillment: { type: 'delivery', address } })).data;
    expect((await bench.order(orderId)).fulfillment).toEqual({ type: 'delivery', address });
    expect(codeOf(await bench.fs('u1', 'buy', { saleId: sale.saleId, requestId: rid(), fulfillment: { type: 'delivery' } }))).toBe('ADDRESS_REQUIRED');
  });

  it('NOT_STARTED before the start, ENDED after the end and after a stop, SALE_NOT_FOUND for no sale', async () => {
    const later = await bench.createSale({ startAt: bench.clock() + 10 * MINUTE, endAt: bench.clock() + 20 * MINUTE });
    expect(later.state).toBe('SCHEDULED');
    expect(codeOf(await buy('u1', later.saleId))).toBe('NOT_STARTED');
    bench.clock.advance(10 * MINUTE);
    expect(codeOf(await buy('u1', later.saleId))).toBe('OK');
    bench.clock.advance(10 * MINUTE);
    expect(codeOf(await buy('u1', later.saleId))).toBe('ENDED');

    const stopped = await bench.createSale();
    expect(codeOf(await buy('u2', stopped.saleId))).toBe('OK');
    expect(await bench.fsOk(OPERATOR, 'stop', { saleId: stopped.saleId })).toMatchObject({ state: 'ENDED', stoppedAt: bench.clock() });
    expect(codeOf(await buy('u2', stopped.saleId))).toBe('ENDED');
    expect(codeOf(await buy('u2', 'fs_nothing'))).toBe('SALE_NOT_FOUND');
    expect(codeOf(await bench.fs('u2', 'get', { saleId: 'fs_nothing' }))).toBe('SALE_NOT_FOUND');
  });

  it('a requestId replayed (also at once, and after the sale sold out) answers the same order', async () => {
    const sale = await bench.createSale({ quantity: 1, perMemberLimit: 1 });
    const requestId = rid();
    const taps = await Promise.all([1, 2, 3, 4].map(() => buy('u1', sale.saleId, requestId)));
    expect(taps.map(codeOf)).toEqual(['OK', 'OK', 'OK', 'OK']);
    expect(new Set(taps.map((t) => t.data.orderId)).size).toBe(1);
    expect(await bench.count('orders', { source: 'flashsale' })).toBe(1);
    expect(await bench.memberCount(sale.saleId, 'u1')).toBe(1);
    // The unit was the last: a retry still gets its order, a new request is sold out.
    expect((await buy('u1', sale.saleId, requestId)).data).toEqual(taps[0]!.data);
    expect(codeOf(await buy('u2', sale.saleId))).toBe('SOLD_OUT');
  });

  it('LIMIT_EXCEEDED at the limit; the same member buying many times at once never passes it', async () => {
    const sale = await bench.createSale({ quantity: 100, perMemberLimit: 2, shards: 8 });
    const results = await Promise.all(Array.from({ length: 30 }, () => buy('greedy', sale.saleId)));
    expect(results.map(codeOf).filter((c) => c === 'OK')).toHaveLength(2);
    expect(results.map(codeOf).filter((c) => c === 'LIMIT_EXCEEDED')).toHaveLength(28);
    expect(await bench.memberCount(sale.saleId, 'greedy')).toBe(2);
    expect(await bench.fsOk('greedy', 'get', { saleId: sale.saleId })).toMatchObject({ myCount: 2, sold: 2, remaining: 98 });
  });

  it('an unpaid order cancelled by the order sweep gives its unit back once; the member can buy again', async () => {
    const sale = await bench.createSale({ quantity: 2, perMemberLimit: 1 });
    const { orderId } = (await buy('u1', sale.saleId)).data;
    expect(codeOf(await buy('u1', sale.saleId))).toBe('LIMIT_EXCEEDED');
    const other = (await buy('u2', sale.saleId)).data.orderId;
    expect(codeOf(await buy('u3', sale.saleId))).toBe('SOLD_OUT');
    await bench.ok('order', 'u2', 'pay', { orderId: other });
    await bench.pay.deliverPaymentNotification(other, 'SUCCESS', 1);

    bench.clock.advance(5 * MINUTE);
    // The sweep runs twice at once: the unit comes back once.
    await Promise.all([bench.timer('order', 'sweep'), bench.timer('order', 'sweep')]);
    expect((await bench.order(orderId)).status).toBe('CANCELLED');
    expect(await bench.memberCount(sale.saleId, 'u1')).toBe(0);
    expect((await bench.order(other)).status).toBe('READY_FOR_PICKUP');
    const { sale: view } = await checkInvariants(sale.saleId, 2);
    expect(view).toMatchObject({ sold: 1, paid: 1, remaining: 1, state: 'LIVE' });
    expect((await bench.saleDoc(sale.saleId)).soldOut).toBe(false);

    const again = await buy('u1', sale.saleId);
    expect(codeOf(again)).toBe('OK');
    expect(again.data.orderId).not.toBe(orderId);
    await checkInvariants(sale.saleId, 2);
    expect(await bench.sku('sku-tea-s')).toMatchObject({ stock: 498, sold: 2 });
  });

  it('a customer cancelling gives the unit back; cancelled after the sale ended, it goes to the SKU', async () => {
    const sale = await bench.createSale({ quantity: 3, perMemberLimit: 3, paymentMinutes: 10 });
    const first = (await buy('u1', sale.saleId)).data.orderId;
    const second = (await buy('u1', sale.saleId)).data.orderId;
    await bench.ok('order', 'u1', 'cancel', { orderId: first });
    expect(await bench.fsOk('u1', 'get', { saleId: sale.saleId })).toMatchObject({ sold: 1, remaining: 2, myCount: 1 });

    bench.clock.advance(60 * MINUTE);
    expect((await bench.settle()).ok).toBe(true);
    expect(await bench.sku('sku-tea-s')).toMatchObject({ stock: 499, sold: 1 });
    await bench.ok('order', 'u1', 'cancel', { orderId: second });
    expect(await bench.sku('sku-tea-s')).toMatchObject({ stock: 500, sold: 0 });
    const { sale: view, shards } = await checkInvariants(sale.saleId, 3);
    expect(view).toMatchObject({ sold: 0, remaining: 3, state: 'ENDED' });
    expect(shards.reduce((n, s) => n + s.returned, 0)).toBe(3);
  });
});
