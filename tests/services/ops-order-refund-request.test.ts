/** The operator's order detail carries the pending refund request (with its attempt) for 同意 / 拒绝 on that page. */
import type { OpsOrderDetail } from '../../src/core/contracts/order-ops';
import { newRequestId, PICKUP, startShopBench, type Bench } from './order-harness';

describe('order.opsGet: the pending refund request', () => {
  let bench: Bench;
  beforeEach(async () => {
    bench = await startShopBench();
  });
  afterEach(() => bench.close());

  it('answers the pending request as the review list does, and null once decided', async () => {
    const order = await bench.ok('order', 'u1', 'create', { items: [{ skuId: 'sku-tea-l', quantity: 2 }], fulfillment: PICKUP, requestId: newRequestId() });
    await bench.ok('order', 'u1', 'pay', { orderId: order._id });
    await bench.pay.deliverPaymentNotification(order._id, 'SUCCESS', 1);
    expect((await bench.ok<OpsOrderDetail>('order', 'ops-1', 'opsGet', { orderId: order._id })).refundRequest).toBeNull();

    await bench.ok('order', 'u1', 'requestRefund', { orderId: order._id, reason: '少喝一杯', lines: [{ skuId: 'sku-tea-l', quantity: 1 }] });
    const detail = await bench.ok<OpsOrderDetail>('order', 'ops-1', 'opsGet', { orderId: order._id });
    const { items } = await bench.ok('order', 'ops-1', 'listRefundRequests', { tab: 'pending' });
    expect(detail.refundRequest).toEqual(items[0]);
    expect(detail.refundRequest).toMatchObject({ orderId: order._id, attempt: 1, state: 'PENDING', full: false, amount: 3900, reason: '少喝一杯' });

    await bench.ok('order', 'ops-1', 'reviewRefund', { orderId: order._id, decision: 'reject', reason: '商品已拆封使用', attempt: detail.refundRequest!.attempt });
    expect(await bench.ok<OpsOrderDetail>('order', 'ops-1', 'opsGet', { orderId: order._id })).toMatchObject({ status: 'READY_FOR_PICKUP', refundRequest: null });
  });
});
