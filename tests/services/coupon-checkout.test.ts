import { issueCouponInTx } from '../../src/server/services/promotion/coupons';
import { newRequestId, PICKUP, seedShop } from './order-harness';
import { DAY, startPromotionBench, type PromotionBench } from './promotion-harness';
import { approveRefund } from './refund-helpers';

/** sku-cake 128.00 + sku-tea-s 29.00, picked up: goods 157.00. */
const CART = [
  { skuId: 'sku-cake', quantity: 1 },
  { skuId: 'sku-tea-s', quantity: 1 },
];

describe('checkout with coupons', () => {
  let bench: PromotionBench;
  beforeEach(async () => {
    bench = startPromotionBench();
    await seedShop(bench.db);
    await bench.putTemplate('t10', { title: '满99减10', rule: { kind: 'amount', amountOff: 1000, threshold: 9900 }, validity: { type: 'relative', days: 30 } });
    await bench.putTemplate('t90', { title: '9折券', rule: { kind: 'percent', offBps: 1000, maxOff: 2000, threshold: 0 }, validity: { type: 'relative', days: 10 } });
    await bench.putTemplate('tfree', { title: '乌龙茶赠品券', rule: { kind: 'freeItem', skuId: 'sku-tea-s', threshold: 0 }, validity: { type: 'relative', days: 5 } });
  });
  afterEach(() => bench.close());

  const issue = (openid: string, couponId: string, templateId: string) =>
    bench.db.runTransaction((tx) => issueCouponInTx(tx, { couponId, openid, templateId, source: 'gift' }, bench.clock()));
  const quote = (openid: string, extra: object = {}): Promise<any> => bench.call<any>('order', openid, 'quote', { items: CART, fulfillment: PICKUP, ...extra });
  const create = (openid: string, extra: object = {}, requestId = newRequestId()): Promise<any> =>
    bench.call<any>('order', openid, 'create', { items: CART, fulfillment: PICKUP, requestId, source: 'buyNow', ...extra });
  const pay = async (openid: string, orderId: string) => {
    await bench.ok('order', openid, 'pay', { orderId });
    expect((await bench.pay.deliverPaymentNotification(orderId, 'SUCCESS', 1)).allAcknowledged).toBe(true);
  };

  it('quote applies the best usable coupon by default, none for couponId null, the named one otherwise', async () => {
    await issue('u1', 'c10', 't10');
    await issue('u1', 'c90', 't90');
    await issue('u1', 'cfree', 'tfree');
    await bench.putTemplate('t500', { rule: { kind: 'amount', amountOff: 500, threshold: 50000 } });
    await issue('u1', 'c500', 't500');

    const best = await quote('u1');
    expect(best.data).toMatchObject({
      amounts: { itemsTotal: 15700, discount: 0, shippingFee: 0, couponDiscount: 2900, payable: 12800 },
      coupon: { couponId: 'cfree', templateId: 'tfree', kind: 'freeItem', discount: 2900 },
    });
    expect(best.data.couponOptions.map((o: any) => [o.couponId, o.usable, o.discount, o.reason])).toEqual([
      ['cfree', true, 2900, null],
      ['c90', true, 1570, null],
      ['c10', true, 1000, null],
      ['c500', false, 0, 'BELOW_THRESHOLD'],
    ]);

    const none = await quote('u1', { couponId: null });
    expect(none.data.coupon).toBeNull();
    expect(none.data.amounts).toEqual({ itemsTotal: 15700, discount: 0, shippingFee: 0, payable: 15700 });

    const named = await quote('u1', { couponId: 'c10' });
    expect(named.data).toMatchObject({ coupon: { couponId: 'c10', discount: 1000 }, amounts: { couponDiscount: 1000, payable: 14700 } });

    expect((await quote('u2')).data).toMatchObject({ coupon: null, couponOptions: [] });
  });

  it('create locks the best coupon with the order; payment marks it USED; the order shows it', async () => {
    await issue('u1', 'c10', 't10');
    await issue('u1', 'c90', 't90');
    const created = await create('u1');
    expect(created).toMatchObject({ ok: true, data: { coupon: { couponId: 'c90', discount: 1570 }, amounts: { couponDiscount: 1570, payable: 14130 } } });
    const orderId = created.data._id;
    expect(await bench.doc('coupons', 'c90')).toMatchObject({ status: 'LOCKED', orderId, lockedAt: bench.clock() });
    expect(await bench.doc('coupons', 'c10')).toMatchObject({ status: 'AVAILABLE', orderId: null });

    // A second order meanwhile takes the next best, the locked one is not offered.
    const second = await quote('u1');
    expect(second.data.coupon).toMatchObject({ couponId: 'c10' });
    expect(second.data.couponOptions.map((o: any) => o.couponId)).toEqual(['c10']);

    await pay('u1', orderId);
    expect(await bench.order(orderId)).toMatchObject({ status: 'READY_FOR_PICKUP', payment: { amount: 14130 } });
    expect(await bench.doc('coupons', 'c90')).toMatchObject({ status: 'USED', orderId, usedAt: bench.clock() });
    expect(await bench.ok('order', 'u1', 'get', { orderId })).toMatchObject({ coupon: { couponId: 'c90', title: '9折券', discount: 1570 }, source: 'shop' });
    expect((await bench.promoOk('coupon', 'u1', 'list', { status: 'USED' })).items).toEqual([expect.objectContaining({ couponId: 'c90', orderId })]);
  });

  it('explicit none leaves every coupon alone', async () => {
    await issue('u1', 'c10', 't10');
    const created = await create('u1', { couponId: null });
    expect(created.data).toMatchObject({ coupon: null, amounts: { payable: 15700 } });
    expect(created.data.amounts).not.toHaveProperty('couponDiscount');
    expect(await bench.doc('coupons', 'c10')).toMatchObject({ status: 'AVAILABLE' });
  });

  it('refuses someone else’s, expired, used, locked and inapplicable coupons, changing nothing', async () => {
    await issue('u2', 'theirs', 't10');
    await issue('u1', 'old', 'tfree');
    await issue('u1', 'spent', 't90');
    await issue('u1', 'held', 't10');
    await bench.putTemplate('big', { rule: { kind: 'amount', amountOff: 5000, threshold: 50000 } });
    await issue('u1', 'far', 'big');
    await bench.db.collection('coupons').doc('spent').update({ status: 'USED', orderId: 'o_earlier', usedAt: bench.clock() });
    await bench.db.collection('coupons').doc('old').update({ validUntil: bench.clock() });
    const holder = await create('u1', { couponId: 'held', items: [{ skuId: 'sku-cake', quantity: 1 }] });
    expect(holder.ok).toBe(true);
    const before = { cake: await bench.sku('sku-cake'), tea: await bench.sku('sku-tea-s'), orders: await bench.count('orders') };

    const cases: Array<[string, string]> = [
      ['theirs', 'COUPON_NOT_FOUND'],
      ['no-such-coupon', 'COUPON_NOT_FOUND'],
      ['old', 'COUPON_EXPIRED'],
      ['spent', 'COUPON_USED'],
      ['held', 'COUPON_LOCKED'],
      ['far', 'COUPON_NOT_APPLICABLE'],
    ];
    for (const [couponId, code] of cases) {
      expect(await quote('u1', { couponId })).toMatchObject({ ok: false, error: { code } });
      expect(await create('u1', { couponId })).toMatchObject({ ok: false, error: { code } });
    }
    expect(await bench.sku('sku-cake')).toEqual(before.cake);
    expect(await bench.sku('sku-tea-s')).toEqual(before.tea);
    expect(await bench.count('orders')).toBe(before.orders);
    expect(await bench.doc('coupons', 'theirs')).toMatchObject({ status: 'AVAILABLE', orderId: null });
  });

  it('a coupon named by several checkouts at once goes to one order; the others are refused with COUPON_LOCKED', async () => {
    await issue('u1', 'c10', 't10');
    const results = await Promise.all(Array.from({ length: 6 }, () => create('u1', { couponId: 'c10' })));
    const ok = results.filter((r) => r.ok);
    expect(ok).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => r.error.code)).toEqual(Array(5).fill('COUPON_LOCKED'));
    expect(await bench.doc('coupons', 'c10')).toMatchObject({ status: 'LOCKED', orderId: ok[0]!.data._id });
    expect(await bench.sku('sku-cake')).toMatchObject({ stock: 4, sold: 1 });
  });

  it('a cancelled order gives its coupon back once (double cancel), and it can be used again', async () => {
    await issue('u1', 'c10', 't10');
    const order = (await create('u1', { couponId: 'c10' })).data;
    const cancels = await Promise.all([1, 2].map(() => bench.ok('order', 'u1', 'cancel', { orderId: order._id })));
    for (const c of cancels) expect(c.status).toBe('CANCELLED');
    expect(await bench.doc('coupons', 'c10')).toMatchObject({ status: 'AVAILABLE', orderId: null, lockedAt: null });
    const again = await create('u1');
    expect(again.data.coupon).toMatchObject({ couponId: 'c10' });
    await bench.ok('order', 'u1', 'cancel', { orderId: order._id });
    expect(await bench.doc('coupons', 'c10')).toMatchObject({ status: 'LOCKED', orderId: again.data._id });
  });

  it('timer and customer cancelling at once give the coupon back once', async () => {
    await issue('u1', 'c10', 't10');
    const order = (await create('u1', { couponId: 'c10' })).data;
    bench.clock.advance(15 * 60_000);
    const [timer, customer] = await Promise.all([bench.timer('order', 'cancelExpired'), bench.call('order', 'u1', 'cancel', { orderId: order._id })]);
    expect(timer.ok && customer.ok).toBe(true);
    expect(await bench.order(order._id)).toMatchObject({ status: 'CANCELLED' });
    expect((await bench.order(order._id)).history.filter((h: any) => h.to === 'CANCELLED')).toHaveLength(1);
    expect(await bench.doc('coupons', 'c10')).toMatchObject({ status: 'AVAILABLE', orderId: null });
    expect(await bench.sku('sku-cake')).toMatchObject({ stock: 5, sold: 0 });
  });

  it('a cancelled order whose coupon ended meanwhile gives it back as expired', async () => {
    await issue('u1', 'cfree', 'tfree');
    const order = (await create('u1', { couponId: 'cfree' })).data;
    bench.clock.advance(6 * DAY);
    await bench.timer('order', 'cancelExpired');
    expect(await bench.order(order._id)).toMatchObject({ status: 'CANCELLED' });
    expect(await bench.promoOk('coupon', 'u1', 'get', { couponId: 'cfree' })).toMatchObject({ status: 'EXPIRED' });
  });

  it('a refunded order keeps its coupon USED', async () => {
    await issue('u1', 'c10', 't10');
    const order = (await create('u1', { couponId: 'c10' })).data;
    await pay('u1', order._id);
    await bench.ok('order', 'u1', 'requestRefund', { orderId: order._id });
    await approveRefund(bench, order._id); // issue 10: a request waits for the operator
    await bench.timer('order', 'processRefunds');
    expect(await bench.order(order._id)).toMatchObject({ status: 'REFUNDED' });
    expect(await bench.doc('coupons', 'c10')).toMatchObject({ status: 'USED', orderId: order._id });
  });

  it('a double-tapped create with a coupon makes one order and locks the coupon once', async () => {
    await issue('u1', 'c10', 't10');
    const requestId = newRequestId();
    const taps = await Promise.all([1, 2, 3].map(() => create('u1', {}, requestId)));
    expect(new Set(taps.map((t) => t.data._id)).size).toBe(1);
    expect(await bench.count('orders', { openid: 'u1' })).toBe(1);
    expect(await bench.doc('coupons', 'c10')).toMatchObject({ status: 'LOCKED', orderId: taps[0]!.data._id });
  });
});
