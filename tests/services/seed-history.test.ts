/**
 * The demo seed's order history (src/server/local/seed/history.ts): a year
 * of members, orders, payments, pickups, shipments and refunds, written
 * through the real services, so the dashboard, the ops order list and the
 * refund queue have something to show, and every ledger and rollup agrees.
 */
import { chinaDay, addDays } from '../../src/core/points/china-day';
import { normaliseDaily } from '../../src/core/stats/figures';
import { dailyFromHistory, type OrderFacts, type RefundFacts } from '../../src/core/stats/recompute';
import { openLocalDb, type LocalDb } from '../../src/server/local/db';
import { seedDemoData } from '../../src/server/local/seed';
import { schema } from '../../src/server/schema';
import { loadDays, statsOverview } from '../../src/server/services/stats/overview';

// Each file seeds the demo shop with its year of history (about 10–30 s on 2 busy cores).
jest.setTimeout(120_000);

const NOW = Date.UTC(2026, 11, 1, 4, 30); // 12:30 in Shanghai, a Tuesday
const DEMO_ACCOUNTS = ['demo-customer', 'demo-staff', 'demo-staff-jingan', 'demo-operator'];

describe('demo seed: order history', () => {
  let db: LocalDb;
  beforeAll(async () => {
    db = openLocalDb({ memory: true, now: () => NOW }, schema);
    await seedDemoData(db, NOW);
  }, 60_000);
  afterAll(() => db.close());

  const all = async <T>(collection: string): Promise<Array<T & { _id: string }>> => {
    const out: Array<T & { _id: string }> = [];
    for (let offset = 0; ; offset += 1000) {
      const { data } = await db.collection<T>(collection).skip(offset).limit(1000).get();
      out.push(...(data as Array<T & { _id: string }>));
      if (data.length < 1000) return out;
    }
  };

  it('leaves a year of orders in every state, from members who joined over time', async () => {
    const orders = await all<{ openid: string; status: string; createdAt: number; fulfillment: { type: string; storeId?: string } }>('orders');
    const paid = orders.filter((o) => !['CANCELLED', 'PENDING_PAYMENT'].includes(o.status));
    expect(paid.length).toBeGreaterThanOrEqual(450);
    expect(paid.length).toBeLessThanOrEqual(900);
    const statuses = new Set(orders.map((o) => o.status));
    for (const status of ['COMPLETED', 'SHIPPED', 'CANCELLED', 'REFUNDED', 'REFUND_REQUESTED', 'READY_FOR_PICKUP']) expect(statuses).toContain(status);
    expect(orders.filter((o) => o.status === 'REFUND_REQUESTED').length).toBeGreaterThanOrEqual(2);
    expect(new Set(orders.filter((o) => o.fulfillment.type === 'pickup').map((o) => o.fulfillment.storeId)).size).toBe(4);
    expect(orders.every((o) => o.createdAt >= NOW - 366 * 86_400_000 && o.createdAt < NOW)).toBe(true);
    expect(orders.filter((o) => o.createdAt < NOW - 270 * 86_400_000).length).toBeGreaterThan(20);
    const buyers = new Set(orders.map((o) => o.openid));
    expect(buyers.size).toBeGreaterThanOrEqual(200);
    expect(buyers.size).toBeLessThanOrEqual(320);

    const members = await all<{ joinedAt: number }>('members');
    expect(members.length).toBeGreaterThanOrEqual(300);
    expect(members.filter((m) => m.joinedAt >= NOW - 30 * 86_400_000).length).toBeGreaterThanOrEqual(20);
    expect(members.filter((m) => m.joinedAt < NOW - 180 * 86_400_000).length).toBeGreaterThanOrEqual(50);
  });

  it('gives the demo accounts the e2e tests sign in as no orders and no membership', async () => {
    for (const openid of DEMO_ACCOUNTS) {
      expect((await db.collection('orders').where({ openid }).count()).total).toBe(0);
      expect((await db.collection('members').doc(openid).get()).data).toHaveLength(0);
    }
  });

  it("shows a non-zero 30-day overview whose rollups equal a recomputation from the orders", async () => {
    const deps = { db, now: () => NOW, log: { info: () => undefined, warn: () => undefined, error: () => undefined } };
    const overview = await statsOverview(deps, '30d');
    expect(overview.gmvFen).toBeGreaterThan(0);
    expect(overview.paidOrders).toBeGreaterThanOrEqual(100);
    expect(overview.newMembers).toBeGreaterThan(0);
    expect(overview.refundOrders).toBeGreaterThan(0);

    const to = chinaDay(NOW);
    const from = addDays(to, -59);
    const expected = dailyFromHistory(await all<OrderFacts>('orders'), await all<RefundFacts>('refunds'), (await all<{ joinedAt: number }>('members')).map((m) => m.joinedAt));
    const actual = await loadDays(db, from, to);
    const days = [...new Set([...expected.keys(), ...actual.keys()])].filter((d) => d >= from && d <= to).sort();
    expect(days.length).toBeGreaterThanOrEqual(30);
    for (const day of days) expect([day, normaliseDaily(actual.get(day)!)]).toEqual([day, normaliseDaily(expected.get(day)!)]);
  });

  it('leaves no stale notices of past events queued ahead of the live ones', async () => {
    expect(await all('notify_outbox')).toHaveLength(0);
  });

  it('keeps every SKU at the sum of its stock ledger entries', async () => {
    const entries = await all<{ skuId: string; delta: number }>('stock_ledger');
    for (const sku of await all<{ stock: number }>('skus')) {
      const sum = entries.filter((e) => e.skuId === sku._id).reduce((total, e) => total + e.delta, 0);
      expect([sku._id, sku.stock]).toEqual([sku._id, sum]);
    }
  });

  it('gives each open pickup order its own 取货码', async () => {
    const open = (await all<{ status: string; fulfillment: { type: string; pickupCode?: string } }>('orders')).filter(
      (o) => o.fulfillment.type === 'pickup' && o.status === 'READY_FOR_PICKUP',
    );
    expect(open.length).toBeGreaterThan(0);
    const codes = open.map((o) => o.fulfillment.pickupCode);
    expect(codes.every(Boolean)).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
