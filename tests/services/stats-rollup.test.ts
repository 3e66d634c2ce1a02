/**
 * The dashboard's daily rollups (services/stats): written in the payment,
 * refund and join transactions, sharded, and always equal to a recomputation
 * from the orders and members (core/stats/recompute), which the test checks
 * against its own straightforward count as well.
 */
import { randomUUID } from 'crypto';
import { join } from 'path';
import type { StatsOverview } from '../../src/core/contracts/stats';
import type { Envelope } from '../../src/core/envelope';
import { chinaDay } from '../../src/core/points/china-day';
import { normaliseDaily } from '../../src/core/stats/figures';
import { refundRatePercent } from '../../src/core/stats/overview';
import { dailyFromHistory, type OrderFacts, type RefundFacts } from '../../src/core/stats/recompute';
import type { FunctionContext } from '../../src/server/kit/types';
import { kpisOf } from '../../src/packages/ops/index/kpis';
import { loadDays } from '../../src/server/services/stats/overview';
import { newRequestId, PICKUP, seedShop, startBench, type Bench } from './order-harness';

type Main = (event: unknown, context?: FunctionContext) => Promise<unknown>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadMain = (name: string): Main => (require(join(__dirname, '../../cloudfunctions', name, 'index.ts')) as { main: Main }).main;
const statsMain = loadMain('stats');
const memberMain = loadMain('member');
const ctx = (openid: string): FunctionContext => ({ request_id: randomUUID(), environ: `WX_OPENID=${openid};WX_APPID=wxtest` });

const OPERATOR = 'ops-1';
/** 2025-01-06 23:59 and 2025-01-07 00:01 in Shanghai. */
const LATE_JAN_6 = Date.UTC(2025, 0, 6, 15, 59);
const EARLY_JAN_7 = Date.UTC(2025, 0, 6, 16, 1);

describe('stats rollups', () => {
  let bench: Bench;
  beforeEach(async () => {
    bench = startBench();
    await seedShop(bench.db, [
      { _id: 'sku-a', productId: 'p-tea', price: 1990, stock: 10_000 },
      { _id: 'sku-b', productId: 'p-cake', price: 4990, stock: 10_000 },
    ]);
    await bench.grantOperator(OPERATOR);
  });
  afterEach(() => bench.close());

  const stats = (openid: string, action: string, data: unknown = {}) => statsMain({ action, data }, ctx(openid)) as Promise<Envelope<any>>;
  const overview = async (range: 'today' | '7d' | '30d'): Promise<StatsOverview> => {
    const answer = await stats(OPERATOR, 'overview', { range });
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
    return answer.data;
  };

  const place = async (openid: string, skuId = 'sku-a', quantity = 1) => {
    const order = await bench.ok('order', openid, 'create', { items: [{ skuId, quantity }], fulfillment: PICKUP, requestId: newRequestId() });
    await bench.ok('order', openid, 'pay', { orderId: order._id });
    return order as { _id: string; amounts: { payable: number } };
  };
  const deliver = (orderId: string, times = 1) => bench.pay.deliverPaymentNotification(orderId, 'SUCCESS', times);

  /** A customer's refund, through review when the order flow has one, then the refund worker. */
  const requestRefund = async (openid: string, orderId: string) => {
    const asked = await bench.ok('order', openid, 'requestRefund', { orderId, reason: '不想要了' });
    if (asked.status === 'REFUND_REQUESTED') await bench.ok('order', OPERATOR, 'reviewRefund', { orderId, decision: 'approve' });
  };

  const allOrders = async (): Promise<OrderFacts[]> => (await bench.db.collection<OrderFacts>('orders').limit(1000).get()).data;
  const allRefunds = async (): Promise<RefundFacts[]> => (await bench.db.collection<RefundFacts>('refunds').limit(1000).get()).data;
  const allJoins = async (): Promise<number[]> =>
    (await bench.db.collection<{ joinedAt: number }>('members').limit(1000).get()).data.map((m) => m.joinedAt);

  async function expectRollupsEqualRecomputation(from: string, to: string) {
    const expected = dailyFromHistory(await allOrders(), await allRefunds(), await allJoins());
    const actual = await loadDays(bench.db, from, to);
    const days = [...new Set([...expected.keys(), ...actual.keys()])].filter((d) => d >= from && d <= to).sort();
    expect(days.length).toBeGreaterThan(0);
    for (const day of days) {
      expect(normaliseDaily(actual.get(day)!)).toEqual(normaliseDaily(expected.get(day)!));
    }
  }

  /** The test's own count of a window's figures, straight from the orders. */
  async function countDirectly(from: string, to: string) {
    const orders = await allOrders();
    const inRange = (ms: number | null) => ms !== null && chinaDay(ms) >= from && chinaDay(ms) <= to;
    const paid = orders.filter((o) => o.payment !== null && inRange(o.paidAt));
    // Every customer refund the provider performed, partial or full, on the day it was done; orders counted once they are REFUNDED.
    const refunds = (await allRefunds()).filter((r) => r.status === 'DONE' && r.reason === 'CUSTOMER_REQUEST' && inRange(r.doneAt));
    const refunded = (await bench.db.collection<{ status: string; refundedAt: number | null }>('orders').limit(1000).get()).data.filter((o) => o.status === 'REFUNDED' && inRange(o.refundedAt));
    return {
      gmvFen: paid.reduce((n, o) => n + o.amounts.payable, 0),
      paidOrders: paid.length,
      payingCustomers: new Set(paid.map((o) => o.openid)).size,
      refundFen: refunds.reduce((n, r) => n + r.amount, 0),
      refundOrders: refunded.length,
      newMembers: (await allJoins()).filter(inRange).length,
    };
  }

  it('after concurrent payments, refunds and joins over several days, the rollups equal a recomputation from the orders', async () => {
    const dayOne = chinaDay(bench.clock());
    const buyers = Array.from({ length: 12 }, (_, i) => `buyer-${i}`);
    for (let day = 0; day < 3; day += 1) {
      const joins = buyers.slice(day * 4, day * 4 + 4).map((openid) => memberMain({ action: 'join', data: { nickname: `会员${openid}` } }, ctx(openid)));
      // Some buyers come back on later days: paying customers must count them once per range.
      const placed = [];
      for (const [i, openid] of buyers.entries()) if ((i + day) % 3 !== 0) placed.push({ openid, order: await place(openid, i % 2 ? 'sku-a' : 'sku-b', 1 + (i % 3)) });
      // Payments (one delivered three times), joins and refunds of the day before, all at once.
      const earlier = day > 0 ? await refundable() : [];
      await Promise.all([
        ...placed.map(({ order }, i) => deliver(order._id, i === 0 ? 3 : 1)),
        ...joins,
        ...earlier.slice(0, 3).map((o) => requestRefund(o.openid, o._id)),
      ]);
      await Promise.all([bench.timer('order', 'processRefunds'), bench.timer('order', 'processRefunds')]);
      bench.clock.advance(24 * 3_600_000);
    }
    const lastDay = chinaDay(bench.clock() - 24 * 3_600_000);
    expect(await bench.count('orders', { status: 'REFUNDED' })).toBeGreaterThan(0);
    // Several shards were written: the rollup is not one hot document a day.
    expect(await bench.count('stats_daily', { day: dayOne })).toBeGreaterThan(1);
    await expectRollupsEqualRecomputation(dayOne, lastDay);

    bench.clock.advance(-24 * 3_600_000);
    const week = await overview('7d');
    expect(week).toMatchObject(await countDirectly(week.from, week.to));
    expect(week.payingCustomers).toBeLessThan(week.paidOrders);
    expect(week.kinds.find((k) => k.kind === 'normal')).toMatchObject({ gmvFen: week.gmvFen, paidOrders: week.paidOrders });
    expect(week.series).toHaveLength(7);
    expect(week.series.reduce((n, p) => n + p.gmvFen, 0)).toBe(week.gmvFen);

    // The rebuild writes the same figures (and again when run twice).
    const before = await loadDays(bench.db, dayOne, lastDay);
    await stats(OPERATOR, 'rebuild', { days: 10 });
    expect(await stats(OPERATOR, 'rebuild', { days: 10 })).toMatchObject({ ok: true, data: { days: 10 } });
    const audited = (await bench.db.collection<{ action: string; staffOpenid: string }>('staff_audit').where({ action: 'rebuildStats' }).get()).data;
    expect(audited).toHaveLength(2);
    expect(audited.every((entry) => entry.staffOpenid === OPERATOR)).toBe(true);
    const after = await loadDays(bench.db, dayOne, lastDay);
    for (const [day, figures] of before) expect(normaliseDaily(after.get(day)!)).toEqual(normaliseDaily(figures));
    expect(await overview('7d')).toEqual(week);
    // After a rebuild, new payments go on adding up.
    const late = await place('buyer-late');
    await deliver(late._id);
    await expectRollupsEqualRecomputation(dayOne, lastDay);

    async function refundable() {
      const orders = await bench.db.collection<{ _id: string; openid: string; status: string }>('orders').where({ status: 'READY_FOR_PICKUP' }).limit(100).get();
      return orders.data;
    }
  });

  it('partial refunds: each completed refund adds its own amount on its day, concurrently with payments and full refunds; the rest after partials adds only the rest', async () => {
    const dayOne = chinaDay(bench.clock());
    const buyers = Array.from({ length: 8 }, (_, i) => `pb-${i}`);
    const orders = [];
    for (const openid of buyers) orders.push({ openid, order: await place(openid, 'sku-a', 2) });
    await Promise.all(orders.map(({ order }) => deliver(order._id)));
    const paidOf = (o: { amounts: { payable: number } }) => o.amounts.payable;
    const ask = (openid: string, orderId: string, more: object) => bench.ok('order', openid, 'requestRefund', { orderId, reason: '少要一杯', ...more });
    const approve = (orderId: string) => bench.ok('order', OPERATOR, 'reviewRefund', { orderId, decision: 'approve' });

    // Day one, all at once: partial refunds by line and by amount, full refunds, and new payments.
    const partialByLine = orders.slice(0, 3);
    const partialByAmount = orders.slice(3, 5);
    const full = orders.slice(5, 7);
    const late = await place('pb-late', 'sku-b', 1);
    await Promise.all([
      ...partialByLine.map(({ openid, order }) => ask(openid, order._id, { lines: [{ skuId: 'sku-a', quantity: 1 }] }).then(() => approve(order._id))),
      ...partialByAmount.map(({ openid, order }) => ask(openid, order._id, { amount: 700 }).then(() => approve(order._id))),
      ...full.map(({ openid, order }) => requestRefund(openid, order._id)),
      deliver(late._id, 2),
    ]);
    await Promise.all([bench.timer('order', 'processRefunds'), bench.timer('order', 'processRefunds')]);
    // A replay of the worker finds every refund done: nothing counts twice.
    await bench.timer('order', 'processRefunds');

    const lineShare = Math.floor(paidOf(orders[0].order) / 2);
    const dayOneRefunds = lineShare * 3 + 700 * 2 + paidOf(full[0].order) * 2;
    const today = await overview('today');
    expect(today).toMatchObject({ refundFen: dayOneRefunds, refundOrders: 2, paidOrders: 9 });
    expect(today).toMatchObject(await countDirectly(today.from, today.to));
    await expectRollupsEqualRecomputation(dayOne, dayOne);

    // Day two: the rest of two partially refunded orders, at once; their day counts only what was left.
    bench.clock.advance(24 * 3_600_000);
    const rest = [partialByLine[0], partialByAmount[0]];
    await Promise.all(rest.map(({ openid, order }) => ask(openid, order._id, { reason: '都不要了' }).then(() => approve(order._id))));
    await Promise.all([bench.timer('order', 'processRefunds'), bench.timer('order', 'processRefunds')]);
    for (const { order } of rest) expect(await bench.order(order._id)).toMatchObject({ status: 'REFUNDED', refundedFen: paidOf(order) });
    const dayTwo = await overview('today');
    expect(dayTwo).toMatchObject({ refundFen: paidOf(rest[0].order) - lineShare + paidOf(rest[1].order) - 700, refundOrders: 2 });
    expect(dayTwo.previous).toMatchObject({ refundFen: dayOneRefunds, refundOrders: 2 });
    expect(dayTwo).toMatchObject(await countDirectly(dayTwo.from, dayTwo.to));
    await expectRollupsEqualRecomputation(dayOne, chinaDay(bench.clock()));

    // The dashboard's 退款率 is refundFen / GMV of those same figures.
    const week = await overview('7d');
    const direct = await countDirectly(week.from, week.to);
    expect(week.refundFen).toBe(direct.refundFen);
    const rate = kpisOf(week, week.previous).find((k) => k.key === 'refund-rate')!;
    expect(rate.value).toBe(`${refundRatePercent(direct).toFixed(1)}%`);
    expect(refundRatePercent(direct)).toBe(Math.round((direct.refundFen / direct.gmvFen) * 1000) / 10);

    // The rebuild, from the refunds, writes the same days.
    const before = await loadDays(bench.db, dayOne, chinaDay(bench.clock()));
    await stats(OPERATOR, 'rebuild', { days: 3 });
    const after = await loadDays(bench.db, dayOne, chinaDay(bench.clock()));
    for (const [day, figures] of before) expect(normaliseDaily(after.get(day)!)).toEqual(normaliseDaily(figures));
  });

  it('under SIYU_TX_RERUN=1 a re-run transaction writes its shard once, and a replayed notification counts once', async () => {
    expect(process.env.SIYU_TX_RERUN).toBe('1');
    const order = await place('u1', 'sku-b', 2);
    await Promise.all([deliver(order._id, 4), deliver(order._id, 2)]);
    const today = await overview('today');
    expect(today).toMatchObject({ gmvFen: order.amounts.payable, paidOrders: 1, payingCustomers: 1 });
    const shards = (await bench.db.collection<{ paidOrders: number }>('stats_daily').limit(100).get()).data;
    expect(shards.reduce((n, s) => n + s.paidOrders, 0)).toBe(1);
    await expectRollupsEqualRecomputation(today.from, today.to);
  });

  it('days are Shanghai days: paid at 23:59 counts for that day, at 00:01 for the next', async () => {
    bench.clock.set(LATE_JAN_6);
    const late = await place('night-owl');
    await deliver(late._id);
    bench.clock.set(EARLY_JAN_7);
    const early = await place('early-bird', 'sku-b');
    await deliver(early._id);

    const today = await overview('today');
    expect(today).toMatchObject({ from: '2025-01-07', to: '2025-01-07', gmvFen: early.amounts.payable, paidOrders: 1, payingCustomers: 1 });
    expect(today.previous).toMatchObject({ from: '2025-01-06', to: '2025-01-06', gmvFen: late.amounts.payable, paidOrders: 1, payingCustomers: 1 });
    expect(today.series).toEqual([{ day: '2025-01-07', gmvFen: early.amounts.payable, paidOrders: 1 }]);
  });

  it('previous-period figures: the 7 days before the range, with distinct paying customers across days', async () => {
    // Previous period: one member pays on two days; then the range: the same member and another.
    for (const [openid, daysLater] of [['m1', 0], ['m1', 2], ['m2', 8], ['m1', 9], ['m1', 12]] as const) {
      bench.clock.set(Date.UTC(2025, 0, 6, 2) + daysLater * 24 * 3_600_000);
      await deliver((await place(openid))._id);
    }
    const week = await overview('7d');
    expect(week).toMatchObject({ from: '2025-01-12', to: '2025-01-18', paidOrders: 3, payingCustomers: 2 });
    expect(week.previous).toMatchObject({ from: '2025-01-05', to: '2025-01-11', paidOrders: 2, payingCustomers: 1 });
    expect(week).toMatchObject(await countDirectly(week.from, week.to));
    expect(week.previous).toMatchObject(await countDirectly(week.previous.from, week.previous.to));
  });

  it('is refused to customers and staff (FORBIDDEN)', async () => {
    await bench.db.collection('roles').doc('staff-1').set({ roles: ['staff'], staffStoreIds: ['store-demo'], updatedAt: 0 });
    for (const who of ['customer-1', 'staff-1']) {
      expect(await stats(who, 'overview', { range: 'today' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await stats(who, 'rebuild', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await stats(OPERATOR, 'overview', { range: 'year' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });
});
