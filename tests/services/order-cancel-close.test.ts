import { installRuntime } from '../../src/server/kit';
import { createSandboxPay } from '../../src/server/local/pay';
import type { PaymentProvider } from '../../src/server/services/payment/port';
import { DELIVERY, newRequestId, seedShop, startBench, type Bench } from './order-harness';

const MINUTE = 60_000;

/**
 * Issue 9 follow-up: a customer's cancel closes the order's trade with the
 * provider once the cancel has committed, so a cancelled order cannot be
 * paid. When the provider will not close it (WeChat refuses `closeorder` in
 * a trade's first 5 minutes), the cancel stands and a late payment is
 * refunded once; the sweep in that case leaves the order for its next run.
 */
describe('closing the trade of a cancelled order', () => {
  let bench: Bench;
  beforeEach(async () => {
    bench = startBench();
    await seedShop(bench.db);
  });
  afterEach(() => bench.close());

  const sandboxPayment = async (outTradeNo: string) => (await bench.db.collection<any>('sandbox_payments').doc(outTradeNo).get()).data[0];
  const createOrder = () =>
    bench.ok('order', 'u1', 'create', { items: [{ skuId: 'sku-tea-l', quantity: 2 }], fulfillment: DELIVERY, requestId: newRequestId() });
  const openOrder = async () => {
    const order = await createOrder();
    await bench.ok('order', 'u1', 'pay', { orderId: order._id });
    return order;
  };
  /** The sandbox as WeChat Pay behaves: no closeorder in a trade's first 5 minutes. */
  const useWeChatCloseRule = () =>
    installRuntime({
      ...bench.runtime,
      pay: createSandboxPay({ db: bench.db, now: bench.clock, payCallback: (event) => bench.payCallback(event), closeNotBeforeMs: 5 * MINUTE }),
    });
  /** The sandbox with its close calls recorded (and the order's status at that moment). */
  const spyOnClose = (closeTrade?: PaymentProvider['closeTrade']) => {
    const calls: Array<{ outTradeNo: string; orderStatus: string }> = [];
    const spy: PaymentProvider = {
      name: 'sandbox',
      createPayment: (o) => bench.pay.createPayment(o),
      refund: (r) => bench.pay.refund(r),
      queryPayment: (t) => bench.pay.queryPayment!(t),
      queryTrade: (t) => bench.pay.queryTrade(t),
      async closeTrade(outTradeNo) {
        calls.push({ outTradeNo, orderStatus: (await bench.order(outTradeNo)).status });
        return (closeTrade ?? bench.pay.closeTrade)(outTradeNo);
      },
    };
    installRuntime({ ...bench.runtime, pay: spy });
    return calls;
  };

  it('cancel closes the trade after the cancel committed: a payment attempt on it is refused and no refund is needed', async () => {
    const order = await openOrder();
    const calls = spyOnClose();
    expect(await bench.ok('order', 'u1', 'cancel', { orderId: order._id })).toMatchObject({ status: 'CANCELLED' });
    expect(calls).toEqual([{ outTradeNo: order._id, orderStatus: 'CANCELLED' }]);
    expect(await sandboxPayment(order._id)).toMatchObject({ status: 'CLOSED', transactionId: null });

    await expect(bench.pay.deliverPaymentNotification(order._id, 'SUCCESS', 1)).rejects.toThrow(/closed/);
    await expect(bench.pay.createPayment({ orderId: order._id, amount: order.amounts.payable, description: 't', openid: 'u1', expiresAt: order.expiresAt })).rejects.toMatchObject({
      code: 'PAYMENT_FAILED',
    });
    expect(await bench.order(order._id)).toMatchObject({ status: 'CANCELLED', latePayment: null, refundNo: null });
    expect(await bench.count('refunds')).toBe(0);
    expect(await bench.sku('sku-tea-l')).toMatchObject({ stock: 10, sold: 0 });
  });

  it('an order never opened for payment is cancelled without asking the provider', async () => {
    const order = await createOrder();
    const calls = spyOnClose();
    await bench.ok('order', 'u1', 'cancel', { orderId: order._id });
    expect(calls).toEqual([]);
    expect(await bench.order(order._id)).toMatchObject({ status: 'CANCELLED' });
  });

  it('with the close refused (a trade under 5 minutes old), the cancel stands and a late payment yields exactly one refund due', async () => {
    const order = await openOrder();
    useWeChatCloseRule();
    expect(await bench.call('order', 'u1', 'cancel', { orderId: order._id })).toMatchObject({ ok: true, data: { status: 'CANCELLED' } });
    expect(bench.logs).toEqual(expect.arrayContaining([expect.objectContaining({ level: 'warn', message: expect.stringMatching(/could not be closed/) })]));
    expect(await sandboxPayment(order._id)).toMatchObject({ status: 'OPEN' });

    const report = await bench.pay.deliverPaymentNotification(order._id, 'SUCCESS', 4, { concurrent: true });
    expect(report.allAcknowledged).toBe(true);
    const { transactionId } = await sandboxPayment(order._id);
    expect((await bench.db.collection<any>('refunds').get()).data).toEqual([
      expect.objectContaining({ _id: `R${order._id}`, reason: 'PAID_AFTER_CANCEL', amount: order.amounts.payable, status: 'DUE' }),
    ]);
    expect(await bench.order(order._id)).toMatchObject({ status: 'CANCELLED', latePayment: { transactionId }, refundNo: `R${order._id}` });

    await bench.timer('order', 'processRefunds');
    expect(await bench.count('sandbox_refunds')).toBe(1);
    expect(await bench.count('refunds', { status: 'DONE' })).toBe(1);
  });

  it('a provider that fails outright does not fail the cancel', async () => {
    const order = await openOrder();
    spyOnClose(async () => {
      throw new Error('cloudPay gateway error');
    });
    expect(await bench.call('order', 'u1', 'cancel', { orderId: order._id })).toMatchObject({ ok: true, data: { status: 'CANCELLED' } });
    expect(await bench.order(order._id)).toMatchObject({ status: 'CANCELLED', stockReleased: true });
  });

  it('a payment that lands just before the close is applied at once as one refund due, even if its notification is lost', async () => {
    const order = await openOrder();
    const dropping = createSandboxPay({ db: bench.db, now: bench.clock, payCallback: async () => ({ errcode: 0, errmsg: 'OK' }) });
    spyOnClose(async (outTradeNo) => {
      await dropping.deliverPaymentNotification(outTradeNo, 'SUCCESS', 1);
      return bench.pay.closeTrade(outTradeNo);
    });
    await bench.ok('order', 'u1', 'cancel', { orderId: order._id });
    const { transactionId } = await sandboxPayment(order._id);
    expect(await bench.order(order._id)).toMatchObject({ status: 'CANCELLED', latePayment: { transactionId }, refundNo: `R${order._id}` });
    expect((await bench.db.collection<any>('refunds').get()).data).toEqual([expect.objectContaining({ reason: 'PAID_AFTER_CANCEL', status: 'DUE' })]);

    // The notification, arriving after all, is a replay; so is a repeated cancel.
    expect((await bench.pay.deliverPaymentNotification(order._id, 'SUCCESS', 2)).allAcknowledged).toBe(true);
    await bench.ok('order', 'u1', 'cancel', { orderId: order._id });
    expect(await bench.count('refunds')).toBe(1);
    const notes = (await bench.db.collection<any>('payment_notifications').where({ outTradeNo: order._id }).get()).data;
    expect(notes).toEqual([expect.objectContaining({ outcome: 'REFUND_DUE', source: 'orderquery', deliveries: 3 })]);
  });

  it('the sweep: a close WeChat refuses (trade under 5 minutes old) leaves the order unpaid for the next run, which cancels it', async () => {
    const order = await createOrder();
    bench.clock.advance(14 * MINUTE);
    await bench.ok('order', 'u1', 'pay', { orderId: order._id });
    useWeChatCloseRule();
    bench.clock.advance(2 * MINUTE); // past the order's deadline; its trade is 2 minutes old

    expect(await bench.timer('order', 'sweep')).toMatchObject({ ok: true, data: { cancelExpired: { scanned: 1, changed: 0 } } });
    expect(await bench.order(order._id)).toMatchObject({ status: 'PENDING_PAYMENT', stockReleased: false });
    expect(await sandboxPayment(order._id)).toMatchObject({ status: 'OPEN' });

    bench.clock.advance(4 * MINUTE);
    expect(await bench.timer('order', 'sweep')).toMatchObject({ ok: true, data: { cancelExpired: { scanned: 1, changed: 1 } } });
    expect(await bench.order(order._id)).toMatchObject({ status: 'CANCELLED', cancelReason: 'timeout' });
    expect(await sandboxPayment(order._id)).toMatchObject({ status: 'CLOSED' });
    expect(await bench.count('refunds')).toBe(0);
  });
});
