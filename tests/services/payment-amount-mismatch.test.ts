import { randomUUID } from 'crypto';
import { join } from 'path';
import type { Envelope } from '../../src/core/envelope';
import type { FunctionContext } from '../../src/server/kit/types';
import { sandboxNotification } from '../../src/server/local/pay';
import { DELIVERY, newRequestId, startShopBench, type Bench } from './order-harness';

type Main = (event: unknown, context?: FunctionContext) => Promise<unknown>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const staffMain = (require(join(__dirname, '../../cloudfunctions/staff/index.ts')) as { main: Main }).main;

/** Issue 9 item 1: a payment of the wrong amount is refunded, audited, and the order stays payable. */
describe('payment of the wrong amount', () => {
  let bench: Bench;
  beforeEach(async () => {
    bench = await startShopBench();
  });
  afterEach(() => bench.close());

  const openOrder = async (openid = 'u1') => {
    const order = await bench.ok('order', openid, 'create', { items: [{ skuId: 'sku-tea-s', quantity: 1 }], fulfillment: DELIVERY, requestId: newRequestId() });
    await bench.ok('order', openid, 'pay', { orderId: order._id });
    return order;
  };
  const sandboxPayment = async (outTradeNo: string) => (await bench.db.collection<any>('sandbox_payments').doc(outTradeNo).get()).data[0];
  const mismatchRefunds = async (orderId: string) => (await bench.db.collection<any>('refunds').where({ orderId, reason: 'AMOUNT_MISMATCH' }).get()).data;
  const auditEntries = async (orderId: string) =>
    (await bench.db.collection<any>('staff_audit').where({ action: 'paymentMismatch', target: orderId }).get()).data;
  const operatorAuditLog = async () =>
    (await staffMain({ action: 'auditLog', data: {} }, { request_id: randomUUID(), environ: 'WX_OPENID=ops-1;WX_APPID=wxtest' })) as Envelope<any>;

  it('records one refund due for the received amount under the transaction id, audited for the operator', async () => {
    const order = await openOrder();
    const report = await bench.pay.deliverPaymentNotification(order._id, 'SUCCESS', 1, { totalFee: 1 });
    expect(report.allAcknowledged).toBe(true);
    const { transactionId } = await sandboxPayment(order._id);

    const refunds = await mismatchRefunds(order._id);
    expect(refunds).toEqual([
      expect.objectContaining({ _id: `R${transactionId}`, amount: 1, total: 1, status: 'DUE', outTradeNo: order._id, openid: 'u1', releaseStock: false }),
    ]);
    expect(await bench.order(order._id)).toMatchObject({ status: 'PENDING_PAYMENT', payment: null, refundNo: null, payAttempt: { outTradeNo: order._id, seq: 1, spentAt: bench.clock() } });

    expect(await auditEntries(order._id)).toEqual([
      expect.objectContaining({ staffOpenid: 'system', result: 'AMOUNT_MISMATCH', detail: expect.stringContaining(`R${transactionId}`) }),
    ]);
    const log = await operatorAuditLog();
    expect(log.ok).toBe(true);
    expect(log.ok && log.data.items).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'paymentMismatch', target: order._id, result: 'AMOUNT_MISMATCH' })]));
  });

  it('the order stays payable: the next attempt gets a new out_trade_no and pays it; the refund goes to the first trade', async () => {
    const order = await openOrder();
    await bench.pay.deliverPaymentNotification(order._id, 'SUCCESS', 1, { totalFee: 1 });
    const first = await sandboxPayment(order._id);

    const again = await bench.ok('order', 'u1', 'pay', { orderId: order._id });
    expect(again).toMatchObject({ orderId: order._id, amount: order.amounts.payable });
    const secondTradeNo = `${order._id}_2`;
    expect(await sandboxPayment(secondTradeNo)).toMatchObject({ orderId: order._id, status: 'OPEN', amount: order.amounts.payable });
    expect(await bench.order(order._id)).toMatchObject({ payAttempt: { outTradeNo: secondTradeNo, seq: 2, spentAt: null } });
    // Asking again before paying keeps the same trade.
    await bench.ok('order', 'u1', 'pay', { orderId: order._id });
    expect(await bench.count('sandbox_payments', { orderId: order._id })).toBe(2);

    const paid = await bench.pay.deliverPaymentNotification(order._id, 'SUCCESS', 2);
    expect(paid.allAcknowledged).toBe(true);
    const stored = await bench.order(order._id);
    expect(stored).toMatchObject({ status: 'PAID', payment: { outTradeNo: secondTradeNo, amount: order.amounts.payable } });
    expect(stored.payment.transactionId).not.toBe(first.transactionId);

    await bench.timer('order', 'processRefunds');
    expect(await mismatchRefunds(order._id)).toEqual([expect.objectContaining({ status: 'DONE' })]);
    expect((await bench.db.collection<any>('sandbox_refunds').get()).data).toEqual([expect.objectContaining({ orderId: order._id, amount: 1, total: 1 })]);
    expect(await bench.order(order._id)).toMatchObject({ status: 'PAID' });
  });

  it('concurrent replays of the same wrong-amount notification change nothing twice', async () => {
    const order = await openOrder();
    const report = await bench.pay.deliverPaymentNotification(order._id, 'SUCCESS', 6, { totalFee: 1, concurrent: true });
    expect(report.allAcknowledged).toBe(true);
    const { transactionId } = await sandboxPayment(order._id);
    const replay = sandboxNotification({ orderId: order._id, result: 'SUCCESS', totalFee: 1, openid: 'u1', transactionId, paidAt: bench.clock() });
    const answers = await Promise.all(Array.from({ length: 4 }, () => bench.payCallback(structuredClone(replay))));
    for (const answer of answers) expect(answer).toEqual({ errcode: 0, errmsg: 'OK' });

    expect(await mismatchRefunds(order._id)).toHaveLength(1);
    expect(await bench.count('refunds')).toBe(1);
    expect(await auditEntries(order._id)).toHaveLength(1);
    const notes = (await bench.db.collection<any>('payment_notifications').where({ outTradeNo: order._id }).get()).data;
    expect(notes).toEqual([expect.objectContaining({ outcome: 'AMOUNT_MISMATCH', deliveries: 10 })]);
    expect(await bench.order(order._id)).toMatchObject({ status: 'PENDING_PAYMENT', payAttempt: { seq: 1 } });

    // Replays after the order was paid on its new trade change nothing either.
    await bench.ok('order', 'u1', 'pay', { orderId: order._id });
    await bench.pay.deliverPaymentNotification(order._id, 'SUCCESS', 1);
    const paid = await bench.order(order._id);
    await Promise.all(Array.from({ length: 3 }, () => bench.payCallback(structuredClone(replay))));
    expect(await bench.order(order._id)).toEqual(paid);
    expect(await bench.count('refunds')).toBe(1);
  });
});
