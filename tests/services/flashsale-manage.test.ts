import { codeOf, MINUTE, OPERATOR, rid, startFlashSaleBench, type FlashSaleBench } from './flashsale-harness';
import { PICKUP, seedShop } from './order-harness';
import { approveRefund } from './refund-helpers';

describe('flash sale: operators, lists, reminders, settle', () => {
  let bench: FlashSaleBench;
  beforeEach(async () => {
    bench = startFlashSaleBench();
    await seedShop(bench.db, [
      { _id: 'sku-tea-s', productId: 'p-tea', price: 2900, stock: 100 },
      { _id: 'sku-cake', productId: 'p-cake', price: 12800, stock: 5 },
      { _id: 'sku-old', productId: 'p-old', price: 100, stock: 50 },
    ]);
    await bench.grantOperator(OPERATOR);
  });
  afterEach(() => bench.close());

  const issuesOf = (r: any): string[] => (r.ok ? [] : (r.error.details?.issues ?? []).map((i: any) => i.field).sort());
  const create = (over: Record<string, unknown>, openid = OPERATOR) =>
    bench.fs(openid, 'create', {
      skuId: 'sku-tea-s',
      salePrice: 900,
      quantity: 10,
      startAt: bench.clock() + 10 * MINUTE,
      endAt: bench.clock() + 70 * MINUTE,
      perMemberLimit: 1,
      ...over,
    });

  it('customers are FORBIDDEN from create, update, stop, launchNow and stats', async () => {
    const sale = await bench.createSale();
    expect(codeOf(await create({}, 'u1'))).toBe('FORBIDDEN');
    for (const action of ['update', 'stop', 'launchNow', 'stats']) {
      expect(codeOf(await bench.fs('u1', action, { saleId: sale.saleId }))).toBe('FORBIDDEN');
    }
    expect(await bench.fsOk('u1', 'get', { saleId: sale.saleId })).toMatchObject({ state: 'LIVE', stoppedAt: null });
  });

  it('create validates times, price, quantity, limit, shards and payment window; nothing is taken when refused', async () => {
    const now = bench.clock();
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ endAt: now + 10 * MINUTE }, ['endAt']],
      [{ startAt: now - 5 * MINUTE, endAt: now + MINUTE }, ['startAt']],
      [{ salePrice: 0 }, ['salePrice']],
      [{ salePrice: 2900 }, ['salePrice']],
      [{ quantity: 0 }, ['quantity']],
      [{ quantity: 101 }, ['quantity']],
      [{ perMemberLimit: 0 }, ['perMemberLimit']],
      [{ shards: 0 }, ['shards']],
      [{ shards: 33 }, ['shards']],
      [{ paymentMinutes: 0 }, ['paymentMinutes']],
      [{ salePrice: -1, quantity: 1000, perMemberLimit: 0 }, ['perMemberLimit', 'quantity', 'salePrice']],
      [{ skuId: 'sku-old', salePrice: 50 }, ['skuId']],
    ];
    for (const [over, fields] of cases) {
      const result = await create(over);
      expect({ over, code: codeOf(result) }).toEqual({ over, code: 'SALE_INVALID' });
      expect(issuesOf(result)).toEqual(fields);
    }
    expect(codeOf(await create({ skuId: 'nope' }))).toBe('SKU_NOT_FOUND');
    expect(codeOf(await create({ salePrice: 9.5 }))).toBe('INVALID_ARGUMENT');
    expect(await bench.count('flash_sales')).toBe(0);
    expect(await bench.sku('sku-tea-s')).toMatchObject({ stock: 100, sold: 0 });
    // A start a few seconds in the past is "now"; all of the stock may go on sale.
    expect(codeOf(await create({ startAt: now - 5000, quantity: 100 }))).toBe('OK');
    expect(await bench.sku('sku-tea-s')).toMatchObject({ stock: 0, sold: 100 });
  });

  it('create takes the quantity from the SKU over K shards (never more shards than units), with the settings payment window', async () => {
    await bench.db.collection('settings').doc('flashsale').set({ paymentMinutes: 7 });
    const sale = (await create({ quantity: 10, shards: 4, title: '早鸟秒杀' })).data;
    expect(sale).toMatchObject({
      state: 'SCHEDULED',
      title: '早鸟秒杀',
      productName: '乌龙茶',
      skuName: 'sku-tea-s 规格',
      image: 'tea.png',
      listPrice: 2900,
      salePrice: 900,
      quantity: 10,
      sold: 0,
      remaining: 10,
      paid: 0,
      shards: 4,
      paymentMinutes: 7,
      myCount: 0,
      reminded: false,
      serverNow: bench.clock(),
    });
    expect((await bench.shards(sale.saleId)).map((s) => s.allocated)).toEqual([3, 3, 2, 2]);
    expect(await bench.sku('sku-tea-s')).toMatchObject({ stock: 90, sold: 10 });
    const tiny = (await create({ skuId: 'sku-cake', salePrice: 9900, quantity: 2, shards: 8 })).data;
    expect(tiny.shards).toBe(2);
    expect((await bench.shards(tiny.saleId)).map((s) => s.allocated)).toEqual([1, 1]);
  });

  it('update changes a SCHEDULED sale (quantity moves between SKU and sale); not once it is live', async () => {
    const sale = (await create({ quantity: 10, shards: 4 })).data;
    const updated = await bench.fsOk(OPERATOR, 'update', { saleId: sale.saleId, quantity: 20, shards: 2, salePrice: 800, perMemberLimit: 3 });
    expect(updated).toMatchObject({ quantity: 20, remaining: 20, shards: 2, salePrice: 800, perMemberLimit: 3, state: 'SCHEDULED' });
    expect((await bench.shards(sale.saleId)).map((s) => s.allocated)).toEqual([10, 10]);
    expect(await bench.sku('sku-tea-s')).toMatchObject({ stock: 80, sold: 20 });
    await bench.fsOk(OPERATOR, 'update', { saleId: sale.saleId, quantity: 5 });
    expect(await bench.sku('sku-tea-s')).toMatchObject({ stock: 95, sold: 5 });
    expect(issuesOf(await bench.fs(OPERATOR, 'update', { saleId: sale.saleId, quantity: 101 }))).toEqual(['quantity']);
    expect(issuesOf(await bench.fs(OPERATOR, 'update', { saleId: sale.saleId, endAt: sale.startAt }))).toEqual(['endAt']);

    bench.clock.advance(10 * MINUTE);
    expect(codeOf(await bench.fs(OPERATOR, 'update', { saleId: sale.saleId, quantity: 6 }))).toBe('SALE_NOT_EDITABLE');
    expect(codeOf(await bench.fs(OPERATOR, 'launchNow', { saleId: sale.saleId }))).toBe('SALE_NOT_EDITABLE');
    expect(codeOf(await bench.fs(OPERATOR, 'update', { saleId: 'fs_none' }))).toBe('SALE_NOT_FOUND');
  });

  it('launchNow starts a scheduled sale at once; reminders follow the new start', async () => {
    const sale = (await create({})).data;
    expect(codeOf(await bench.fs('u1', 'buy', { saleId: sale.saleId, requestId: rid(), fulfillment: PICKUP }))).toBe('NOT_STARTED');
    expect(await bench.fsOk('u1', 'remind', { saleId: sale.saleId })).toEqual({ saleId: sale.saleId, reminded: true, remindAt: sale.startAt });
    const launched = await bench.fsOk(OPERATOR, 'launchNow', { saleId: sale.saleId });
    expect(launched).toMatchObject({ state: 'LIVE', startAt: bench.clock() });
    expect((await bench.doc('flash_sale_reminders', `${sale.saleId}:u1`))).toMatchObject({ remindAt: bench.clock(), status: 'PENDING' });
    expect(codeOf(await bench.fs('u1', 'buy', { saleId: sale.saleId, requestId: rid(), fulfillment: PICKUP }))).toBe('OK');
  });

  it('remind records one request per member and sale, and only before the start', async () => {
    const sale = (await create({})).data;
    await Promise.all([1, 2, 3].map(() => bench.fsOk('u1', 'remind', { saleId: sale.saleId })));
    await bench.fsOk('u2', 'remind', { saleId: sale.saleId });
    expect(await bench.count('flash_sale_reminders', { saleId: sale.saleId })).toBe(2);
    expect(await bench.fsOk('u1', 'get', { saleId: sale.saleId })).toMatchObject({ reminded: true });
    expect(await bench.fsOk('u3', 'get', { saleId: sale.saleId })).toMatchObject({ reminded: false });
    expect(await bench.fsOk(OPERATOR, 'stats', { saleId: sale.saleId })).toMatchObject({ reminders: 2 });
    bench.clock.advance(10 * MINUTE);
    expect(codeOf(await bench.fs('u3', 'remind', { saleId: sale.saleId }))).toBe('REMIND_CLOSED');
  });

  it('list: customers see upcoming, live and recently sold-out sales with serverNow; operators see every sale', async () => {
    const upcoming = (await create({ startAt: bench.clock() + 30 * MINUTE, endAt: bench.clock() + 90 * MINUTE })).data;
    const live = await bench.createSale({ quantity: 5 });
    const soldOut = await bench.createSale({ quantity: 1, perMemberLimit: 1 });
    const stopped = await bench.createSale({ quantity: 1, perMemberLimit: 1 });
    const ended = await bench.createSale({ quantity: 1, perMemberLimit: 1, endAt: bench.clock() + MINUTE });
    await bench.fsOk('u1', 'buy', { saleId: soldOut.saleId, requestId: rid(), fulfillment: PICKUP });
    await bench.fsOk(OPERATOR, 'stop', { saleId: stopped.saleId });
    bench.clock.advance(2 * MINUTE);

    const mine = await bench.fsOk('u1', 'list', {});
    expect(mine.serverNow).toBe(bench.clock());
    expect(mine.sales.map((s: any) => [s.saleId, s.state])).toEqual([
      [live.saleId, 'LIVE'],
      [soldOut.saleId, 'SOLD_OUT'],
      [upcoming.saleId, 'SCHEDULED'],
    ]);
    expect(mine.sales[1]).toMatchObject({ myCount: 1, sold: 1, remaining: 0 });
    expect((await bench.fsOk('u1', 'list', { state: 'SCHEDULED' })).sales.map((s: any) => s.saleId)).toEqual([upcoming.saleId]);
    const all = await bench.fsOk(OPERATOR, 'list', {});
    expect(all.sales).toHaveLength(5);
    expect((await bench.fsOk(OPERATOR, 'list', { state: 'ENDED' })).sales.map((s: any) => s.saleId).sort()).toEqual([ended.saleId, stopped.saleId].sort());
  });

  it('stop gives unsold units back to the SKU at once; a repeat changes nothing', async () => {
    const sale = await bench.createSale({ quantity: 10 });
    await bench.fsOk('u1', 'buy', { saleId: sale.saleId, requestId: rid(), fulfillment: PICKUP });
    expect(await bench.sku('sku-tea-s')).toMatchObject({ stock: 90, sold: 10 });
    const [a, b] = await Promise.all([bench.fsOk(OPERATOR, 'stop', { saleId: sale.saleId }), bench.fsOk(OPERATOR, 'stop', { saleId: sale.saleId })]);
    expect(a).toMatchObject({ state: 'ENDED', sold: 1, remaining: 9 });
    expect(b.stoppedAt).toBe(a.stoppedAt);
    expect(await bench.sku('sku-tea-s')).toMatchObject({ stock: 99, sold: 1 });
    expect(await bench.fsOk(OPERATOR, 'stats', { saleId: sale.saleId })).toMatchObject({ state: 'ENDED', returned: 9, pendingOrders: 1, remaining: 0, sold: 1, quantity: 10 });
    expect((await bench.settle()).ok).toBe(true);
    expect(await bench.sku('sku-tea-s')).toMatchObject({ stock: 99, sold: 1 });
  });

  it('the settle timer, run twice at the same time, gives unsold units back once; live sales are left alone', async () => {
    const ending = await bench.createSale({ quantity: 10, shards: 4, endAt: bench.clock() + 10 * MINUTE });
    const running = await bench.createSale({ skuId: 'sku-cake', salePrice: 9900, quantity: 5, endAt: bench.clock() + 60 * MINUTE });
    for (const openid of ['u1', 'u2', 'u3']) await bench.fsOk(openid, 'buy', { saleId: ending.saleId, requestId: rid(), fulfillment: PICKUP });
    expect(await bench.sku('sku-tea-s')).toMatchObject({ stock: 90, sold: 10 });

    bench.clock.advance(10 * MINUTE);
    const runs = await Promise.all([bench.settle(), bench.settle()]);
    const reports = runs.map((r) => (r.ok ? r.data : null));
    expect(reports.reduce((n, r) => n + r!.settled, 0)).toBe(1);
    expect(reports.reduce((n, r) => n + r!.returned, 0)).toBe(7);
    expect(await bench.sku('sku-tea-s')).toMatchObject({ stock: 97, sold: 3 });
    expect(await bench.sku('sku-cake')).toMatchObject({ stock: 0, sold: 5 });
    expect((await bench.saleDoc(ending.saleId)).settledAt).toBe(bench.clock());
    expect((await bench.saleDoc(running.saleId)).settledAt).toBeNull();
    const shards = await bench.shards(ending.saleId);
    expect(shards.every((s) => s.closed && s.remaining === 0 && s.sold + s.returned === s.allocated)).toBe(true);
    expect(await bench.fsOk(OPERATOR, 'get', { saleId: ending.saleId })).toMatchObject({ state: 'ENDED', sold: 3, remaining: 7 });

    // Unpaid orders expire after the end: their units go to the SKU, the sale stays settled.
    bench.clock.advance(5 * MINUTE);
    await bench.timer('order', 'sweep');
    expect(await bench.sku('sku-tea-s')).toMatchObject({ stock: 100, sold: 0 });
    expect((await bench.settle()).ok).toBe(true);
    expect(await bench.sku('sku-tea-s')).toMatchObject({ stock: 100, sold: 0 });
  });

  it('a refunded flash-sale order counts as refunded and gives its unit back to the SKU', async () => {
    const sale = await bench.createSale({ quantity: 2 });
    const { orderId } = await bench.fsOk('u1', 'buy', { saleId: sale.saleId, requestId: rid(), fulfillment: PICKUP });
    await bench.ok('order', 'u1', 'pay', { orderId });
    await bench.pay.deliverPaymentNotification(orderId, 'SUCCESS', 1);
    await bench.ok('order', 'u1', 'requestRefund', { orderId, reason: '不想要了' });
    await approveRefund(bench, orderId); // issue 10: a request waits for the operator
    await bench.timer('order', 'sweep');
    expect((await bench.order(orderId)).status).toBe('REFUNDED');
    expect(await bench.fsOk(OPERATOR, 'stats', { saleId: sale.saleId })).toMatchObject({ sold: 1, paid: 0, pendingOrders: 0, remaining: 1 });
    expect(await bench.sku('sku-tea-s')).toMatchObject({ stock: 99, sold: 1 });
  });
});
