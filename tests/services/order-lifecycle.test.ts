import type { PaymentProvider } from '../../src/server/services/payment/port';
import type { Runtime as PaymentRuntime } from "../../src/server/kit/types";
import { installRuntime } from '../../src/server/kit';
import { DELIVERY, newRequestId, PICKUP, startShopBench, type Bench } from './order-harness';
import { approveRefund } from './refund-helpers';

describe('order lifecycle', () => {
  let bench: Bench;
  beforeEach(async () => {
    bench = await startShopBench();
  });
  afterEach(() => bench.close());

  const place = (openid: string, fulfillment: object = DELIVERY, quantity = 2) =>
    bench.ok('order', openid, 'create', { items: [{ skuId: 'sku-tea-l', quantity }], fulfillment, requestId: newRequestId() });

  const placeAndPay = async (openid: string, fulfillment: object = DELIVERY, quantity = 2) => {
    const order = await place(openid, fulfillment, quantity);
    await bench.ok('order', openid, 'pay', { orderId: order._id });
    const report = await bench.pay.deliverPaymentNotification(order._id, 'SUCCESS', 1);
    expect(report.allAcknowledged).toBe(true);
    return order;
  };

  it('pay answers the sandbox sheet for a pending order', async () => {
    const order = await place('u1');
    const pay = await bench.ok('order', 'u1', 'pay', { orderId: order._id });
    expect(pay).toEqual({
      orderId: order._id,
      amount: order.amounts.payable,
      expiresAt: order.expiresAt,
      payment: { provider: 'sandbox', orderId: order._id, amount: order.amounts.payable, sheetUrl: `/pay/${order._id}` },
    });
  });

  it('pay refuses an expired order and an order that is not pending', async () => {
    const expired = await place('u1');
    bench.clock.advance(15 * 60_000);
    expect(await bench.call('order', 'u1', 'pay', { orderId: expired._id })).toMatchObject({ ok: false, error: { code: 'ORDER_EXPIRED' } });

    const cancelled = await place('u1');
    await bench.ok('order', 'u1', 'cancel', { orderId: cancelled._id });
    expect(await bench.call('order', 'u1', 'pay', { orderId: cancelled._id })).toMatchObject({ ok: false, error: { code: 'ORDER_STATE_INVALID' } });

    const paid = await placeAndPay('u1');
    expect(await bench.call('order', 'u1', 'pay', { orderId: paid._id })).toMatchObject({ ok: false, error: { code: 'ORDER_STATE_INVALID' } });
  });

  it('pay answers PAYMENT_UNAVAILABLE when no provider is wired', async () => {
    const order = await place('u1');
    const { pay: _unused, ...withoutPay } = bench.runtime;
    installRuntime(withoutPay);
    expect(await bench.call('order', 'u1', 'pay', { orderId: order._id })).toMatchObject({ ok: false, error: { code: 'PAYMENT_UNAVAILABLE' } });
    installRuntime(bench.runtime);
  });

  it('delivery: PAID → SHIPPED (operator) → COMPLETED (customer confirms, twice harmlessly)', async () => {
    const order = await placeAndPay('u1');
    expect(await bench.ok('order', 'u1', 'get', { orderId: order._id })).toMatchObject({ status: 'PAID', paidAt: bench.clock() });
    expect(await bench.call('order', 'u1', 'confirm', { orderId: order._id })).toMatchObject({ ok: false, error: { code: 'ORDER_STATE_INVALID' } });
    expect(await bench.call('order', 'u1', 'cancel', { orderId: order._id })).toMatchObject({ ok: false, error: { code: 'ORDER_STATE_INVALID' } });
    const shipped = await bench.ok('order', 'ops-1', 'ship', { orderId: order._id, trackingNo: 'SF123' });
    expect(shipped).toMatchObject({ status: 'SHIPPED', trackingNo: 'SF123' });
    expect(await bench.call('order', 'u2', 'confirm', { orderId: order._id })).toMatchObject({ ok: false, error: { code: 'ORDER_NOT_FOUND' } });
    const confirms = await Promise.all([1, 2].map(() => bench.ok('order', 'u1', 'confirm', { orderId: order._id })));
    for (const c of confirms) expect(c.status).toBe('COMPLETED');
    const stored = await bench.order(order._id);
    expect(stored.history.map((h: { event: string }) => h.event)).toEqual(['create', 'pay', 'ship', 'confirm']);
    expect(await bench.sku('sku-tea-l')).toMatchObject({ stock: 8, sold: 2 });
  });

  it('pickup orders become READY_FOR_PICKUP when paid, and are not shipped', async () => {
    const order = await placeAndPay('u1', PICKUP);
    const stored = await bench.order(order._id);
    expect(stored.status).toBe('READY_FOR_PICKUP');
    expect(stored.history.map((h: { to: string }) => h.to)).toEqual(['PENDING_PAYMENT', 'PAID', 'READY_FOR_PICKUP']);
    expect(await bench.call('order', 'ops-1', 'ship', { orderId: order._id })).toMatchObject({ ok: false, error: { code: 'ORDER_STATE_INVALID' } });
  });

  it('refund: a double-tapped request records one request; approved, one refund; two timer runs refund once; stock back when not shipped', async () => {
    const order = await placeAndPay('u1');
    expect(await bench.sku('sku-tea-l')).toMatchObject({ stock: 8, sold: 2 });
    const taps = await Promise.all([1, 2, 3].map(() => bench.ok('order', 'u1', 'requestRefund', { orderId: order._id, reason: '不想要了' })));
    // Issue 10: a request waits for the operator; nothing is due until approved.
    for (const t of taps) expect(t.status).toBe('REFUND_REQUESTED');
    expect(await bench.count('refunds')).toBe(0);
    expect((await approveRefund(bench, order._id)).status).toBe('REFUNDING');
    expect(await bench.count('refunds', { orderId: order._id, status: 'DUE', reason: 'CUSTOMER_REQUEST' })).toBe(1);

    const runs = await Promise.all([bench.timer('order', 'processRefunds'), bench.timer('order', 'processRefunds')]);
    expect(runs.reduce((n, r) => n + (r.ok ? (r.data as { changed: number }).changed : 0), 0)).toBe(1);
    expect(await bench.count('sandbox_refunds')).toBe(1);
    expect(await bench.order(order._id)).toMatchObject({ status: 'REFUNDED', refundedAt: bench.clock(), stockReleased: true });
    expect(await bench.sku('sku-tea-l')).toMatchObject({ stock: 10, sold: 0 });

    await bench.timer('order', 'processRefunds');
    expect(await bench.count('sandbox_refunds')).toBe(1);
    expect(await bench.sku('sku-tea-l')).toMatchObject({ stock: 10, sold: 0 });
    expect(await bench.call('order', 'u1', 'requestRefund', { orderId: order._id })).toMatchObject({ ok: false, error: { code: 'ORDER_STATE_INVALID' } });
  });

  it('refund of a shipped order keeps the stock sold', async () => {
    const order = await placeAndPay('u1');
    await bench.ok('order', 'ops-1', 'ship', { orderId: order._id });
    await bench.ok('order', 'u1', 'requestRefund', { orderId: order._id });
    await approveRefund(bench, order._id);
    await bench.timer('order', 'processRefunds');
    expect(await bench.order(order._id)).toMatchObject({ status: 'REFUNDED', stockReleased: false });
    expect(await bench.sku('sku-tea-l')).toMatchObject({ stock: 8, sold: 2 });
  });

  it('requestRefund refuses unpaid and others’ orders', async () => {
    const order = await place('u1');
    expect(await bench.call('order', 'u1', 'requestRefund', { orderId: order._id })).toMatchObject({ ok: false, error: { code: 'ORDER_STATE_INVALID' } });
    const paid = await placeAndPay('u1');
    expect(await bench.call('order', 'u2', 'requestRefund', { orderId: paid._id })).toMatchObject({ ok: false, error: { code: 'ORDER_NOT_FOUND' } });
    expect(await bench.count('refunds')).toBe(0);
  });

  it('a failed provider refund stays due and is retried with the same refundNo', async () => {
    const order = await placeAndPay('u1');
    await bench.ok('order', 'u1', 'requestRefund', { orderId: order._id });
    await approveRefund(bench, order._id);
    const calls: string[] = [];
    let fail = true;
    const flaky: PaymentProvider = {
      ...bench.pay,
      name: 'sandbox',
      createPayment: (o) => bench.pay.createPayment(o),
      async refund(request) {
        calls.push(request.refundNo);
        if (fail) throw new Error('network down');
        return bench.pay.refund(request);
      },
    };
    const flakyRuntime: PaymentRuntime = { ...bench.runtime, pay: flaky };
    installRuntime(flakyRuntime);
    expect(await bench.timer('order', 'processRefunds')).toMatchObject({ ok: true, data: { changed: 0 } });
    const due = (await bench.db.collection('refunds').doc(`R${order._id}`).get()).data[0];
    expect(due).toMatchObject({ status: 'DUE', attempts: 1, lastError: 'network down' });
    expect(await bench.order(order._id)).toMatchObject({ status: 'REFUNDING' });

    // Held back until its retry time.
    await bench.timer('order', 'processRefunds');
    expect(calls).toHaveLength(1);
    fail = false;
    bench.clock.advance(60_000);
    expect(await bench.timer('order', 'processRefunds')).toMatchObject({ ok: true, data: { changed: 1 } });
    expect(calls).toEqual([`R${order._id}`, `R${order._id}`]);
    expect(await bench.order(order._id)).toMatchObject({ status: 'REFUNDED' });
    installRuntime(bench.runtime);
  });
});
