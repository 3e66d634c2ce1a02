/**
 * Issue 13, part 4 (share attribution): a card carries the sharer's share
 * code; an open is recorded once per (sharer, opener, target); the opener's
 * order for that target within the window is stamped with the share in its
 * payment's transaction and counts for the sharer; a refund takes it back.
 */
import { DAY_MS } from '../../src/core/growth/reward';
import { functionCallers } from './function-callers';
import { newRequestId, PICKUP } from './order-harness';
import { approveRefund } from './refund-helpers';
import { startPromotionBench, type PromotionBench } from './promotion-harness';
import { seedTwoStores } from './staff-harness';

const { ok } = functionCallers('growth', 'member');
const SHARER = 'sharer-s';
const OPENER = 'opener-o';
const OPS = 'ops-1';

describe('growth: share attribution', () => {
  let bench: PromotionBench;
  beforeEach(async () => {
    bench = startPromotionBench();
    await seedTwoStores(bench);
    await bench.grantOperator(OPS);
    await ok('member', SHARER, 'join', { nickname: '分享达人' });
  });
  afterEach(() => bench.close());

  async function paidOrder(openid: string, skuId = 'sku-tea-l'): Promise<string> {
    const order = await bench.ok('order', openid, 'create', { items: [{ skuId, quantity: 1 }], fulfillment: PICKUP, requestId: newRequestId() });
    await bench.ok('order', openid, 'pay', { orderId: order._id });
    await bench.pay.deliverPaymentNotification(order._id, 'SUCCESS', 1);
    return order._id;
  }

  it('records an open once, credits the opener’s order for that product, and debits its refund', async () => {
    const { code } = await ok('growth', SHARER, 'shareCode');
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    // Any customer has a share code, the same as a member's invite code.
    expect((await ok('growth', SHARER, 'inviteCode')).code).toBe(code);

    const opens = await Promise.all([1, 2, 3].map(() => ok('growth', OPENER, 'openShare', { sharer: code, kind: 'product', targetId: 'p-tea' })));
    expect(opens.filter((o) => o.recorded)).toHaveLength(1);
    expect(await ok('growth', SHARER, 'openShare', { sharer: code, kind: 'product', targetId: 'p-tea' })).toEqual({ recorded: false });
    expect(await ok('growth', OPENER, 'openShare', { sharer: 'NOPE0000', kind: 'product', targetId: 'p-tea' })).toEqual({ recorded: false });

    bench.clock.advance(60_000);
    const sold = await paidOrder(OPENER);
    expect((await bench.order(sold)).share).toMatchObject({ sharer: SHARER, code, kind: 'product', targetId: 'p-tea' });
    // Another product's order is not the share's.
    const other = await paidOrder(OPENER, 'sku-cake');
    expect((await bench.order(other)).share).toBeUndefined();
    // The buyer's own view never shows it.
    expect(JSON.stringify(await bench.ok('order', OPENER, 'get', { orderId: sold }))).not.toContain(SHARER);

    const stats = await ok('growth', OPS, 'shareStats', {});
    expect(stats.rows).toEqual([expect.objectContaining({ nickname: '分享达人', opens: 1, orders: 1, gmvFen: 3900, refundedFen: 0, byKind: { product: 1 } })]);

    await bench.ok('order', OPENER, 'requestRefund', { orderId: sold, reason: '不想要了' });
    await approveRefund(bench, sold);
    await bench.timer('order', 'sweep');
    expect((await ok('growth', OPS, 'shareStats', {})).rows[0]).toMatchObject({ orders: 1, gmvFen: 3900, refundedFen: 3900 });
  });

  it('does not credit an order placed after the window or by the sharer', async () => {
    const { code } = await ok('growth', SHARER, 'shareCode');
    await ok('growth', OPENER, 'openShare', { sharer: code, kind: 'product', targetId: 'p-tea' });
    bench.clock.advance(8 * DAY_MS);
    const late = await paidOrder(OPENER);
    expect((await bench.order(late)).share).toBeUndefined();
    const own = await paidOrder(SHARER);
    expect((await bench.order(own)).share).toBeUndefined();
    expect((await ok('growth', OPS, 'shareStats', {})).rows[0]).toMatchObject({ opens: 1, orders: 0, gmvFen: 0 });
  });
});
