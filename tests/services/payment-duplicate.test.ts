import { sandboxNotification } from '../../src/server/local/pay';
import { DELIVERY, newRequestId, seedShop, startBench, type Bench } from './order-harness';
import { approveRefund } from './refund-helpers';

/**
 * Issue 9 follow-up: money received for an order that already took a
 * payment (another transaction, here on a second trade) is recorded as one
 * refund due under its transaction id and audited; the first payment stays
 * applied and the order unchanged.
 */
describe('a second payment of a paid order', () => {
  let bench: Bench;
  beforeEach(async () => {
    bench = startBench();
    await seedShop(bench.db);
  });
  afterEach(() => bench.close());

  const sandboxPayment = async (outTradeNo: string) => (await bench.db.collection<any>('sandbox_payments').doc(outTradeNo).get()).data[0];
  const duplicateRefunds = async (orderId: string) => (await bench.db.collection<any>('refunds').where({ orderId, reason: 'DUPLICATE_PAYMENT' }).get()).data;
  const auditEntries = async (orderId: string) =>
    (await bench.db.collection<any>('staff_audit').where({ action: 'paymentMismatch', target: orderId }).get()).data;
  const paidOrder = async () => {
    const order = await bench.ok('order', 'u1', 'create', { items: [{ skuId: 'sku-tea-s', quantity: 1 }], fulfillment: DELIVERY, requestId: newRequestId() });
    await bench.ok('order', 'u1', 'pay', { orderId: order._id });
    expect((await bench.pay.deliverPaymentNotification(order._id, 'SUCCESS', 1)).allAcknowledged).toBe(true);
    return { order, paid: await bench.order(order._id) };
  };
  /** The provider took money on a second trade of the order (another device's pay sheet, a client retry). */
  const paySecondTrade = async (order: { _id: string; amounts: { payable: number }; expiresAt: number }, times = 1, concurrent = false) => {
    const secondTradeNo = `${order._id}_2`;
    await bench.pay.createPayment({ orderId: order._id, outTradeNo: secondTradeNo, amount: order.amounts.payable, description: 't', openid: 'u1', expiresAt: order.expiresAt });
    const report = await bench.pay.deliverPaymentNotification(secondTradeNo, 'SUCCESS', times, { concurrent });
    expect(report.allAcknowledged).toBe(true);
    return { secondTradeNo, transactionId: (await sandboxPayment(secondTradeNo)).transactionId as string };
  };

  it('records one refund due for its amount under R<transactionId>, audited; the first payment stays applied', async () => {
    const { order, paid } = await paidOrder();
    const { secondTradeNo, transactionId } = await paySecondTrade(order);
    expect(transactionId).not.toBe(paid.payment.transactionId);

    expect(await duplicateRefunds(order._id)).toEqual([
      expect.objectContaining({
        _id: `R${transactionId}`,
        amount: order.amounts.payable,
        total: order.amounts.payable,
        outTradeNo: secondTradeNo,
        status: 'DUE',
        openid: 'u1',
        releaseStock: false,
      }),
    ]);
    expect(await bench.count('refunds')).toBe(1);
    expect(await bench.order(order._id)).toEqual(paid);
    expect(await auditEntries(order._id)).toEqual([
      expect.objectContaining({ staffOpenid: 'system', result: 'DUPLICATE_PAYMENT', detail: expect.stringContaining(`R${transactionId}`) }),
    ]);
    const notes = (await bench.db.collection<any>('payment_notifications').where({ outTradeNo: secondTradeNo }).get()).data;
    expect(notes).toEqual([expect.objectContaining({ outcome: 'DUPLICATE_PAYMENT', transactionId })]);

    // The refund goes back on the second trade; the order is untouched.
    await bench.timer('order', 'processRefunds');
    expect(await duplicateRefunds(order._id)).toEqual([expect.objectContaining({ status: 'DONE' })]);
    expect((await bench.db.collection<any>('sandbox_refunds').get()).data).toEqual([
      expect.objectContaining({ _id: `R${transactionId}`, amount: order.amounts.payable, total: order.amounts.payable }),
    ]);
    expect(await bench.order(order._id)).toEqual(paid);
  });

  it('concurrent deliveries and replays of it change nothing twice', async () => {
    const { order, paid } = await paidOrder();
    const { secondTradeNo, transactionId } = await paySecondTrade(order, 6, true);
    const replay = sandboxNotification({ orderId: secondTradeNo, result: 'SUCCESS', totalFee: order.amounts.payable, openid: 'u1', transactionId, paidAt: bench.clock() });
    const answers = await Promise.all(Array.from({ length: 4 }, () => bench.payCallback(structuredClone(replay))));
    for (const answer of answers) expect(answer).toEqual({ errcode: 0, errmsg: 'OK' });

    expect(await duplicateRefunds(order._id)).toHaveLength(1);
    expect(await bench.count('refunds')).toBe(1);
    expect(await auditEntries(order._id)).toHaveLength(1);
    const notes = (await bench.db.collection<any>('payment_notifications').where({ outTradeNo: secondTradeNo }).get()).data;
    expect(notes).toEqual([expect.objectContaining({ outcome: 'DUPLICATE_PAYMENT', deliveries: 10 })]);
    expect(await bench.order(order._id)).toEqual(paid);
    // The first payment's own replays are still plain repeats.
    await bench.pay.deliverPaymentNotification(order._id, 'SUCCESS', 2);
    expect(await bench.order(order._id)).toEqual(paid);
    expect(await bench.count('refunds')).toBe(1);
  });

  it('an order whose refund was requested keeps its own refund; the second payment gets a separate one', async () => {
    const { order } = await paidOrder();
    await bench.ok('order', 'u1', 'requestRefund', { orderId: order._id, reason: '不想要了' });
    await approveRefund(bench, order._id); // issue 10: a request waits for the operator
    const refunding = await bench.order(order._id);
    const { transactionId } = await paySecondTrade(order);
    const refunds = (await bench.db.collection<any>('refunds').where({ orderId: order._id }).get()).data;
    expect(refunds).toHaveLength(2);
    expect(refunds).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ _id: `R${order._id}`, reason: 'CUSTOMER_REQUEST' }),
        expect.objectContaining({ _id: `R${transactionId}`, reason: 'DUPLICATE_PAYMENT', amount: order.amounts.payable }),
      ]),
    );
    expect(await bench.order(order._id)).toEqual(refunding);

    await bench.timer('order', 'processRefunds');
    expect(await bench.count('refunds', { status: 'DONE' })).toBe(2);
    expect(await bench.order(order._id)).toMatchObject({ status: 'REFUNDED', payment: refunding.payment });
  });
});
