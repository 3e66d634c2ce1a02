/**
 * The operator's back office at scale: 100,000 orders over 60 days (every
 * status and kind, 4 stores, 20,000 members) and their daily rollups seeded
 * straight into a temporary local database, then `order.search` (several
 * filter combinations, and a page deep behind the cursor) and
 * `stats.overview` (7d, 30d) called through the functions' main(event, ctx)
 * as an operator. Prints p50/p99 ms of each and the index SQLite uses for
 * every query the search makes (EXPLAIN QUERY PLAN).
 * `npx tsx scripts/bench/ops.ts [--orders 100000] [--runs 40]`.
 * Numbers are for this machine and run only; tests never assert them.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Envelope } from '../../src/core/envelope';
import { dailyFromHistory } from '../../src/core/stats/recompute';
import { emptyDaily } from '../../src/core/stats/figures';
import { dailyDocId, STATS_SHARDS } from '../../src/core/stats/shards';
import { createFunction, installRuntime, uninstallRuntime } from '../../src/server/kit';
import type { FunctionContext, Routes } from '../../src/server/kit/types';
import { openLocalDb, type LocalDb } from '../../src/server/local/db';
import { explainQueryPlan, recordingQueries } from '../../src/server/local/db/explain';
import { createLocalRuntime } from '../../src/server/local/runtime';
import { orderRoutes } from '../../src/server/services/order/routes';
import { searchOrders } from '../../src/server/services/order/search';
import { makeOrders, memberPhone, seedMember } from './ops-seed';

const DAY = 24 * 60 * 60 * 1000;
const OPERATOR = 'bench-operator';
const STORES = [
  { id: 'store-xjh', name: '徐家汇店' },
  { id: 'store-jas', name: '静安寺店' },
  { id: 'store-ljz', name: '陆家嘴店' },
  { id: 'store-wjc', name: '五角场店' },
];
const LIVE_ROOMS = ['room-1', 'room-2', 'room-3'];
const SEED_CHUNK = 5000;

export interface OpsBenchOptions {
  orders?: number;
  runs?: number;
  members?: number;
}

export interface Latency {
  name: string;
  p50: number;
  p99: number;
  runs: number;
  /** Rows of the answer (first run): orders of a search page, days of the overview's series. */
  rows: number;
  /** Indexes SQLite used for the search's queries; '' for stats. */
  indexes: string;
}

type Main = (event: unknown, context?: FunctionContext) => Promise<unknown>;

/** The stats function when the dashboard's service is there (src/server/services/stats). */
async function loadStatsRoutes(): Promise<Routes | null> {
  try {
    return ((await import('../../src/server/services/stats/routes')) as { statsRoutes: Routes }).statsRoutes;
  } catch {
    return null;
  }
}

export async function benchOps(options: OpsBenchOptions = {}): Promise<Latency[]> {
  const total = options.orders ?? 100_000;
  const runs = options.runs ?? 40;
  const members = options.members ?? 20_000;
  const dir = mkdtempSync(join(tmpdir(), 'siyu-bench-ops-'));
  const db = openLocalDb({ file: join(dir, 'ops.sqlite') });
  const now = Date.now();
  try {
    const seeded = await seed(db, now, total, members);
    console.log(`seeded ${seeded.orders.toLocaleString('en')} orders over 60 days, ${members.toLocaleString('en')} members, ${seeded.rollupDocs} rollup shards in ${seeded.ms} ms`);
    installRuntime(createLocalRuntime({ db, now: () => now, log: { info() {}, warn() {}, error() {} } }));
    await db.collection('roles').doc(OPERATOR).set({ roles: ['operator'], staffStoreIds: [], updatedAt: now });
    const orderMain = createFunction(orderRoutes) as Main;
    const statsRoutes = await loadStatsRoutes();
    const statsMain = statsRoutes ? (createFunction(statsRoutes) as Main) : null;

    const results: Latency[] = [];
    const searches: Array<[string, Record<string, unknown>]> = [
      ['order.search (no filter)', {}],
      ['order.search status=PAID', { status: 'PAID' }],
      ['order.search kind=flashsale, 7 days', { kind: 'flashsale', from: now - 7 * DAY, to: now }],
      ['order.search kind=live', { kind: 'live' }],
      ['order.search store + COMPLETED', { storeId: STORES[1].id, status: 'COMPLETED' }],
      ['order.search REFUNDED, 30 days', { status: 'REFUNDED', from: now - 30 * DAY, to: now }],
      ['order.search REFUND_REQUESTED + store (sparse)', { status: 'REFUND_REQUESTED', storeId: STORES[2].id }],
      ['order.search phone (member)', { q: memberPhone(1234) }],
      ['order.search 取货码', { q: seeded.pickupCode }],
    ];
    for (const [name, filters] of searches) {
      const input = { ...filters, pageSize: 20 };
      results.push({ ...(await measure(name, runs, () => call(orderMain, 'search', input))), indexes: await indexesOf(db, now, input) });
    }
    // Page 10 behind the cursor (the 9 pages before it are read first, untimed).
    let cursor: string | undefined;
    for (let page = 0; page < 9; page += 1) cursor = ((await call(orderMain, 'search', { pageSize: 50, ...(cursor ? { cursor } : {}) })) as { nextCursor: string }).nextCursor;
    results.push({ ...(await measure('order.search page 10 (cursor)', runs, () => call(orderMain, 'search', { pageSize: 50, cursor }))), indexes: await indexesOf(db, now, { pageSize: 50, cursor }) });

    if (statsMain) {
      for (const range of ['7d', '30d'] as const) {
        results.push({ ...(await measure(`stats.overview ${range}`, runs, () => call(statsMain, 'overview', { range }))), indexes: await statsIndexes(db, now, range) });
      }
    } else {
      console.log('stats.overview: skipped (the stats function is not there yet)');
    }
    return results;
  } finally {
    uninstallRuntime();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function seed(db: LocalDb, now: number, total: number, memberCount: number): Promise<{ orders: number; rollupDocs: number; ms: number; pickupCode: string }> {
  const started = Date.now();
  const orders = makeOrders({ orders: total, days: 60, now, stores: STORES, liveRoomIds: LIVE_ROOMS, members: memberCount });
  const joins: number[] = [];
  await inChunks(memberCount, async (tx, n) => {
    const joinedAt = now - Math.floor(((n * 2654435761) % 1000) / 1000 * 90 * DAY);
    joins.push(joinedAt);
    const { _id, ...member } = seedMember(n, joinedAt);
    await tx.collection('members').doc(_id).set(member);
  }, db);
  for (const room of LIVE_ROOMS) await db.collection('live_rooms').doc(room).set({ name: `直播间 ${room}`, startAt: now - 30 * DAY, origin: 'local' });
  await inChunks(orders.length, async (tx, i) => {
    const { _id, ...order } = orders[i];
    await tx.collection('orders').doc(_id).set(order);
  }, db);
  // The rollups as the payment and refund transactions would have left them: the dashboard's own recomputation, spread over the shards.
  // The seed's refunded orders were refunded whole, once: their refunds as the refund worker would have left them.
  const refunds = orders.flatMap((o) => (o.refundedAt === null ? [] : [{ _id: `R${o._id}`, reason: 'CUSTOMER_REQUEST' as const, status: 'DONE' as const, amount: o.amounts.payable, doneAt: o.refundedAt }]));
  const byDay = dailyFromHistory(orders, refunds, joins);
  let rollupDocs = 0;
  for (const [day, figures] of byDay) {
    for (let shard = 0; shard < STATS_SHARDS; shard += 1) {
      await db.collection('stats_daily').doc(dailyDocId(day, shard)).set({ ...(shard === 0 ? figures : emptyDaily(day)), shard, updatedAt: now });
      rollupDocs += 1;
    }
  }
  const pickup = orders.find((order) => order.fulfillment.type === 'pickup');
  const pickupCode = pickup && pickup.fulfillment.type === 'pickup' ? (pickup.fulfillment.pickupCode ?? '00000000') : '00000000';
  return { orders: orders.length, rollupDocs, ms: Date.now() - started, pickupCode };
}

/** Bulk inserts: SEED_CHUNK documents a transaction. */
async function inChunks(count: number, write: (tx: Awaited<ReturnType<LocalDb['startTransaction']>>, index: number) => Promise<void>, db: LocalDb): Promise<void> {
  for (let start = 0; start < count; start += SEED_CHUNK) {
    const tx = await db.startTransaction();
    for (let i = start; i < Math.min(count, start + SEED_CHUNK); i += 1) await write(tx, i);
    await tx.commit();
  }
}

async function call(main: Main, action: string, data: unknown): Promise<unknown> {
  const envelope = (await main({ action, data }, { request_id: randomUUID(), environ: `WX_OPENID=${OPERATOR};WX_APPID=wxbench` })) as Envelope<unknown>;
  if (!envelope.ok) throw new Error(`${action} failed: ${JSON.stringify(envelope.error)}`);
  return envelope.data;
}

async function measure(name: string, runs: number, work: () => Promise<unknown>): Promise<Omit<Latency, 'indexes'>> {
  const first = (await work()) as { items?: unknown[]; series?: unknown[] };
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
  return { name, p50: round(at(0.5)), p99: round(at(0.99)), runs, rows: (first.items ?? first.series ?? []).length };
}

const round = (ms: number) => Math.round(ms * 100) / 100;

/** The indexes behind every query one search makes, with counts (a query without one shows as SCAN). */
async function indexesOf(db: LocalDb, now: number, input: Record<string, unknown>): Promise<string> {
  const recorded = recordingQueries(db);
  await searchOrders({ db: recorded.db, now: () => now, log: { info() {}, warn() {}, error() {} } }, { pageSize: 20, ...input } as Parameters<typeof searchOrders>[1]);
  return summarisePlans(db, recorded.queries);
}

/** stats.overview's queries, recorded the same way through its service. */
async function statsIndexes(db: LocalDb, now: number, range: '7d' | '30d'): Promise<string> {
  const { statsOverview } = (await import('../../src/server/services/stats/overview')) as {
    statsOverview: (deps: { db: LocalDb; now(): number; log: unknown }, range: string) => Promise<unknown>;
  };
  const recorded = recordingQueries(db);
  await statsOverview({ db: recorded.db as LocalDb, now: () => now, log: { info() {}, warn() {}, error() {} } }, range);
  return summarisePlans(db, recorded.queries);
}

function summarisePlans(db: LocalDb, queries: Array<{ collection: string; query: unknown }>): string {
  const used = new Map<string, number>();
  for (const { collection, query } of queries) {
    const key = `${collection}.${explainQueryPlan(db, collection, query).index ?? 'SCAN'}`;
    used.set(key, (used.get(key) ?? 0) + 1);
  }
  return [...used].map(([key, count]) => (count > 1 ? `${key} ×${count}` : key)).join(', ');
}

export function printOpsBench(results: Latency[]): void {
  const width = Math.max(...results.map((r) => r.name.length));
  for (const r of results) {
    console.log(`${r.name.padEnd(width)}  p50 ${r.p50.toFixed(2).padStart(7)} ms  p99 ${r.p99.toFixed(2).padStart(7)} ms  rows ${String(r.rows).padStart(2)}  index: ${r.indexes}`);
  }
  if (results.some((r) => r.indexes.includes('SCAN'))) {
    console.log('SCAN: the local engine pushes equality, `in` and numeric ranges to SQLite; a string range (stats_daily.day) is matched over the whole collection.');
  }
}

if (require.main === module) {
  const option = (name: string, fallback: number) => {
    const at = process.argv.indexOf(`--${name}`);
    return at >= 0 ? Number(process.argv[at + 1]) : fallback;
  };
  benchOps({ orders: option('orders', 100_000), runs: option('runs', 40) })
    .then(printOpsBench)
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
