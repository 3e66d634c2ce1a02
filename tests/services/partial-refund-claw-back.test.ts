/**
 * Partial refunds take back growth and points in proportion,
 * floor(given × refunded / paid), each once by its refund number; the final
 * refund takes what they left, so the whole order gives back exactly what it earned.
 */
import { functionCallers } from './function-callers';
import { newRequestId, PICKUP, startShopBench, type Bench } from './order-harness';

const { ok } = functionCallers('member', 'points');

describe('partial refunds: growth and points back in proportion', () => {
  let bench: Bench;
  beforeEach(async () => {
    bench = await startShopBench();
  });
  afterEach(() => bench.close());

  const growthOf = async (openid: string) => (await ok('member', openid, 'card')).growth as number;
  const balanceOf = async (openid: string) => (await ok('points', openid, 'balance')).balance as number;
  const refundOnce = async (orderId: string, ask: object) => {
    await bench.ok('order', 'u1', 'requestRefund', { orderId, ...ask });
    await bench.ok('order', 'ops-1', 'reviewRefund', { orderId, decision: 'approve' });
    // Two workers at once, then a replay: each refund completes, and claws back, once.
    await Promise.all([bench.timer('order', 'processRefunds'), bench.timer('order', 'processRefunds')]);
    await bench.timer('order', 'processRefunds');
  };

  it('by line, by amount, then the rest: each takes its share once, and all of them exactly what the order earned', async () => {
    await ok('member', 'u1', 'join', { nickname: '小思' });
    const order = await bench.ok('order', 'u1', 'create', { items: [{ skuId: 'sku-tea-l', quantity: 3 }], fulfillment: PICKUP, requestId: newRequestId() });
    await bench.ok('order', 'u1', 'pay', { orderId: order._id });
    await bench.pay.deliverPaymentNotification(order._id, 'SUCCESS', 1);
    expect(order.amounts.payable).toBe(11700);
    expect(await growthOf('u1')).toBe(117);
    expect(await balanceOf('u1')).toBe(100 + 117);

    await refundOnce(order._id, { reason: '少喝一杯', lines: [{ skuId: 'sku-tea-l', quantity: 1 }] }); // 39.00 of 117.00
    expect(await growthOf('u1')).toBe(117 - 39);
    expect(await balanceOf('u1')).toBe(100 + 117 - 39);
    await refundOnce(order._id, { reason: '包装破损', amount: 1050 }); // floor(117 × 1050 / 11700) = 10
    expect(await growthOf('u1')).toBe(117 - 39 - 10);
    expect(await balanceOf('u1')).toBe(100 + 117 - 49);
    const partials = (await ok('points', 'u1', 'ledger', { kind: 'spend' })).items;
    expect(partials.map((e: { id: string; delta: number }) => [e.id, e.delta]).sort()).toEqual([
      [`refund:R${order._id}`, -39],
      [`refund:R${order._id}-2`, -10],
    ]);

    await refundOnce(order._id, { reason: '都不要了' });
    expect(await bench.order(order._id)).toMatchObject({ status: 'REFUNDED', refundedFen: 11700 });
    expect(await growthOf('u1')).toBe(0);
    expect(await balanceOf('u1')).toBe(100);
    const all = (await ok('points', 'u1', 'ledger', { kind: 'spend' })).items as { id: string; delta: number }[];
    expect(all.find((e) => e.id === `refund:${order._id}`)).toMatchObject({ delta: -(117 - 39 - 10) });
    expect(all.reduce((n, e) => n + e.delta, 0)).toBe(-117);
    expect(await bench.count('member_growth', { openid: 'u1', kind: 'refund' })).toBe(3);
  });
});
