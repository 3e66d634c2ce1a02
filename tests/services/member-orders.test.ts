import type { Order } from '../../src/core/order/types';
import { memberOrderHooks } from '../../src/server/services/member/order-hooks';
import { newRequestId, PICKUP, startShopBench, type Bench } from './order-harness';
import { approveRefund } from './refund-helpers';
import { functionCallers } from './function-callers';

const { call, ok } = functionCallers('member', 'points');

describe('members and orders: growth, points earned, claw-back, tier discount', () => {
  let bench: Bench;
  beforeEach(async () => {
    bench = await startShopBench();
  });
  afterEach(() => bench.close());

  /** Through the real path: create, pay, the sandbox's notification delivered `deliveries` times. */
  const placeAndPay = async (openid: string, skuId = 'sku-tea-l', quantity = 2, deliveries = 1) => {
    const order = await bench.ok('order', openid, 'create', { items: [{ skuId, quantity }], fulfillment: PICKUP, requestId: newRequestId() });
    await bench.ok('order', openid, 'pay', { orderId: order._id });
    const report = await bench.pay.deliverPaymentNotification(order._id, 'SUCCESS', deliveries, { concurrent: deliveries > 1 });
    expect(report.allAcknowledged).toBe(true);
    return order;
  };
  const refund = async (openid: string, orderId: string) => {
    await bench.ok('order', openid, 'requestRefund', { orderId, reason: '不想要了' });
    await approveRefund(bench, orderId); // issue 10: a request waits for the operator
    expect(await bench.timer('order', 'processRefunds')).toMatchObject({ ok: true, data: { changed: 1 } });
    expect(await bench.order(orderId)).toMatchObject({ status: 'REFUNDED' });
  };
  const growthOf = async (openid: string) => (await ok('member', openid, 'card')).growth as number;
  const balanceOf = async (openid: string) => (await ok('points', openid, 'balance')).balance as number;

  it('a member earns points and growth once for a paid order, however often the notification comes', async () => {
    await ok('member', 'u1', 'join', { nickname: '小思' });
    const order = await placeAndPay('u1', 'sku-tea-l', 2, 4); // 2 × 39.00 = 78.00, pickup
    expect(order.amounts.payable).toBe(7800);
    expect(await growthOf('u1')).toBe(78);
    expect(await balanceOf('u1')).toBe(100 + 78);
    const page = await ok('points', 'u1', 'ledger', { kind: 'earn' });
    expect(page.items[0]).toMatchObject({ id: `earn:${order._id}`, kind: 'earn', label: '消费得积分', delta: 78, balanceAfter: 178, expiresOn: '2026-12-31' });
    expect(await bench.count('points_ledger', { openid: 'u1', kind: 'earn' })).toBe(1);
  });

  it('a customer who has not joined earns nothing, and a refund after joining takes nothing', async () => {
    const order = await placeAndPay('u2');
    expect(await bench.count('points_ledger')).toBe(0);
    expect(await bench.count('member_growth')).toBe(0);
    await ok('member', 'u2', 'join', { nickname: '后来开卡' });
    await refund('u2', order._id);
    expect(await growthOf('u2')).toBe(0);
    expect(await balanceOf('u2')).toBe(100);
    expect(await bench.count('points_ledger', { openid: 'u2', kind: 'refund' })).toBe(0);
  });

  it('a points-mall redemption paid with cash earns neither growth nor points', async () => {
    await ok('member', 'u1', 'join', { nickname: '小思' });
    const mallOrder = { _id: 'o-mall-1', openid: 'u1', source: 'mall', payment: { amount: 990 }, amounts: { payable: 990 } } as unknown as Order;
    const deps = { db: bench.db, now: bench.clock, log: bench.runtime.log };
    await bench.db.runTransaction((tx) => memberOrderHooks.paid!(tx, mallOrder, deps, bench.clock()));
    expect(await growthOf('u1')).toBe(0);
    expect(await bench.count('points_ledger', { openid: 'u1', kind: 'earn' })).toBe(0);
  });

  it('a refund takes back the growth and the points the order earned', async () => {
    await ok('member', 'u1', 'join', { nickname: '小思' });
    const kept = await placeAndPay('u1', 'sku-tea-s', 1); // 29.00
    const refunded = await placeAndPay('u1'); // 78.00
    expect(await growthOf('u1')).toBe(29 + 78);
    expect(await balanceOf('u1')).toBe(100 + 29 + 78);

    await refund('u1', refunded._id);
    expect(await growthOf('u1')).toBe(29);
    expect(await balanceOf('u1')).toBe(100 + 29);
    const entry = (await ok('points', 'u1', 'ledger', { kind: 'spend' })).items[0];
    expect(entry).toMatchObject({ id: `refund:${refunded._id}`, kind: 'refund', delta: -78, shortfall: 0 });
    expect(kept._id).not.toBe(refunded._id);
  });

  it('points already spent are not taken below zero: the shortfall is recorded on the claw-back', async () => {
    await ok('member', 'u1', 'join', { nickname: '小思' });
    const order = await placeAndPay('u1'); // +78 → 178
    const spent = await call('points', 'ops-1', 'adjust', { openid: 'u1', delta: -150, reason: '线下兑换礼品', requestId: 'adjust-spend-0001' });
    expect(spent).toMatchObject({ ok: true, data: { applied: true, balance: 28 } });

    await refund('u1', order._id);
    expect(await balanceOf('u1')).toBe(0);
    const entry = (await ok('points', 'u1', 'ledger', { kind: 'spend' })).items[0];
    expect(entry).toMatchObject({ id: `refund:${order._id}`, delta: -28, shortfall: 50, balanceAfter: 0 });
    expect(entry.note).toContain('50');
  });

  it('the tier discount reaches the quote and the order, and the tier multiplier the points', async () => {
    await ok('member', 'u1', 'join', { nickname: '小思' });
    const quoteInput = { items: [{ skuId: 'sku-tea-s', quantity: 2 }], fulfillment: PICKUP };
    expect(await bench.ok('order', 'u1', 'quote', quoteInput)).toMatchObject({ memberDiscountBps: 0, amounts: { itemsTotal: 5800, discount: 0 } });

    await placeAndPay('u1', 'sku-cake', 4); // 4 × 128.00 = 512.00 → growth 512: 银卡 (≥ 500)
    const card = await ok('member', 'u1', 'card');
    expect(card).toMatchObject({ growth: 512, tier: { id: 'silver', discountBps: 200, pointsMultiplier: 1.2 }, nextTier: { id: 'gold' } });
    expect(card.progress).toEqual({ remaining: 1488, percent: 0 });

    const quote = await bench.ok('order', 'u1', 'quote', quoteInput);
    expect(quote).toMatchObject({ memberDiscountBps: 200, amounts: { itemsTotal: 5800, discount: 116, payable: 5684 } });
    // Someone else, not a member, pays full price.
    expect(await bench.ok('order', 'u9', 'quote', quoteInput)).toMatchObject({ memberDiscountBps: 0, amounts: { payable: 5800 } });

    const before = await balanceOf('u1');
    const order = await placeAndPay('u1', 'sku-tea-s', 2);
    expect(await bench.order(order._id)).toMatchObject({ memberDiscountBps: 200, amounts: { payable: 5684 } });
    // 56.84 元 × 1.2 = 68.2 → 68 points.
    expect((await balanceOf('u1')) - before).toBe(68);
  });
});
