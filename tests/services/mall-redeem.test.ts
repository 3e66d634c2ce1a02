import { ADDRESS, DELIVERY, PICKUP, seedShop } from './order-harness';
import { rid, startPromotionBench, type PromotionBench } from './promotion-harness';
import { approveRefund } from './refund-helpers';

describe('points mall', () => {
  let bench: PromotionBench;
  beforeEach(async () => {
    bench = startPromotionBench();
    await seedShop(bench.db);
    await bench.putTemplate('t10', { title: '满99减10', rule: { kind: 'amount', amountOff: 1000, threshold: 9900 }, claimable: false, totalQuantity: 0 });
    await bench.putMallItem('mug', { title: '马克杯', pointsPrice: 990, stock: 5, perMemberLimit: 1, sort: 1 });
    await bench.putMallItem('tea', { title: '乌龙茶', skuId: 'sku-tea-s', pointsPrice: 600, cashPrice: 990, stock: 50, perMemberLimit: 2, sort: 2 });
    await bench.putMallItem('coupon10', { title: '满99减10 券', kind: 'coupon', templateId: 't10', pointsPrice: 200, stock: 100, perMemberLimit: 3, sort: 3 });
    await bench.putMallItem('coupon10cash', { title: '满99减10 券（加价购）', kind: 'coupon', templateId: 't10', pointsPrice: 100, cashPrice: 100, stock: 10, perMemberLimit: 3, sort: 4 });
    await bench.putMallItem('hidden', { status: 'OFF_SALE', sort: 0 });
  });
  afterEach(() => bench.close());

  const redeem = (openid: string, itemId: string, extra: object = {}, requestId = rid()): Promise<any> =>
    bench.promo<any>('mall', openid, 'redeem', { itemId, requestId, fulfillment: DELIVERY, ...extra });
  const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'OK' : r.error!.code);
  const ledger = (openid: string) => bench.count('points_ledger', { openid });
  const snapshot = async (openid: string, itemId: string) => ({
    balance: await bench.balance(openid),
    entries: await ledger(openid),
    item: await bench.doc('mall_items', itemId),
    count: await bench.doc('mall_redemptions_count', `${itemId}:${openid}`),
    orders: await bench.count('orders', { openid }),
  });

  it('lists items on sale by sort, with coupon faces; get tells the caller’s count', async () => {
    const page = await bench.promoOk('mall', 'u1', 'list', {});
    expect(page.items.map((i: any) => i.itemId)).toEqual(['mug', 'tea', 'coupon10', 'coupon10cash']);
    expect(page.items[2]).toMatchObject({ kind: 'coupon', couponLabel: '满99减10', pointsPrice: 200, cashPrice: 0 });
    expect((await bench.promoOk('mall', 'u1', 'list', { kind: 'coupon' })).items).toHaveLength(2);
    expect(await bench.promoOk('mall', 'u1', 'get', { itemId: 'tea' })).toMatchObject({ redeemedByMe: 0, limitReached: false, needsFulfillment: true });
    expect(await bench.promo('mall', 'u1', 'get', { itemId: 'hidden' })).toMatchObject({ ok: false, error: { code: 'MALL_ITEM_OFF_SALE' } });
    expect(await bench.promo('mall', 'u1', 'get', { itemId: 'nope' })).toMatchObject({ ok: false, error: { code: 'MALL_ITEM_NOT_FOUND' } });
  });

  it('points only: one transaction takes points, stock and count; the order is PAID in order.list; a replay changes nothing', async () => {
    await bench.givePoints('u1', 1500);
    const requestId = rid();
    const taps = await Promise.all([1, 2, 3].map(() => redeem('u1', 'mug', {}, requestId)));
    expect(new Set(taps.map((t) => t.data.order._id)).size).toBe(1);
    const result = taps[0]!.data;
    expect(result).toMatchObject({
      pointsSpent: 990,
      needsPayment: false,
      couponId: null,
      order: { status: 'PAID', source: 'mall', amounts: { payable: 0 }, fulfillment: { type: 'delivery', address: ADDRESS }, mall: { itemId: 'mug', pointsPrice: 990 } },
    });
    expect(await bench.balance('u1')).toBe(510);
    expect(await bench.doc('points_ledger', `u1:redeem:${requestId}`)).toMatchObject({ delta: -990, kind: 'redeem', refId: result.order._id });
    expect(await bench.doc('mall_items', 'mug')).toMatchObject({ stock: 4, sold: 1 });
    expect(await bench.doc('mall_redemptions_count', 'mug:u1')).toMatchObject({ count: 1 });

    const list = await bench.ok('order', 'u1', 'list', {});
    expect(list.items).toEqual([expect.objectContaining({ _id: result.order._id, status: 'PAID', statusLabel: '已支付', source: 'mall' })]);
    expect(await bench.ok('order', 'u1', 'get', { orderId: result.order._id })).toMatchObject({ status: 'PAID', mall: { kind: 'goods' } });
    expect(await bench.promoOk('mall', 'u1', 'get', { itemId: 'mug' })).toMatchObject({ redeemedByMe: 1, limitReached: true, stock: 4 });

    expect(codeOf(await redeem('u1', 'mug'))).toBe('MALL_LIMIT_REACHED');
    expect(await bench.balance('u1')).toBe(510);
  });

  it('pickup goods are ready for pickup at once; goods need an address', async () => {
    await bench.givePoints('u1', 5000);
    expect((await redeem('u1', 'mug', { fulfillment: PICKUP })).data.order).toMatchObject({ status: 'READY_FOR_PICKUP', fulfillment: { type: 'pickup' } });
    await bench.givePoints('u2', 5000);
    expect(codeOf(await redeem('u2', 'mug', { fulfillment: undefined }))).toBe('ADDRESS_REQUIRED');
    expect(codeOf(await redeem('u2', 'mug', { fulfillment: { type: 'pickup', storeId: 'nowhere' } }))).toBe('STORE_NOT_FOUND');
  });

  it('insufficient points are refused and nothing changes', async () => {
    await bench.givePoints('u1', 989);
    const before = await snapshot('u1', 'mug');
    expect(await redeem('u1', 'mug')).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_POINTS' } });
    expect(await snapshot('u1', 'mug')).toEqual(before);
    expect(before.count).toBeNull();
  });

  it('insufficient points found inside the transaction (spent meanwhile) also change nothing', async () => {
    await bench.givePoints('u1', 1000);
    // Two different items racing for the same 1000 points: one wins, the other is refused whole.
    await bench.putMallItem('mug2', { pointsPrice: 990, stock: 5 });
    const results = await Promise.all([redeem('u1', 'mug'), redeem('u1', 'mug2')]);
    expect(results.map(codeOf).sort()).toEqual(['INSUFFICIENT_POINTS', 'OK']);
    expect(await bench.balance('u1')).toBe(10);
    const stocks = [(await bench.doc('mall_items', 'mug'))!.stock, (await bench.doc('mall_items', 'mug2'))!.stock].sort();
    expect(stocks).toEqual([4, 5]);
    expect(await bench.count('mall_redemptions')).toBe(1);
    expect(await bench.count('orders', { openid: 'u1' })).toBe(1);
  });

  it('50 simultaneous redemptions of an item with stock 5 by 10 members: exactly 5, nobody above the limit', async () => {
    const members = Array.from({ length: 10 }, (_, i) => `m${i}`);
    for (const m of members) await bench.givePoints(m, 10_000);
    const results = await Promise.all(members.flatMap((m) => Array.from({ length: 5 }, () => redeem(m, 'mug').then((r) => ({ m, r })))));
    const winners = results.filter(({ r }) => r.ok);
    expect(winners).toHaveLength(5);
    expect(results.map(({ r }) => codeOf(r)).filter((c) => c !== 'OK').every((c) => c === 'MALL_SOLD_OUT' || c === 'MALL_LIMIT_REACHED')).toBe(true);
    expect(await bench.doc('mall_items', 'mug')).toMatchObject({ stock: 0, sold: 5 });
    for (const m of members) {
      const won = winners.filter((w) => w.m === m).length;
      expect(won).toBeLessThanOrEqual(1);
      expect(await bench.balance(m)).toBe(10_000 - 990 * won);
      expect((await bench.doc<{ count: number }>('mall_redemptions_count', `mug:${m}`))?.count ?? 0).toBe(won);
    }
    expect(await bench.count('orders', { source: 'mall' })).toBe(5);
  });

  it('the per-member limit holds when stock is plenty: 5 members × 10 concurrent taps → 2 each', async () => {
    const members = ['a', 'b', 'c', 'd', 'e'];
    for (const m of members) await bench.givePoints(m, 100_000);
    const results = await Promise.all(members.flatMap((m) => Array.from({ length: 10 }, () => redeem(m, 'tea').then((r) => ({ m, r })))));
    for (const m of members) expect(results.filter((x) => x.m === m && x.r.ok)).toHaveLength(2);
    expect(await bench.doc('mall_items', 'tea')).toMatchObject({ stock: 40, sold: 10 });
  });

  it('a points-only coupon item issues the coupon at once and completes the order', async () => {
    await bench.givePoints('u1', 1000);
    const result = (await redeem('u1', 'coupon10', { fulfillment: undefined })).data;
    expect(result).toMatchObject({ needsPayment: false, couponId: `mall:${result.order._id}`, order: { status: 'COMPLETED', mall: { kind: 'coupon' } } });
    expect(await bench.doc('coupons', result.couponId)).toMatchObject({ openid: 'u1', templateId: 't10', source: 'mall', status: 'AVAILABLE' });
    expect((await bench.promoOk('coupon', 'u1', 'list', { status: 'AVAILABLE' })).items).toHaveLength(1);
    expect(await bench.balance('u1')).toBe(800);
  });

  it('points + cash: PENDING_PAYMENT for the cash; cancelled → points, stock and count back exactly once', async () => {
    await bench.givePoints('u1', 1000);
    const before = await snapshot('u1', 'tea');
    const result = (await redeem('u1', 'tea')).data;
    expect(result).toMatchObject({ needsPayment: true, order: { status: 'PENDING_PAYMENT', amounts: { payable: 990 }, items: [expect.objectContaining({ skuId: 'sku-tea-s', productId: 'p-tea' })] } });
    expect(await bench.balance('u1')).toBe(400);
    expect(await bench.doc('mall_items', 'tea')).toMatchObject({ stock: 49, sold: 1 });
    const skuBefore = await bench.sku('sku-tea-s');

    const cancels = await Promise.all([1, 2].map(() => bench.call('order', 'u1', 'cancel', { orderId: result.order._id })));
    expect(cancels.every((c) => c.ok)).toBe(true);
    bench.clock.advance(15 * 60_000);
    await bench.timer('order', 'cancelExpired');

    expect(await bench.balance('u1')).toBe(1000);
    expect(await bench.doc('points_ledger', `u1:return:${result.order._id}`)).toMatchObject({ delta: 600, kind: 'return' });
    expect(await ledger('u1')).toBe(before.entries + 2);
    expect(await bench.doc('mall_items', 'tea')).toMatchObject({ stock: 50, sold: 0 });
    expect(await bench.doc('mall_redemptions_count', 'tea:u1')).toMatchObject({ count: 0 });
    expect(await bench.doc('mall_redemptions', result.order._id)).toMatchObject({ status: 'RETURNED' });
    // The catalog SKU the item hands over was never taken, so nothing comes back to it either.
    expect(await bench.sku('sku-tea-s')).toEqual(skuBefore);
  });

  it('points + cash: the pay timer and the customer cancelling at once give everything back once', async () => {
    await bench.givePoints('u1', 1000);
    const result = (await redeem('u1', 'tea')).data;
    bench.clock.advance(15 * 60_000);
    await Promise.all([bench.timer('order', 'cancelExpired'), bench.call('order', 'u1', 'cancel', { orderId: result.order._id }), bench.timer('order', 'cancelExpired')]);
    expect(await bench.balance('u1')).toBe(1000);
    expect(await bench.count('points_ledger', { openid: 'u1', kind: 'return' })).toBe(1);
    expect(await bench.doc('mall_items', 'tea')).toMatchObject({ stock: 50, sold: 0 });
    expect(await bench.doc('mall_redemptions_count', 'tea:u1')).toMatchObject({ count: 0 });
  });

  it('points + cash paid, then refunded: points, stock and count come back once', async () => {
    await bench.givePoints('u1', 1000);
    const { order } = (await redeem('u1', 'tea')).data;
    await bench.ok('order', 'u1', 'pay', { orderId: order._id });
    expect((await bench.pay.deliverPaymentNotification(order._id, 'SUCCESS', 2)).allAcknowledged).toBe(true);
    expect(await bench.order(order._id)).toMatchObject({ status: 'PAID', payment: { amount: 990 } });
    expect(await bench.balance('u1')).toBe(400);

    await bench.ok('order', 'u1', 'requestRefund', { orderId: order._id });
    await approveRefund(bench, order._id); // issue 10: a request waits for the operator
    await Promise.all([bench.timer('order', 'processRefunds'), bench.timer('order', 'processRefunds')]);
    await bench.timer('order', 'processRefunds');
    expect(await bench.order(order._id)).toMatchObject({ status: 'REFUNDED' });
    expect(await bench.balance('u1')).toBe(1000);
    expect(await bench.count('points_ledger', { openid: 'u1', kind: 'return' })).toBe(1);
    expect(await bench.doc('mall_items', 'tea')).toMatchObject({ stock: 50, sold: 0 });
    expect(await bench.doc('mall_redemptions_count', 'tea:u1')).toMatchObject({ count: 0 });
  });

  it('points only, then refunded: no money to return, so no payment provider is asked; points, stock and count come back once', async () => {
    await bench.givePoints('u1', 1500);
    const { order } = (await redeem('u1', 'mug')).data;
    await bench.ok('order', 'u1', 'requestRefund', { orderId: order._id });
    await approveRefund(bench, order._id); // issue 10: a request waits for the operator
    await Promise.all([bench.timer('order', 'processRefunds'), bench.timer('order', 'processRefunds')]);
    expect(await bench.order(order._id)).toMatchObject({ status: 'REFUNDED' });
    expect(await bench.balance('u1')).toBe(1500);
    expect(await bench.count('points_ledger', { openid: 'u1', kind: 'return' })).toBe(1);
    expect(await bench.doc('mall_items', 'mug')).toMatchObject({ stock: 5, sold: 0 });
    expect(await bench.doc('mall_redemptions_count', 'mug:u1')).toMatchObject({ count: 0 });
  });

  it('a points + cash coupon item issues its coupon on payment and completes', async () => {
    await bench.givePoints('u1', 1000);
    const { order } = (await redeem('u1', 'coupon10cash', { fulfillment: undefined })).data;
    expect(order).toMatchObject({ status: 'PENDING_PAYMENT', amounts: { payable: 100 } });
    expect(await bench.count('coupons', { openid: 'u1' })).toBe(0);
    await bench.ok('order', 'u1', 'pay', { orderId: order._id });
    await bench.pay.deliverPaymentNotification(order._id, 'SUCCESS', 2);
    expect(await bench.ok('order', 'u1', 'get', { orderId: order._id })).toMatchObject({ status: 'COMPLETED', mall: { couponId: `mall:${order._id}` } });
    expect(await bench.doc('coupons', `mall:${order._id}`)).toMatchObject({ status: 'AVAILABLE', source: 'mall' });
    expect(await bench.count('coupons', { openid: 'u1' })).toBe(1);
  });

  it('refuses off-sale, unknown and sold-out items', async () => {
    await bench.givePoints('u1', 10_000);
    await bench.putMallItem('gone', { stock: 0 });
    expect(codeOf(await redeem('u1', 'hidden'))).toBe('MALL_ITEM_OFF_SALE');
    expect(codeOf(await redeem('u1', 'nope'))).toBe('MALL_ITEM_NOT_FOUND');
    expect(codeOf(await redeem('u1', 'gone'))).toBe('MALL_SOLD_OUT');
    expect(await bench.balance('u1')).toBe(10_000);
  });
});
