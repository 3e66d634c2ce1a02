import type { Db } from '../../src/server/db';
import { installRuntime } from '../../src/server/kit';
import { sandboxNotification } from '../../src/server/local/pay';
import { DELIVERY, newRequestId, seedShop, startBench, type Bench } from './order-harness';

describe('payCallback', () => {
  let bench: Bench;
  beforeEach(async () => {
    bench = startBench();
    await seedShop(bench.db);
  });
  afterEach(() => bench.close());

  const openOrder = async (openid = 'u1') => {
    const order = await bench.ok('order', openid, 'create', { items: [{ skuId: 'sku-tea-s', quantity: 1 }], fulfillment: DELIVERY, requestId: newRequestId() });
    await bench.ok('order', openid, 'pay', { orderId: order._id });
    return order;
  };

  const notes = async (orderId: string) =>
    (await bench.db.collection<Record<string, any>>('payment_notifications').where({ outTradeNo: orderId }).get()).data;

  it('delivers cloudPay’s notification shape', async () => {
    const order = await openOrder();
    const seen: unknown[] = [];
    const { createSandboxPay } = await import('../../src/server/local/pay');
    const spy = createSandboxPay({ db: bench.db, now: bench.clock, payCallback: async (event) => (seen.push(event), { errcode: 0, errmsg: 'OK' }) });
    await spy.createPayment({ orderId: order._id, amount: order.amounts.payable, description: 'x', openid: 'u1', expiresAt: order.expiresAt });
    await spy.deliverPaymentNotification(order._id, 'SUCCESS', 1);
    expect(seen[0]).toMatchObject({
      returnCode: 'SUCCESS',
      resultCode: 'SUCCESS',
      outTradeNo: order._id,
      totalFee: order.amounts.payable,
      cashFee: order.amounts.payable,
      feeType: 'CNY',
      tradeType: 'JSAPI',
      openid: 'u1',
      subOpenid: 'u1',
      transactionId: expect.stringMatching(/^\d+/),
      timeEnd: expect.stringMatching(/^\d{14}$/),
      subMchId: expect.any(String),
      nonceStr: expect.any(String),
    });
  });

  it('a notification delivered 5 times marks the order PAID once, each acknowledged', async () => {
    const order = await openOrder();
    const report = await bench.pay.deliverPaymentNotification(order._id, 'SUCCESS', 5);
    expect(report).toMatchObject({ delivered: 5, acknowledged: 5, allAcknowledged: true });
    for (const answer of report.answers) expect(answer).toEqual({ errcode: 0, errmsg: 'OK' });
    const stored = await bench.order(order._id);
    expect(stored.status).toBe('PAID');
    expect(stored.history.filter((h: { event: string }) => h.event === 'pay')).toHaveLength(1);
    const recorded = await notes(order._id);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ outcome: 'PAID', deliveries: 5 });
  });

  it('5 concurrent deliveries also change it once', async () => {
    const order = await openOrder();
    const report = await bench.pay.deliverPaymentNotification(order._id, 'SUCCESS', 5, { concurrent: true });
    expect(report.allAcknowledged).toBe(true);
    const stored = await bench.order(order._id);
    expect(stored.status).toBe('PAID');
    expect(stored.payment).toMatchObject({ amount: order.amounts.payable });
    expect(stored.history).toHaveLength(2);
    expect((await notes(order._id))[0]).toMatchObject({ deliveries: 5 });
  });

  it('a FAIL notification is recorded and acknowledged, and the order stays payable', async () => {
    const order = await openOrder();
    const report = await bench.pay.deliverPaymentNotification(order._id, 'FAIL', 2);
    expect(report.allAcknowledged).toBe(true);
    expect(await bench.order(order._id)).toMatchObject({ status: 'PENDING_PAYMENT' });
    expect((await notes(order._id))[0]).toMatchObject({ outcome: 'NOT_PAID', deliveries: 2 });
  });

  it('refuses and logs an amount that differs from the order, still acknowledging', async () => {
    const order = await openOrder();
    const report = await bench.pay.deliverPaymentNotification(order._id, 'SUCCESS', 1, { totalFee: 1 });
    expect(report.allAcknowledged).toBe(true);
    expect(await bench.order(order._id)).toMatchObject({ status: 'PENDING_PAYMENT', payment: null });
    expect((await notes(order._id))[0]).toMatchObject({ outcome: 'AMOUNT_MISMATCH', totalFee: 1 });
    expect(bench.logs.some((l) => l.level === 'error' && l.fields?.outcome === 'AMOUNT_MISMATCH')).toBe(true);
  });

  it('does not believe a SUCCESS the provider never saw', async () => {
    const order = await openOrder();
    const forged = sandboxNotification({ orderId: order._id, result: 'SUCCESS', totalFee: order.amounts.payable, openid: 'u1', transactionId: 'forged', paidAt: bench.clock() });
    expect(await bench.payCallback(forged)).toEqual({ errcode: 0, errmsg: 'OK' });
    expect(await bench.order(order._id)).toMatchObject({ status: 'PENDING_PAYMENT' });
    expect((await notes(order._id))[0]).toMatchObject({ outcome: 'UNVERIFIED' });
  });

  it('accepts WeChat’s snake_case field names too', async () => {
    const order2 = await openOrder('u2');
    const report = await bench.pay.deliverPaymentNotification(order2._id, 'SUCCESS', 1);
    expect(report.allAcknowledged).toBe(true);
    const paid = await bench.pay.queryPayment!(order2._id);
    const snake = {
      return_code: 'SUCCESS',
      result_code: 'SUCCESS',
      out_trade_no: order2._id,
      transaction_id: paid.transactionId,
      total_fee: String(order2.amounts.payable),
    };
    expect(await bench.payCallback(snake)).toEqual({ errcode: 0, errmsg: 'OK' });
    expect(await bench.order(order2._id)).toMatchObject({ status: 'PAID' });
    // Same transaction as the camelCase delivery: recognised as a replay.
    expect((await notes(order2._id))[0]).toMatchObject({ deliveries: 2 });
  });

  it('records a malformed notification and acknowledges it', async () => {
    expect(await bench.payCallback({ hello: 'world' })).toEqual({ errcode: 0, errmsg: 'OK' });
    expect(await bench.count('payment_notifications', { outcome: 'MALFORMED' })).toBe(1);
  });

  it('answers a non-zero errcode when it cannot record, so WeChat delivers again', async () => {
    const order = await openOrder();
    const broken = new Proxy(bench.db, {
      get(target, property) {
        if (property === 'runTransaction') return () => Promise.reject(new Error('database unavailable'));
        const value = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }) as Db;
    installRuntime({ ...bench.runtime, db: broken });
    const failed = await bench.pay.deliverPaymentNotification(order._id, 'SUCCESS', 1);
    expect(failed.acknowledged).toBe(0);
    expect((failed.answers[0] as { errcode: number }).errcode).not.toBe(0);
    expect(await bench.order(order._id)).toMatchObject({ status: 'PENDING_PAYMENT' });

    installRuntime(bench.runtime);
    const retried = await bench.pay.deliverPaymentNotification(order._id, 'SUCCESS', 1);
    expect(retried.allAcknowledged).toBe(true);
    expect(await bench.order(order._id)).toMatchObject({ status: 'PAID' });
  });

  it('on CloudBase, a SUCCESS nobody can confirm is not applied, and WeChat is asked to retry', async () => {
    const order = await openOrder();
    const { pay: _unused, ...withoutPay } = bench.runtime;
    installRuntime({ ...withoutPay, name: 'cloudbase' });
    const report = await bench.pay.deliverPaymentNotification(order._id, 'SUCCESS', 1);
    expect(report.acknowledged).toBe(0);
    expect(await bench.order(order._id)).toMatchObject({ status: 'PENDING_PAYMENT' });
    installRuntime(bench.runtime);
  });

  it('deliverPaymentNotification refuses an order whose payment was never opened', async () => {
    const order = await bench.ok('order', 'u1', 'create', { items: [{ skuId: 'sku-tea-s', quantity: 1 }], fulfillment: DELIVERY, requestId: newRequestId() });
    await expect(bench.pay.deliverPaymentNotification(order._id, 'SUCCESS', 1)).rejects.toThrow(/no payment was opened/);
  });
});
