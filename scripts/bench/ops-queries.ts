/**
 * `npm run bench:ops [-- --runs 50]`: the operator's order queries on the
 * local engine at 10,000 and then 100,000 orders, in one run (the same
 * database, grown in between), so that "flat from 10k to 100k" can be read
 * off one table:
 *  - the orders of a status, newest first, a page of 20 (as the ops order
 *    list asks for it: `where({status}).orderBy('createdAt', 'desc')`, and the
 *    search's form with the `_id` tie-break);
 *  - their count (`where({status}).count()`), for a common status (PAID,
 *    18 %), the most common (COMPLETED, 35 %) and a sparse one
 *    (REFUND_REQUESTED, 2 %);
 *  - `order.search` (services/order/search) filtered by status, a page of 20;
 *  - for comparison, the count as the engine made it before it counted in SQL.
 * Prints p50/p99 ms, the ratio 100k ÷ 10k of the p50, and SQLite's plan of each.
 * Numbers are for this machine and this run only; tests never assert timings.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../src/server/db';
import { openLocalDb, type LocalDb } from '../../src/server/local/db';
import { explainQueryPlan, explainCount } from '../../src/server/local/db/explain';
import { searchOrders } from '../../src/server/services/order/search';
import { makeOrders } from './ops-seed';

const STORES = [
  { id: 'store-xjh', name: '徐家汇店' },
  { id: 'store-jas', name: '静安寺店' },
  { id: 'store-ljz', name: '陆家嘴店' },
  { id: 'store-wjc', name: '五角场店' },
];
const SIZES = [10_000, 100_000];
const SEED_CHUNK = 5000;
const PAGE = 20;

interface Query {
  name: string;
  run(db: Db, now: number): Promise<unknown>;
  plan(db: LocalDb): string;
}

const byStatus = (status: string, tieBreak: boolean): Query => ({
  name: `orders status=${status}, createdAt desc${tieBreak ? ', _id desc' : ''}, limit ${PAGE}`,
  run: (db) => {
    let q = db.collection('orders').where({ status }).orderBy('createdAt', 'desc');
    if (tieBreak) q = q.orderBy('_id', 'desc');
    return q.limit(PAGE).get();
  },
  plan: (db) =>
    planLine(explainQueryPlan(db, 'orders', { status }, undefined, [{ path: 'createdAt', direction: 'desc' }, ...(tieBreak ? [{ path: '_id', direction: 'desc' as const }] : [])]).plan),
});

const countStatus = (status: string): Query => ({
  name: `count status=${status}`,
  run: (db) => db.collection('orders').where({ status }).count(),
  plan: (db) => planLine(explainCount(db, 'orders', { status }).plan),
});

/**
 * The same count with a condition SQL cannot decide (`createdAt exists`, true of every order): every
 * order of the status read and matched by mingo, which is how every count ran before the engine counted in SQL.
 */
const countStatusByMingo = (status: string): Query => ({
  name: `count status=${status}, each order read and matched (as before)`,
  run: (db) => db.collection('orders').where({ status, createdAt: db.command.exists(true) }).count(),
  plan: (db) => planLine(explainCount(db, 'orders', { status, createdAt: db.command.exists(true) }).plan),
});

const QUERIES: Query[] = [
  byStatus('PAID', false),
  byStatus('PAID', true),
  byStatus('REFUND_REQUESTED', false),
  countStatus('PAID'),
  countStatus('COMPLETED'),
  countStatus('REFUND_REQUESTED'),
  countStatusByMingo('PAID'),
  {
    name: `order.search status=PAID, page of ${PAGE}`,
    run: (db, now) => searchOrders({ db, now: () => now, log: { info() {}, warn() {}, error() {} } }, { status: 'PAID', pageSize: PAGE }),
    plan: () => 'createdAt windows on status_createdAt',
  },
];

function planLine(plan: string[]): string {
  return plan.join('; ');
}

async function measure(work: () => Promise<unknown>, runs: number): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < 3; i += 1) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
  return { p50: at(0.5), p99: at(0.99) };
}

export interface OpsQueryFigures {
  name: string;
  plan: string;
  bySize: Array<{ orders: number; p50: number; p99: number }>;
}

export async function benchOpsQueries(options: { runs?: number; sizes?: number[] } = {}): Promise<OpsQueryFigures[]> {
  const runs = options.runs ?? 50;
  const sizes = options.sizes ?? SIZES;
  const dir = mkdtempSync(join(tmpdir(), 'siyu-bench-ops-queries-'));
  const db = openLocalDb({ file: join(dir, 'ops.sqlite') });
  const now = Date.now();
  const all = makeOrders({ orders: Math.max(...sizes), days: 60, now, stores: STORES, liveRoomIds: ['room-1', 'room-2'], members: 20_000 });
  const figures: OpsQueryFigures[] = QUERIES.map((q) => ({ name: q.name, plan: '', bySize: [] }));
  try {
    let seeded = 0;
    for (const size of sizes) {
      const started = Date.now();
      for (let start = seeded; start < size; start += SEED_CHUNK) {
        const tx = await db.startTransaction();
        for (let i = start; i < Math.min(size, start + SEED_CHUNK); i += 1) {
          const { _id, ...order } = all[i];
          await tx.collection('orders').doc(_id).set(order);
        }
        await tx.commit();
      }
      console.log(`seeded ${size.toLocaleString('en')} orders (${Date.now() - started} ms)`);
      seeded = size;
      for (const [i, q] of QUERIES.entries()) {
        const { p50, p99 } = await measure(() => q.run(db, now), runs);
        figures[i].bySize.push({ orders: size, p50, p99 });
        figures[i].plan = q.plan(db);
      }
    }
    return figures;
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printOpsQueries(figures: OpsQueryFigures[]): void {
  const width = Math.max(...figures.map((f) => f.name.length));
  const sizes = figures[0]?.bySize.map((s) => s.orders) ?? [];
  console.log(`${''.padEnd(width)}  ${sizes.map((n) => `${(n / 1000).toFixed(0)}k p50 / p99 ms`.padStart(22)).join('')}  ${'ratio'.padStart(6)}`);
  for (const f of figures) {
    const cells = f.bySize.map((s) => `${s.p50.toFixed(2).padStart(8)} / ${s.p99.toFixed(2).padStart(8)}`.padStart(22)).join('');
    const ratio = f.bySize.length > 1 ? f.bySize[f.bySize.length - 1].p50 / f.bySize[0].p50 : 1;
    console.log(`${f.name.padEnd(width)}  ${cells}  ${ratio.toFixed(2).padStart(5)}×`);
  }
  console.log('\nplans (at the largest size):');
  for (const f of figures) console.log(`  ${f.name}: ${f.plan}`);
}

if (require.main === module) {
  const at = process.argv.indexOf('--runs');
  benchOpsQueries({ runs: at >= 0 ? Number(process.argv[at + 1]) : 50 })
    .then(printOpsQueries)
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
