import { installRuntime } from '../../src/server/kit';
import { createSandboxPay } from '../../src/server/local/pay';
import { DELIVERY, newRequestId, PICKUP, seedShop, startBench, type Bench } from './order-harness';

/** Invariant: units only move between stock and sold. */
async function expectConserved(bench: Bench, skuId: string, initial: number) {
  const sku = await bench.sku(skuId);
  expect(sku.stock).toBeGreaterThanOrEqual(0);
  expect(sku.stock + sku.sold).toBe(initial);
  return sku;
}

describe('order concurrency', () => {
  let bench: Bench;
  beforeEach(async () => {
    bench = startBench();
    await seedShop(bench.db, [
      { _id: 'sku-hot', productId: 'p-tea', price: 1990, stock: 10 },
      { _id: 'sku-race', productId: 'p-cake', price: 4990, stock: 100 },
    ]);
  });
  afterEach(() => bench.close());

  it('100 customers at once for 10 units: exactly 10 orders, 90 OUT_OF_STOCK, stock 0', async () => {
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        bench.call('order', `buyer-${i}`, 'create', { items: [{ skuId: 'sku-hot', quantity: 1 }], fulfillment: DELIVERY, requestId: newRequestId() }),
      ),
    );
    const placed = results.filter((r) => r.ok);
    const refused = results.filter((r) => !r.ok);
    expect(placed).toHaveLength(10);
    expect(refused).toHaveLength(90);
    for (const r of refused) expect(r).toMatchObject({ ok: false, error: { code: 'OUT_OF_STOCK', details: { skuId: 'sku-hot' } } });
    expect(await bench.sku('sku-hot')).toMatchObject({ stock: 0, sold: 10 });
    expect(await bench.count('orders')).toBe(10);
  });

  it('customers buying several units each never oversell', async () => {
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        bench.call('order', `buyer-${i}`, 'create', { items: [{ skuId: 'sku-hot', quantity: 1 + (i % 3) }], fulfillment: PICKUP, requestId: newRequestId() }),
      ),
    );
    const sold = results.filter((r) => r.ok).reduce((n, r) => n + (r.ok ? (r.data as any).items[0].quantity : 0), 0);
    const sku = await expectConserved(bench, 'sku-hot', 10);
    expect(sku.sold).toBe(sold);
    expect(sku.stock).toBeLessThan(3);
  });

  it('a cancel double tap gives the stock back once', async () => {
    const order = await bench.ok('order', 'u1', 'create', { items: [{ skuId: 'sku-hot', quantity: 4 }], fulfillment: PICKUP, requestId: newRequestId() });
    const taps = await Promise.all(Array.from({ length: 5 }, () => bench.call('order', 'u1', 'cancel', { orderId: order._id })));
    for (const tap of taps) expect(tap).toMatchObject({ ok: true, data: { status: 'CANCELLED', cancelReason: 'customer' } });
    expect(await bench.sku('sku-hot')).toMatchObject({ stock: 10, sold: 0 });
    // Cancelling a cancelled order again is harmless; cancelling a paid one is refused.
    expect(await bench.call('order', 'u1', 'cancel', { orderId: order._id })).toMatchObject({ ok: true });
    expect(await bench.sku('sku-hot')).toMatchObject({ stock: 10, sold: 0 });
  });

  it("the order function's one timer, sweep, cancels expired orders (and runs due refunds) once when fired twice at once", async () => {
    const order = await bench.ok('order', 'u-sweep', 'create', { items: [{ skuId: 'sku-hot', quantity: 3 }], fulfillment: PICKUP, requestId: newRequestId() });
    bench.clock.advance(15 * 60_000 + 1);
    const runs = await Promise.all([bench.timer('order', 'sweep'), bench.timer('order', 'sweep')]);
    const changed = runs.reduce((n, r) => n + (r.ok ? (r.data as { cancelExpired: { changed: number } }).cancelExpired.changed : 0), 0);
    expect(changed).toBe(1);
    expect(runs[0]).toMatchObject({ ok: true, data: { processRefunds: { changed: 0 } } });
    expect(await bench.order(order._id)).toMatchObject({ status: 'CANCELLED', cancelReason: 'timeout' });
    expect(await bench.sku('sku-hot')).toMatchObject({ stock: 10, sold: 0 });
  });

  it('the cancelExpired timer run twice at once releases stock once', async () => {
    const orders = [];
    for (let i = 0; i < 5; i += 1) {
      orders.push(await bench.ok('order', `u${i}`, 'create', { items: [{ skuId: 'sku-hot', quantity: 2 }], fulfillment: PICKUP, requestId: newRequestId() }));
    }
    expect(await bench.sku('sku-hot')).toMatchObject({ stock: 0, sold: 10 });
    bench.clock.advance(14 * 60_000);
    expect(await bench.timer('order', 'cancelExpired')).toMatchObject({ ok: true, data: { changed: 0 } });
    bench.clock.advance(60_000);
    const runs = await Promise.all([bench.timer('order', 'cancelExpired'), bench.timer('order', 'cancelExpired')]);
    const changed = runs.reduce((n, r) => n + (r.ok ? (r.data as { changed: number }).changed : 0), 0);
    expect(changed).toBe(5);
    expect(await bench.sku('sku-hot')).toMatchObject({ stock: 10, sold: 0 });
    for (const o of orders) expect(await bench.order(o._id)).toMatchObject({ status: 'CANCELLED', cancelReason: 'timeout', stockReleased: true });
    expect(await bench.timer('order', 'cancelExpired')).toMatchObject({ ok: true, data: { scanned: 0, changed: 0 } });
  });

  it('pay racing the timeout: PAID with stock kept, or CANCELLED with the trade closed and the payment refused — never both', async () => {
    const outcomes = { paid: 0, cancelled: 0 };
    for (let round = 0; round < 40; round += 1) {
      const buyer = `racer-${round}`;
      const order = await bench.ok('order', buyer, 'create', { items: [{ skuId: 'sku-race', quantity: 1 }], fulfillment: DELIVERY, requestId: newRequestId() });
      await bench.ok('order', buyer, 'pay', { orderId: order._id });
      bench.clock.advance(15 * 60_000);
      // The payment starts a growing number of event-loop turns later, so the race is won by either side.
      // The sweep asks the sandbox first: a payment it sees is applied, else it closes the trade, which then refuses payment.
      const deliver = async () => {
        for (let turn = 0; turn < round; turn += 1) await new Promise((resolve) => setImmediate(resolve));
        return bench.pay.deliverPaymentNotification(order._id, 'SUCCESS', 2, { concurrent: true }).catch((error: Error) => error);
      };
      const settled = await Promise.all([deliver(), bench.timer('order', 'cancelExpired')]);
      expect(settled[1]).toMatchObject({ ok: true });

      const stored = await bench.order(order._id);
      const refunds = await bench.count('refunds', { orderId: order._id });
      if (stored.status === 'PAID') {
        outcomes.paid += 1;
        expect(settled[0]).toMatchObject({ allAcknowledged: true });
        expect(stored).toMatchObject({ stockReleased: false, latePayment: null, cancelledAt: null });
        expect(refunds).toBe(0);
      } else {
        outcomes.cancelled += 1;
        expect(settled[0]).toBeInstanceOf(Error);
        expect(String(settled[0])).toMatch(/closed/);
        expect(stored).toMatchObject({ status: 'CANCELLED', stockReleased: true, paidAt: null, payment: null, latePayment: null });
        expect(await bench.db.collection('sandbox_payments').doc(order._id).get()).toMatchObject({ data: [{ status: 'CLOSED' }] });
        expect(refunds).toBe(0);
      }
      // After every round the SKU holds exactly the paid orders' units.
      const sku = await expectConserved(bench, 'sku-race', 100);
      expect(sku.sold).toBe(outcomes.paid);
    }
    expect(outcomes.paid).toBeGreaterThan(0);
    expect(outcomes.cancelled).toBeGreaterThan(0);
  });

  it('a payment applied before the sweep keeps the order PAID and its stock', async () => {
    const order = await bench.ok('order', 'u1', 'create', { items: [{ skuId: 'sku-hot', quantity: 2 }], fulfillment: DELIVERY, requestId: newRequestId() });
    await bench.ok('order', 'u1', 'pay', { orderId: order._id });
    bench.clock.advance(20 * 60_000);
    expect((await bench.pay.deliverPaymentNotification(order._id, 'SUCCESS', 1)).allAcknowledged).toBe(true);
    expect(await bench.timer('order', 'cancelExpired')).toMatchObject({ ok: true, data: { changed: 0 } });
    expect(await bench.order(order._id)).toMatchObject({ status: 'PAID', stockReleased: false });
    expect(await bench.sku('sku-hot')).toMatchObject({ stock: 8, sold: 2 });
    expect(await bench.count('refunds')).toBe(0);
  });

  it('a late payment for a cancelled order is refunded once by processRefunds and never revives it', async () => {
    const order = await bench.ok('order', 'u1', 'create', { items: [{ skuId: 'sku-hot', quantity: 3 }], fulfillment: DELIVERY, requestId: newRequestId() });
    await bench.ok('order', 'u1', 'pay', { orderId: order._id });
    // The customer cancels with WeChat's pay sheet still open, in the trade's first 5 minutes: WeChat refuses to close it.
    installRuntime({ ...bench.runtime, pay: createSandboxPay({ db: bench.db, now: bench.clock, payCallback: (e) => bench.payCallback(e), closeNotBeforeMs: 5 * 60_000 }) });
    await bench.ok('order', 'u1', 'cancel', { orderId: order._id });
    const report = await bench.pay.deliverPaymentNotification(order._id, 'SUCCESS', 3);
    expect(report.allAcknowledged).toBe(true);
    expect(await bench.order(order._id)).toMatchObject({ status: 'CANCELLED', refundNo: `R${order._id}` });
    expect(await bench.sku('sku-hot')).toMatchObject({ stock: 10, sold: 0 });

    await Promise.all([bench.timer('order', 'processRefunds'), bench.timer('order', 'processRefunds')]);
    expect(await bench.count('sandbox_refunds')).toBe(1);
    expect(await bench.count('refunds', { status: 'DONE' })).toBe(1);
    const stored = await bench.order(order._id);
    expect(stored.status).toBe('CANCELLED');
    expect(stored.refundedAt).toBe(bench.clock());
    expect(await bench.sku('sku-hot')).toMatchObject({ stock: 10, sold: 0 });
  });
});
