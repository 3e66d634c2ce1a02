import { randomUUID } from 'crypto';
import { join } from 'path';
import type { Envelope } from '../../src/core/envelope';
import { installRuntime } from '../../src/server/kit';
import type { FunctionContext } from '../../src/server/kit/types';
import { createSandboxPay } from '../../src/server/local/pay';
import type { PaymentProvider, TradeStatus } from '../../src/server/services/payment/port';
import { MINUTE, OPERATOR, rid, startFlashSaleBench, type FlashSaleBench } from './flashsale-harness';
import { DELIVERY, newRequestId, PICKUP, seedShop } from './order-harness';

type Main = (event: unknown, context?: FunctionContext) => Promise<unknown>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const groupbuyMain = (require(join(__dirname, '../../cloudfunctions/groupbuy/index.ts')) as { main: Main }).main;

/**
 * Issue 9 item 2: before the sweep gives up an unpaid order that has a
 * trade, it asks the provider. Paid: applied as the notification would be.
 * Not paid: the trade is closed, then the order cancelled.
 */
describe('order sweep asks the provider first', () => {
  let bench: FlashSaleBench;
  beforeEach(async () => {
    bench = startFlashSaleBench();
    await seedShop(bench.db);
    await bench.grantOperator(OPERATOR);
  });
  afterEach(() => bench.close());

  /** The sandbox's books settle but the notification never reaches payCallback (a crash between the two). */
  const droppingPay = () => createSandboxPay({ db: bench.db, now: bench.clock, payCallback: async () => ({ errcode: 0, errmsg: 'OK' }) });
  const sweep = () => bench.timer('order', 'sweep') as Promise<Envelope<any>>;
  const sandboxPayment = async (outTradeNo: string) => (await bench.db.collection<any>('sandbox_payments').doc(outTradeNo).get()).data[0];
  const openOrder = async (openid = 'u1', fulfillment: unknown = DELIVERY) => {
    const order = await bench.ok('order', openid, 'create', { items: [{ skuId: 'sku-tea-l', quantity: 2 }], fulfillment, requestId: newRequestId() });
    await bench.ok('order', openid, 'pay', { orderId: order._id });
    return order;
  };

  /** The sandbox with every provider call recorded (and the order's status at that moment). */
  const spyOn = (override: Partial<PaymentProvider> = {}) => {
    const calls: Array<{ call: string; outTradeNo: string; orderStatus?: string }> = [];
    const statusOf = async (outTradeNo: string) => (await bench.db.collection<any>('orders').doc(outTradeNo).get()).data[0]?.status;
    const spy: PaymentProvider = {
      ...bench.pay,
      name: 'sandbox',
      createPayment: (o) => bench.pay.createPayment(o),
      refund: (r) => bench.pay.refund(r),
      queryPayment: (t) => bench.pay.queryPayment!(t),
      async queryTrade(outTradeNo) {
        calls.push({ call: 'queryTrade', outTradeNo, orderStatus: await statusOf(outTradeNo) });
        return (override.queryTrade ?? bench.pay.queryTrade)(outTradeNo);
      },
      async closeTrade(outTradeNo) {
        calls.push({ call: 'closeTrade', outTradeNo, orderStatus: await statusOf(outTradeNo) });
        return (override.closeTrade ?? bench.pay.closeTrade)(outTradeNo);
      },
    };
    installRuntime({ ...bench.runtime, pay: spy });
    return calls;
  };

  it('the sandbox settles, the notification is dropped, the sweep runs: the order is PAID with no refund', async () => {
    const order = await openOrder();
    const dropped = await droppingPay().deliverPaymentNotification(order._id, 'SUCCESS', 1);
    expect(dropped.allAcknowledged).toBe(true);
    expect(await bench.order(order._id)).toMatchObject({ status: 'PENDING_PAYMENT' });

    bench.clock.advance(16 * MINUTE);
    expect(await sweep()).toMatchObject({ ok: true, data: { cancelExpired: { scanned: 1, changed: 1 } } });
    const { transactionId } = await sandboxPayment(order._id);
    const paid = await bench.order(order._id);
    expect(paid).toMatchObject({ status: 'PAID', cancelledAt: null, latePayment: null, payment: { transactionId, amount: order.amounts.payable, outTradeNo: order._id } });
    expect(await bench.count('refunds')).toBe(0);
    expect(await bench.sku('sku-tea-l')).toMatchObject({ stock: 8, sold: 2 });
    expect(await sandboxPayment(order._id)).toMatchObject({ status: 'PAID' });
    const notes = (await bench.db.collection<any>('payment_notifications').where({ outTradeNo: order._id }).get()).data;
    expect(notes).toEqual([expect.objectContaining({ outcome: 'PAID', source: 'orderquery', deliveries: 1 })]);

    // WeChat's notification, retried later, is a replay of the same payment.
    expect((await bench.pay.deliverPaymentNotification(order._id, 'SUCCESS', 2)).allAcknowledged).toBe(true);
    expect(await bench.order(order._id)).toEqual(paid);
    expect((await bench.db.collection<any>('payment_notifications').where({ outTradeNo: order._id }).get()).data).toEqual([
      expect.objectContaining({ deliveries: 3 }),
    ]);
    expect(await sweep()).toMatchObject({ ok: true, data: { cancelExpired: { scanned: 0 } } });
    expect(await bench.count('refunds')).toBe(0);
  });

  it('not paid: the trade is closed while the order is still unpaid, then the order cancelled; a payment after is refused', async () => {
    const order = await openOrder();
    const calls = spyOn();
    bench.clock.advance(16 * MINUTE);
    expect(await sweep()).toMatchObject({ ok: true, data: { cancelExpired: { scanned: 1, changed: 1 } } });
    expect(calls).toEqual([
      { call: 'queryTrade', outTradeNo: order._id, orderStatus: 'PENDING_PAYMENT' },
      { call: 'closeTrade', outTradeNo: order._id, orderStatus: 'PENDING_PAYMENT' },
    ]);
    expect(await bench.order(order._id)).toMatchObject({ status: 'CANCELLED', cancelReason: 'timeout', stockReleased: true });
    expect(await sandboxPayment(order._id)).toMatchObject({ status: 'CLOSED', transactionId: null });
    expect(await bench.sku('sku-tea-l')).toMatchObject({ stock: 10, sold: 0 });

    await expect(bench.pay.deliverPaymentNotification(order._id, 'SUCCESS', 1)).rejects.toThrow(/closed/);
    expect(await bench.order(order._id)).toMatchObject({ status: 'CANCELLED', latePayment: null });
    expect(await bench.count('refunds')).toBe(0);
    expect(await bench.pay.queryTrade(order._id)).toMatchObject({ state: 'CLOSED' });
  });

  it('a payment landing between the query and the close is applied, never cancelled', async () => {
    const order = await openOrder();
    const calls = spyOn({
      async closeTrade(outTradeNo) {
        await droppingPay().deliverPaymentNotification(outTradeNo, 'SUCCESS', 1);
        return bench.pay.closeTrade(outTradeNo);
      },
    });
    bench.clock.advance(16 * MINUTE);
    await sweep();
    expect(calls.map((c) => c.call)).toEqual(['queryTrade', 'closeTrade', 'queryTrade']);
    expect(await bench.order(order._id)).toMatchObject({ status: 'PAID', cancelledAt: null });
    expect(await sandboxPayment(order._id)).toMatchObject({ status: 'PAID' });
    expect(await bench.count('refunds')).toBe(0);
  });

  it('an order never opened for payment is cancelled without asking the provider', async () => {
    const order = await bench.ok('order', 'u1', 'create', { items: [{ skuId: 'sku-tea-l', quantity: 1 }], fulfillment: DELIVERY, requestId: newRequestId() });
    const calls = spyOn();
    bench.clock.advance(16 * MINUTE);
    await sweep();
    expect(calls).toEqual([]);
    expect(await bench.order(order._id)).toMatchObject({ status: 'CANCELLED' });
  });

  it('a trade being paid right now is left for the next run', async () => {
    const order = await openOrder();
    const paying: TradeStatus = { state: 'PAYING', transactionId: null, amount: null, timeEnd: null };
    let state: TradeStatus | null = paying;
    const calls = spyOn({ queryTrade: async (t) => state ?? bench.pay.queryTrade(t) });
    bench.clock.advance(16 * MINUTE);
    expect(await sweep()).toMatchObject({ ok: true, data: { cancelExpired: { scanned: 1, changed: 0 } } });
    expect(calls.map((c) => c.call)).toEqual(['queryTrade']);
    expect(await bench.order(order._id)).toMatchObject({ status: 'PENDING_PAYMENT' });

    state = null;
    await droppingPay().deliverPaymentNotification(order._id, 'SUCCESS', 1);
    await sweep();
    expect(await bench.order(order._id)).toMatchObject({ status: 'PAID' });
  });

  it('a wrong amount found by the sweep is refunded and the order then cancelled', async () => {
    const order = await openOrder();
    await droppingPay().deliverPaymentNotification(order._id, 'SUCCESS', 1, { totalFee: 1 });
    bench.clock.advance(16 * MINUTE);
    await sweep();
    expect(await bench.order(order._id)).toMatchObject({ status: 'CANCELLED', payment: null, payAttempt: { spentAt: expect.any(Number) } });
    expect((await bench.db.collection<any>('refunds').get()).data).toEqual([expect.objectContaining({ reason: 'AMOUNT_MISMATCH', amount: 1 })]);
  });

  it('a flash-sale order whose notification was dropped is PAID by the sweep, its unit kept', async () => {
    const sale = await bench.createSale({ salePrice: 900, quantity: 5 });
    const { orderId } = await bench.fsOk('u1', 'buy', { saleId: sale.saleId, requestId: rid(), fulfillment: PICKUP });
    await bench.ok('order', 'u1', 'pay', { orderId });
    await droppingPay().deliverPaymentNotification(orderId, 'SUCCESS', 1);
    bench.clock.advance(30 * MINUTE);
    await sweep();
    expect(await bench.order(orderId)).toMatchObject({ status: 'READY_FOR_PICKUP', payment: { amount: 900 } });
    expect(await bench.count('refunds')).toBe(0);
    const shards = await bench.shards(sale.saleId);
    expect(shards.reduce((n, s) => n + s.paid, 0)).toBe(1);
    expect(shards.reduce((n, s) => n + s.returned, 0)).toBe(0);
  });

  describe('group-buy orders', () => {
    const context = (openid: string | null): FunctionContext => ({ request_id: randomUUID(), environ: openid === null ? '' : `WX_OPENID=${openid};WX_APPID=wxtest` });
    const gbOk = async (openid: string, action: string, data: unknown = {}) => {
      const r = (await groupbuyMain({ action, data }, context(openid))) as Envelope<any>;
      if (!r.ok) throw new Error(`groupbuy.${action} failed: ${JSON.stringify(r.error)}`);
      return r.data;
    };
    const expireGroups = () => groupbuyMain({ Type: 'Timer', TriggerName: 'expireGroups', Time: new Date(bench.clock()).toISOString() }, context(null)) as Promise<Envelope<any>>;
    const doc = async (collection: string, id: string): Promise<any> => (await bench.db.collection(collection).doc(id).get()).data[0] ?? null;
    const openedGroup = async () => {
      const now = bench.clock();
      const { activityId } = await gbOk(OPERATOR, 'createActivity', {
        skuId: 'sku-tea-s', groupPrice: 1990, groupSize: 3, timeLimitMinutes: 60, perMemberLimit: 2, startAt: now - MINUTE, endAt: now + 24 * 60 * MINUTE,
      });
      const leader = await gbOk('lead', 'open', { activityId, requestId: rid(), fulfillment: DELIVERY });
      await bench.ok('order', 'lead', 'pay', { orderId: leader.orderId });
      await bench.pay.deliverPaymentNotification(leader.orderId, 'SUCCESS', 1);
      return leader.groupId as string;
    };

    it('a member’s payment whose notification was dropped fills the seat when the order sweep runs', async () => {
      const groupId = await openedGroup();
      const member = await gbOk('u2', 'join', { groupId, requestId: rid(), fulfillment: DELIVERY });
      await bench.ok('order', 'u2', 'pay', { orderId: member.orderId });
      await droppingPay().deliverPaymentNotification(member.orderId, 'SUCCESS', 1);
      bench.clock.advance(11 * MINUTE); // past the seat's payment window, inside the group's hour
      await sweep();
      expect(await bench.order(member.orderId)).toMatchObject({ status: 'PAID' });
      expect(await doc('groupbuy_seats', member.orderId)).toMatchObject({ state: 'PAID' });
      expect(await doc('groupbuy_groups', groupId)).toMatchObject({ state: 'OPEN', paid: 2 });
      expect(await bench.count('refunds')).toBe(0);
    });

    it('an unpaid member of an expired group: the order sweep closes its trade, then cancels the order', async () => {
      const groupId = await openedGroup();
      const member = await gbOk('u2', 'join', { groupId, requestId: rid(), fulfillment: DELIVERY });
      await bench.ok('order', 'u2', 'pay', { orderId: member.orderId });
      bench.clock.advance(61 * MINUTE);
      expect(await expireGroups()).toMatchObject({ ok: true });
      expect(await doc('groupbuy_seats', member.orderId)).toMatchObject({ state: 'RELEASED' });
      await sweep();
      expect(await sandboxPayment(member.orderId)).toMatchObject({ status: 'CLOSED' });
      expect(await bench.order(member.orderId)).toMatchObject({ status: 'CANCELLED', cancelReason: 'timeout' });
      await expect(bench.pay.deliverPaymentNotification(member.orderId, 'SUCCESS', 1)).rejects.toThrow(/closed/);
      expect(await bench.count('refunds', { orderId: member.orderId })).toBe(0);
    });
  });
});
