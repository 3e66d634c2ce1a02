/**
 * order.search (operators): every filter against a brute-force filter of the
 * seeded orders, cursor paging stable on ties, search by order number, 取货码
 * and phone, FORBIDDEN for customers and staff, and every orders query
 * index-backed on the local engine.
 */
import { makeOrders, memberPhone, seedMember } from '../../scripts/bench/ops-seed';
import type { OpsOrderPage, OpsOrderRow } from '../../src/core/contracts/order-ops';
import { orderKindOf } from '../../src/core/order/kind';
import type { Order } from '../../src/core/order/types';
import { explainQueryPlan, recordingQueries } from '../../src/server/local/db/explain';
import { searchOrders } from '../../src/server/services/order/search';
import { START, startBench, type Bench } from './order-harness';

const DAY = 24 * 60 * 60 * 1000;
const OPERATOR = 'op-1';
const STORES = [
  { id: 'store-a', name: '徐家汇店' },
  { id: 'store-b', name: '静安寺店' },
];

let bench: Bench;
let orders: Order[];

beforeEach(async () => {
  bench = startBench();
  await bench.grantOperator(OPERATOR);
  await bench.db.collection('roles').doc('staff-1').set({ roles: ['staff'], staffStoreIds: ['store-a'], updatedAt: START });
  await bench.db.collection('live_rooms').doc('room-1').set({ name: '直播间', startAt: START });
  orders = makeOrders({ orders: 300, days: 40, now: START, stores: STORES, liveRoomIds: ['room-1'], members: 20, seed: 7 });
  // A few shop orders are community group-buy orders (社区团购) and stored-value top-ups (储值充值): kinds of their own.
  const plainShop = orders.filter((o) => (o.source ?? 'shop') === 'shop' && !(o as { liveRoomId?: string }).liveRoomId);
  for (const o of plainShop.slice(0, 6)) Object.assign(o, { community: { activityId: 'ca-1', pointName: '幸福小区', pointAddress: '1 号楼', pickupDate: '2025-01-07' } });
  for (const o of plainShop.slice(6, 10)) Object.assign(o, { walletTopUp: { planId: 'plan-100', payFen: 10000, giftFen: 1000, giftValidDays: null } });
  for (const { _id, ...order } of orders) await bench.db.collection('orders').doc(_id).set(order);
  for (let n = 0; n < 20; n += 1) {
    const { _id, ...member } = seedMember(n, START - 50 * DAY);
    await bench.db.collection('members').doc(_id).set(member);
  }
});
afterEach(() => bench.close());

const newestFirst = (a: Order, b: Order) => b.createdAt - a.createdAt || (a._id < b._id ? 1 : -1);

/** Every page of a search, following the cursor. */
async function searchAll(filters: Record<string, unknown>, pageSize = 50): Promise<OpsOrderRow[]> {
  const rows: OpsOrderRow[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 1000; guard += 1) {
    const page = await bench.ok<OpsOrderPage>('order', OPERATOR, 'search', { ...filters, pageSize, ...(cursor ? { cursor } : {}) });
    expect(page.items.length).toBeLessThanOrEqual(pageSize);
    rows.push(...page.items);
    if (!page.nextCursor) return rows;
    cursor = page.nextCursor;
  }
  throw new Error('paging did not end');
}

const expectedIds = (keep: (order: Order) => boolean) => orders.filter(keep).sort(newestFirst).map((order) => order._id);

describe('order.search filters', () => {
  it('answers all orders newest first without filters, a page at a time', async () => {
    const rows = await searchAll({}, 50);
    expect(rows.map((row) => row.orderId)).toEqual(expectedIds(() => true));
  });

  it.each(['PAID', 'SHIPPED', 'REFUNDED', 'CANCELLED', 'COMPLETED'])('filters by status %s', async (status) => {
    const rows = await searchAll({ status });
    expect(rows.map((row) => row.orderId)).toEqual(expectedIds((order) => order.status === status));
    expect(rows.length).toBeGreaterThan(0);
  });

  it.each(['normal', 'groupbuy', 'flashsale', 'mall', 'live', 'community', 'topup'] as const)('filters by kind %s', async (kind) => {
    const rows = await searchAll({ kind });
    expect(rows.map((row) => row.orderId)).toEqual(expectedIds((order) => orderKindOf(order as Order & { liveRoomId?: string }) === kind));
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((row) => row.kind))).toEqual(new Set([kind]));
    // Points-mall rows carry the points each order was redeemed for; no other kind has points.
    const byId = new Map(orders.map((order) => [order._id, order]));
    for (const row of rows) expect(row.points).toBe(kind === 'mall' ? byId.get(row.orderId)!.mall!.pointsPrice : 0);
  });

  it('filters by date range [from, to)', async () => {
    const from = START - 10 * DAY;
    const to = START - 3 * DAY;
    const rows = await searchAll({ from, to }, 20);
    expect(rows.map((row) => row.orderId)).toEqual(expectedIds((order) => order.createdAt >= from && order.createdAt < to));
  });

  it('filters by pickup store, combined with status and kind', async () => {
    const inStore = (order: Order) => order.fulfillment.type === 'pickup' && order.fulfillment.storeId === 'store-b';
    expect((await searchAll({ storeId: 'store-b' })).map((row) => row.orderId)).toEqual(expectedIds(inStore));
    const rows = await searchAll({ storeId: 'store-b', status: 'COMPLETED', kind: 'normal' });
    expect(rows.map((row) => row.orderId)).toEqual(
      expectedIds((order) => inStore(order) && order.status === 'COMPLETED' && orderKindOf(order as Order & { liveRoomId?: string }) === 'normal'),
    );
    expect(rows.every((row) => row.storeName === '静安寺店')).toBe(true);
  });

  it('finds an order by its number, its 取货码, the phone on its address, or the member phone', async () => {
    const target = orders.find((order) => order.fulfillment.type === 'pickup')!;
    expect((await searchAll({ q: target._id })).map((row) => row.orderId)).toEqual([target._id]);
    const code = (target.fulfillment as { pickupCode: string }).pickupCode;
    expect((await searchAll({ q: code })).map((row) => row.orderId)).toEqual([target._id]);

    const delivery = orders.find((order) => order.fulfillment.type === 'delivery' && order.fulfillment.address.phone.startsWith('137'))!;
    const phone = (delivery.fulfillment as { address: { phone: string } }).address.phone;
    expect((await searchAll({ q: phone })).map((row) => row.orderId)).toEqual([delivery._id]);

    // A member's phone: every order of theirs, and orders delivered to that phone.
    const memberPhoneOf3 = memberPhone(3);
    const rows = await searchAll({ q: memberPhoneOf3 }, 7);
    expect(rows.map((row) => row.orderId)).toEqual(
      expectedIds((order) => order.openid === 'bench-member-3' || (order.fulfillment.type === 'delivery' && order.fulfillment.address.phone === memberPhoneOf3)),
    );
    // The search text combines with the filters.
    const paid = await searchAll({ q: memberPhoneOf3, status: 'PAID' });
    expect(paid.every((row) => row.status === 'PAID')).toBe(true);
    expect(await searchAll({ q: 'no-such-order' })).toEqual([]);
  });

  it('shows the customer with a masked phone and amounts in fen', async () => {
    const [row] = await searchAll({ q: orders[0]._id });
    expect(row.customerName).toMatch(/^会员\d+$/);
    expect(row.customerPhone).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(row.payable).toBe(orders[0].amounts.payable);
  });
});

describe('order.search paging', () => {
  it('is stable on ties of createdAt: every order once, in (createdAt, _id) descending order', async () => {
    const tied = START - 2 * DAY;
    const base = orders[0];
    for (let i = 0; i < 23; i += 1) {
      const { _id, ...rest } = base;
      await bench.db.collection('orders').doc(`o_tie${String(i).padStart(2, '0')}`).set({ ...rest, requestKey: `tie:${i}`, createdAt: tied });
    }
    const all = [...orders, ...Array.from({ length: 23 }, (_, i) => ({ ...base, _id: `o_tie${String(i).padStart(2, '0')}`, createdAt: tied }))];
    for (const pageSize of [3, 7, 50]) {
      const rows = await searchAll({}, pageSize);
      expect(rows.map((row) => row.orderId)).toEqual(all.sort(newestFirst).map((order) => order._id));
    }
  });

  it('refuses a cursor it did not make with CURSOR_INVALID and a page size over 50', async () => {
    const bad = await bench.call('order', OPERATOR, 'search', { cursor: 'not-a-cursor' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'CURSOR_INVALID' } });
    const big = await bench.call('order', OPERATOR, 'search', { pageSize: 51 });
    expect(big).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });
});

describe('order.search access', () => {
  it.each(['search', 'opsGet', 'exportCsv', 'shipBatch'])('refuses %s to customers and staff (FORBIDDEN)', async (action) => {
    const data = action === 'shipBatch' ? { items: [{ orderId: orders[0]._id, carrier: '顺丰', trackingNo: 'SF1' }], requestId: 'req-forbidden-1' } : action === 'opsGet' ? { orderId: orders[0]._id } : {};
    for (const openid of ['demo-customer', 'staff-1']) {
      expect(await bench.call('order', openid, action, data)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });
});

describe('order.search query plans', () => {
  const combos: Array<[string, Record<string, unknown>]> = [
    ['no filter', {}],
    ['status', { status: 'PAID' }],
    ['kind normal', { kind: 'normal' }],
    ['kind live', { kind: 'live' }],
    ['store', { storeId: 'store-a' }],
    ['date range', { from: START - 7 * DAY, to: START - DAY }],
    ['status + store', { status: 'COMPLETED', storeId: 'store-a' }],
    ['order number', { q: 'o_x' }],
    ['phone', { q: memberPhone(1) }],
    ['pickup code', { q: '12345678' }],
  ];

  it.each(combos)('%s: every orders and members query uses an index', async (_name, filters) => {
    const recorded = recordingQueries(bench.db);
    await searchOrders({ db: recorded.db, now: bench.clock, log: bench.runtime.log }, { ...filters, pageSize: 20 });
    const reads = recorded.queries.filter((query) => query.collection === 'orders' || query.collection === 'members');
    expect(reads.length).toBeGreaterThan(0);
    for (const read of reads) {
      const plan = explainQueryPlan(bench.db, read.collection, read.query);
      expect({ plan: plan.plan, index: plan.index }).toEqual({ plan: plan.plan, index: expect.any(String) });
    }
  });

  it('names the filter index SQLite picks for status and store', async () => {
    const _ = bench.db.command;
    const range = _.gte(START - DAY).and(_.lte(START));
    expect(explainQueryPlan(bench.db, 'orders', { status: 'PAID', createdAt: range }).index).toBe('status_createdAt');
    expect(explainQueryPlan(bench.db, 'orders', { 'fulfillment.storeId': 'store-a', createdAt: range }).index).toBe('storeId_createdAt');
    expect(explainQueryPlan(bench.db, 'orders', { createdAt: range }).index).toBe('createdAt');
    expect(explainQueryPlan(bench.db, 'orders', { 'fulfillment.address.phone': '13900000001' }).index).toBe('phone_createdAt');
    expect(explainQueryPlan(bench.db, 'orders', { 'fulfillment.pickupCode': '12345678' }).index).toBe('pickupCode');
  });
});
