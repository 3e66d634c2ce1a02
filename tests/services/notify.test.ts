import { randomUUID } from 'crypto';
import { join } from 'path';
import type { Envelope } from '../../src/core/envelope';
import { installRuntime } from '../../src/server/kit';
import type { FunctionContext } from '../../src/server/kit/types';
import { LEASE_MS } from '../../src/core/notify/rules';
import { FLASH_SALE_LEAD_MS, LIVE_LEAD_MS } from '../../src/core/notify/templates';
import { runOrderHooks } from '../../src/server/services/order/hooks';
import type { Notifier, SendResult, SubscribeMessage } from '../../src/server/services/notify/port';
import { DELIVERY, newRequestId, PICKUP, startShopBench, type Bench } from './order-harness';

type Main = (event: unknown, context?: FunctionContext) => Promise<Envelope<any>>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const notifyMain = (require(join(__dirname, '../../cloudfunctions/notify/index.ts')) as { main: Main }).main;

describe('service notifications (notify)', () => {
  let bench: Bench;
  beforeEach(async () => {
    bench = await startShopBench();
  });
  afterEach(() => bench.close());

  const context = (openid: string | null): FunctionContext => ({ request_id: randomUUID(), environ: openid ? `WX_OPENID=${openid};WX_APPID=wxtest` : '' });
  const call = (openid: string, action: string, data: unknown = {}) => notifyMain({ action, data }, context(openid));
  const ok = async (openid: string, action: string, data: unknown = {}) => {
    const envelope = await call(openid, action, data);
    if (!envelope.ok) throw new Error(`notify.${action} failed: ${JSON.stringify(envelope.error)}`);
    return envelope.data;
  };
  const deliver = async () => {
    const envelope = await notifyMain({ Type: 'Timer', TriggerName: 'deliver', Time: new Date(bench.clock()).toISOString() }, context(null));
    if (!envelope.ok) throw new Error(`deliver failed: ${JSON.stringify(envelope.error)}`);
    return envelope.data;
  };
  const outbox = async (id: string) => (await bench.db.collection('notify_outbox').doc(id).get()).data[0] as Record<string, any> | undefined;
  const quota = async (openid: string, template: string) =>
    (await bench.db.collection('notify_quota').doc(`${openid}:${template}`).get()).data[0] as Record<string, any> | undefined;

  const placeAndPay = async (openid: string, fulfillment: object = DELIVERY) => {
    const order = await bench.ok('order', openid, 'create', { items: [{ skuId: 'sku-tea-l', quantity: 1 }], fulfillment, requestId: newRequestId() });
    await bench.ok('order', openid, 'pay', { orderId: order._id });
    await bench.pay.deliverPaymentNotification(order._id, 'SUCCESS', 2);
    return order as { _id: string; orderNo: string };
  };

  /** Records every send; answers with `answers` in turn (then ok), yielding first so concurrent runs interleave. */
  const recordingNotifier = (answers: SendResult[] = []) => {
    const sent: SubscribeMessage[] = [];
    const notifier: Notifier = {
      async send(message) {
        await new Promise((resolve) => setImmediate(resolve));
        sent.push(message);
        return answers.shift() ?? { ok: true };
      },
    };
    installRuntime({ ...bench.runtime, notifier });
    return sent;
  };

  it('enqueues 支付成功 in the payment transaction, once however often the notification comes', async () => {
    const order = await placeAndPay('u1');
    expect(await outbox(`paid:${order._id}`)).toMatchObject({ openid: 'u1', template: 'orderPaid', status: 'PENDING', attempts: 0 });
    expect(await bench.count('notify_outbox')).toBe(1);

    const pickup = await placeAndPay('u2', PICKUP);
    expect(await outbox(`paid:${pickup._id}`)).toMatchObject({ template: 'orderPaid' });
    expect(await outbox(`ready:${pickup._id}`)).toMatchObject({ template: 'orderReady', data: expect.objectContaining({ store: '示例门店' }) });
  });

  it('a rolled-back payment leaves no outbox entry', async () => {
    const order = await bench.ok('order', 'u1', 'create', { items: [{ skuId: 'sku-tea-l', quantity: 1 }], fulfillment: DELIVERY, requestId: newRequestId() });
    const stored = await bench.order(order._id);
    const deps = { db: bench.db, now: bench.clock, log: bench.runtime.log };
    await expect(
      bench.db.runTransaction(async (tx) => {
        await runOrderHooks('paid', tx, { ...stored, status: 'PAID' } as never, deps, bench.clock());
        throw new Error('payment write failed');
      }),
    ).rejects.toThrow('payment write failed');
    expect(await bench.count('notify_outbox')).toBe(0);
  });

  it('enqueues shipped with the tracking number when an operator ships', async () => {
    const order = await placeAndPay('u1');
    await bench.ok('order', 'ops-1', 'ship', { orderId: order._id, trackingNo: 'SF123' });
    expect(await outbox(`shipped:${order._id}`)).toMatchObject({ template: 'orderShipped', data: expect.objectContaining({ trackingNo: 'SF123' }) });
  });

  it('consent: accept adds a quota unit, refusals are recorded; unknown keys ignored', async () => {
    expect(await ok('u1', 'subscribe', { results: { orderPaid: 'accept', orderShipped: 'reject', nope: 'accept' } })).toEqual({
      quota: { orderPaid: 1, orderShipped: 0 },
      ignored: ['nope'],
    });
    await ok('u1', 'subscribe', { results: { orderPaid: 'accept' } });
    expect(await quota('u1', 'orderPaid')).toMatchObject({ available: 2, accepted: 2, rejected: 0 });
    expect(await quota('u1', 'orderShipped')).toMatchObject({ available: 0, rejected: 1 });
    expect(await bench.count('notify_consents', { openid: 'u1' })).toBe(3);
    const config = await ok('u1', 'templates');
    expect(config.moments.checkout).toEqual(['orderPaid', 'orderShipped', 'orderReady']);
    expect(config.templates.find((t: { key: string }) => t.key === 'orderPaid')).toMatchObject({ title: '支付成功' });
  });

  it('delivers to the local inbox once: 支付成功 with a badge, mark read', async () => {
    await ok('u1', 'subscribe', { results: { orderPaid: 'accept' } });
    const order = await placeAndPay('u1');
    expect(await deliver()).toMatchObject({ claimed: 1, sent: 1 });
    expect(await deliver()).toMatchObject({ claimed: 0, sent: 0 });
    expect(await outbox(`paid:${order._id}`)).toMatchObject({ status: 'SENT', attempts: 1, sentAt: bench.clock() });
    expect(await quota('u1', 'orderPaid')).toMatchObject({ available: 0 });

    const inbox = await ok('u1', 'inbox', {});
    expect(inbox.items).toHaveLength(1);
    expect(inbox.items[0]).toMatchObject({ id: `paid:${order._id}`, title: '支付成功', read: false, page: `packages/trade/order/index?id=${order._id}` });
    // The human order number, never the internal id.
    expect(order.orderNo).toMatch(/^\d{8}-\d{4}$/);
    expect(inbox.items[0].lines).toContainEqual({ label: '订单号', value: order.orderNo });
    expect(JSON.stringify(inbox.items[0].lines)).not.toContain(order._id);
    expect((await ok('u2', 'inbox', {})).items).toHaveLength(0);
    expect(await ok('u1', 'unreadCount')).toEqual({ count: 1 });
    expect(await ok('u2', 'markRead', { all: true })).toEqual({ updated: 0 });
    expect(await ok('u1', 'markRead', { ids: [`paid:${order._id}`] })).toEqual({ updated: 1 });
    expect(await ok('u1', 'unreadCount')).toEqual({ count: 0 });
  });

  it('never sends without quota: SKIPPED NO_QUOTA', async () => {
    const sent = recordingNotifier();
    const order = await placeAndPay('u1');
    expect(await deliver()).toMatchObject({ skipped: 1, sent: 0 });
    expect(sent).toHaveLength(0);
    expect(await outbox(`paid:${order._id}`)).toMatchObject({ status: 'SKIPPED', lastError: { code: 'NO_QUOTA' } });
  });

  it('two concurrent worker runs send each entry once', async () => {
    const sent = recordingNotifier();
    for (const openid of ['u1', 'u2', 'u3']) {
      await ok(openid, 'subscribe', { results: { orderPaid: 'accept' } });
      await placeAndPay(openid);
    }
    const [a, b] = await Promise.all([deliver(), deliver()]);
    expect(a.sent + b.sent).toBe(3);
    expect(sent.map((m) => m.touser).sort()).toEqual(['u1', 'u2', 'u3']);
    for (const openid of ['u1', 'u2', 'u3']) expect(await quota(openid, 'orderPaid')).toMatchObject({ available: 0 });
  });

  it('a crash between enqueue and send loses nothing: the next run after the lease sends it, on the quota taken once', async () => {
    await ok('u1', 'subscribe', { results: { orderPaid: 'accept', orderShipped: 'accept' } });
    const order = await placeAndPay('u1');
    const id = `paid:${order._id}`;
    // What a run that died after claiming and taking the unit leaves behind.
    await bench.db.collection('notify_outbox').doc(id).update({ claim: 'run_dead', nextAttemptAt: bench.clock() + LEASE_MS, quotaHeld: true });
    await bench.db.collection('notify_quota').doc('u1:orderPaid').update({ available: 0 });
    const sent = recordingNotifier();
    expect(await deliver()).toMatchObject({ claimed: 0 });
    bench.clock.advance(LEASE_MS);
    expect(await deliver()).toMatchObject({ claimed: 1, sent: 1 });
    expect(sent.map((m) => m.outboxId)).toEqual([id]);
    expect(await outbox(id)).toMatchObject({ status: 'SENT', quotaHeld: false });
    expect(await quota('u1', 'orderPaid')).toMatchObject({ available: 0 });
  });

  it('retries a transient error with backoff and gives the quota unit back meanwhile', async () => {
    const sent = recordingNotifier([{ ok: false, code: -1, message: 'system busy' }]);
    await ok('u1', 'subscribe', { results: { orderPaid: 'accept' } });
    const order = await placeAndPay('u1');
    const id = `paid:${order._id}`;
    expect(await deliver()).toMatchObject({ retrying: 1 });
    expect(await outbox(id)).toMatchObject({ status: 'PENDING', attempts: 1, nextAttemptAt: bench.clock() + 60_000, lastError: { code: '-1' } });
    expect(await quota('u1', 'orderPaid')).toMatchObject({ available: 1 });
    bench.clock.advance(30_000);
    expect(await deliver()).toMatchObject({ claimed: 0 });
    bench.clock.advance(30_000);
    expect(await deliver()).toMatchObject({ sent: 1 });
    expect(sent).toHaveLength(2);
    expect(await outbox(id)).toMatchObject({ status: 'SENT', attempts: 2, lastError: null });
    expect(await quota('u1', 'orderPaid')).toMatchObject({ available: 0 });
  });

  it('gives up on permanent errors with the reason: invalid template keeps the unit, refused voids the quota', async () => {
    recordingNotifier([
      { ok: false, code: 40037, message: 'invalid template_id' },
      { ok: false, code: 43101, message: 'user refuse to accept the msg' },
    ]);
    await ok('u1', 'subscribe', { results: { orderPaid: 'accept' } });
    await ok('u2', 'subscribe', { results: { orderPaid: 'accept' } });
    await ok('u2', 'subscribe', { results: { orderPaid: 'accept' } });
    const first = await placeAndPay('u1');
    expect(await deliver()).toMatchObject({ failed: 1 });
    expect(await outbox(`paid:${first._id}`)).toMatchObject({ status: 'FAILED', lastError: { code: '40037' } });
    expect(await quota('u1', 'orderPaid')).toMatchObject({ available: 1 });

    const second = await placeAndPay('u2');
    expect(await deliver()).toMatchObject({ failed: 1 });
    expect(await outbox(`paid:${second._id}`)).toMatchObject({ status: 'FAILED', lastError: { code: '43101' } });
    expect(await quota('u2', 'orderPaid')).toMatchObject({ available: 0 });
  });

  it('FORBIDDEN: a customer cannot run deliver; an operator neither', async () => {
    expect(await call('u1', 'deliver')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('ops-1', 'deliver')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('enqueues a flash-sale reminder once, within the lead time', async () => {
    const startAt = bench.clock() + 60 * 60_000;
    await bench.db.collection('flash_sales').doc('fs1').set({ title: '', productName: '乌龙茶', salePrice: 1990, startAt, stoppedAt: null });
    await bench.db
      .collection('flash_sale_reminders')
      .doc('fs1:u1')
      .set({ saleId: 'fs1', openid: 'u1', remindAt: startAt, status: 'PENDING', createdAt: bench.clock() });
    await ok('u1', 'subscribe', { results: { flashSaleStart: 'accept' } });
    expect(await deliver()).toMatchObject({ enqueued: { flashSale: 0 } });
    bench.clock.set(startAt - FLASH_SALE_LEAD_MS);
    const [a, b] = await Promise.all([deliver(), deliver()]);
    expect(a.enqueued.flashSale + b.enqueued.flashSale).toBe(1);
    expect(await deliver()).toMatchObject({ enqueued: { flashSale: 0 } });
    expect(await bench.count('notify_outbox', { template: 'flashSaleStart' })).toBe(1);
    expect(await outbox('sale:fs1:u1')).toMatchObject({ status: 'SENT', data: { goods: '乌龙茶', price: '19.90元' } });
    expect((await bench.db.collection('flash_sale_reminders').doc('fs1:u1').get()).data[0]).toMatchObject({ status: 'SENT' });
    expect((await ok('u1', 'inbox', {})).items.map((m: { title: string }) => m.title)).toEqual(['秒杀即将开始']);
  });

  it('enqueues a live-room reminder once, within the lead time, and opens the room page', async () => {
    const startAt = bench.clock() + 60 * 60_000;
    await bench.db.collection('live_rooms').doc('r1').set({ roomId: 'r1', title: '春茶直播', anchorName: '小林', startAt, endAt: startAt + 3_600_000 });
    await bench.db.collection('live_reminders').doc('r1:u1').set({ roomId: 'r1', openid: 'u1', remindAt: startAt, status: 'PENDING', createdAt: bench.clock() });
    await ok('u1', 'subscribe', { results: { liveStart: 'accept' } });
    expect(await deliver()).toMatchObject({ enqueued: { live: 0 } });
    bench.clock.set(startAt - LIVE_LEAD_MS);
    const [a, b] = await Promise.all([deliver(), deliver()]);
    expect(a.enqueued.live + b.enqueued.live).toBe(1);
    expect(await outbox('live:r1:u1')).toMatchObject({ status: 'SENT', page: 'packages/live/room/index?id=r1', data: { room: '春茶直播', anchor: '小林' } });
    expect((await ok('u1', 'inbox', {})).items.map((m: { title: string }) => m.title)).toEqual(['直播即将开始']);
  });

  it('announces expiring points once per expiry day, only with quota', async () => {
    const at = bench.clock() + 3 * 24 * 3_600_000;
    await bench.db.collection('points_accounts').doc('u1').set({
      openid: 'u1',
      balance: 120,
      buckets: [{ on: '2025-01-08', at, amount: 120 }],
      entries: 1,
      nextExpiryAt: at,
      lastCheckIn: null,
      createdAt: bench.clock(),
      updatedAt: bench.clock(),
    });
    expect(await deliver()).toMatchObject({ enqueued: { pointsExpiring: 0 } });
    await ok('u1', 'subscribe', { results: { pointsExpiring: 'accept' } });
    expect(await deliver()).toMatchObject({ enqueued: { pointsExpiring: 1 }, sent: 1 });
    expect(await deliver()).toMatchObject({ enqueued: { pointsExpiring: 0 } });
    expect(await outbox('expiring:u1:2025-01-08')).toMatchObject({ status: 'SENT', data: expect.objectContaining({ points: '120' }) });
  });
});
