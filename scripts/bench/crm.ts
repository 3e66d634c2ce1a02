/**
 * `npm run bench:crm [-- --members 100000 --runs 50]`: the CRM at scale, on a
 * fresh temporary database holding the demo catalog and settings plus
 * `--members` members with a year of orders and their profiles
 * (crm-seed.ts). Prints:
 * - the member list (crm.members' service) p50/p95 for several filters, and
 *   the segment count;
 * - campaign delivery members/s: a segment (~20 % of the members), a coupon
 *   campaign starting now, timer ticks until it is delivered;
 * - one daily re-score: the clock a day ahead, ticks until the pass is done;
 * - every member-list query's SQLite plan; exits 1 if one is a full SCAN of
 *   crm_profiles;
 * - peak RSS.
 * Numbers are for this machine and run only; tests never assert them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MemberFilter } from '../../src/core/crm/filter';
import type { MemberSort } from '../../src/core/crm/profile';
import { chinaDay } from '../../src/core/points/china-day';
import type { Db } from '../../src/server/db';
import { openLocalDb, type LocalDb } from '../../src/server/local/db';
import { explainQueryPlan, recordingQueries } from '../../src/server/local/db/explain';
import { demoDocuments } from '../../src/server/local/seed';
import { campaignView, createCampaign } from '../../src/server/services/crm/campaigns';
import { countMembers, listMembers } from '../../src/server/services/crm/members';
import { saveSegment } from '../../src/server/services/crm/segments';
import { runCrmTick, TICK_BUDGET_MS } from '../../src/server/services/crm/tick';
import type { ServiceDeps } from '../../src/server/services/order/deps';
import { bulkSeedFile } from './crm-seed';
import { memberPhone } from './ops-seed';

const DAY = 86_400_000;
const OPERATOR = 'bench-operator';
const quiet = { info() {}, warn() {}, error() {} };
const MAX_REPEAT_MS = 15_000;

interface Timing {
  name: string;
  p50: number;
  p95: number;
  runs: number;
  rows: number;
  total: number | null;
  plans: string[];
  scan: boolean;
}

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

async function main(): Promise<void> {
  const members = option('members', 100_000);
  const runs = option('runs', 50);
  const dir = mkdtempSync(join(tmpdir(), 'siyu-bench-crm-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'crm.sqlite');
  let clock = Date.now();
  console.log(`== CRM at ${members.toLocaleString('en')} members ==`);
  const seedStarted = Date.now();
  // The demo catalog and settings (tiers, coupon templates), then the large shop.
  const shop = openLocalDb({ file });
  for (const [collection, docs] of Object.entries(demoDocuments(clock))) for (const { _id, ...doc } of docs) await shop.collection(collection).doc(_id).set(doc);
  shop.close();
  const seeded = await bulkSeedFile(file, { members, now: clock, log: (line) => console.log(line) });
  console.log(`seeded ${seeded.members.toLocaleString('en')} members, ${seeded.orders.toLocaleString('en')} orders, ${seeded.refunds.toLocaleString('en')} refunds in ${Date.now() - seedStarted} ms`);
  const db = openLocalDb({ file });
  const deps: ServiceDeps = { db, now: () => clock, log: quiet };
  let failed = false;
  try {

    console.log('\n-- member list (listMembers, pageSize 20) and segment count (countMembers) --');
    const filters: Array<[string, MemberFilter, MemberSort]> = [
      ['no filter, newest members', {}, 'joined'],
      ['RFM class 重要价值', { rfmClasses: ['重要价值'] }, 'last'],
      ['RFM class 重要挽留 (sparse)', { rfmClasses: ['重要挽留'] }, 'last'],
      ['lifecycle 休眠期', { lifecycles: ['休眠期'] }, 'last'],
      ['lifecycle 导入期 + 流失期', { lifecycles: ['导入期', '流失期'] }, 'last'],
      ['spend ¥300–¥2,000, by spend', { spendFen: { min: 30_000, max: 200_000 } }, 'spend'],
      ['tier 银卡 + last order ≤ 30 days', { tiers: ['silver'], lastPaidDays: { max: 30 } }, 'last'],
      ['tag VIP', { tags: ['VIP'] }, 'last'],
      ['birthday this month', { birthdayThisMonth: true }, 'last'],
      ['phone (one member)', { q: memberPhone(4321) }, 'last'],
    ];
    const timings: Timing[] = [];
    for (const [name, filter, sort] of filters) {
      const input = { filter, sort, pageSize: 20 };
      const first = await listMembers(deps, input);
      const times = await repeat(runs, () => listMembers(deps, input));
      const plans = await plansOf(db, (recorded) => listMembers({ ...deps, db: recorded }, input));
      timings.push({ name: `list: ${name}`, ...times, rows: first.items.length, total: first.total, ...plans });
    }
    // Page 10 behind the cursor (9 pages read first, untimed).
    {
      const input = { filter: { lifecycles: ['休眠期'] } as MemberFilter, sort: 'last' as const, pageSize: 50, cursor: null as string | null };
      for (let page = 0; page < 9; page += 1) input.cursor = (await listMembers(deps, input)).nextCursor;
      const times = await repeat(runs, () => listMembers(deps, input));
      const plans = await plansOf(db, (recorded) => listMembers({ ...deps, db: recorded }, input));
      timings.push({ name: 'list: 休眠期 page 10 (cursor, 50 a page)', ...times, rows: 50, total: null, ...plans });
    }
    for (const [name, filter] of [
      ['count: lifecycle 休眠期', { lifecycles: ['休眠期'] }],
      ['count: 重要价值 + spend ≥ ¥800', { rfmClasses: ['重要价值'], spendFen: { min: 80_000 } }],
      ['count: tag VIP', { tags: ['VIP'] }],
    ] as Array<[string, MemberFilter]>) {
      const total = await countMembers(deps, filter);
      const times = await repeat(runs, () => countMembers(deps, filter));
      const plans = await plansOf(db, (recorded) => countMembers({ ...deps, db: recorded }, filter));
      timings.push({ name, ...times, rows: 0, total, ...plans });
    }
    printTimings(timings, runs);
    const scans = timings.filter((t) => t.scan);
    if (scans.length > 0) {
      failed = true;
      console.log(`\nFAIL: ${scans.length} queries scan crm_profiles with no index: ${scans.map((t) => t.name).join('; ')}`);
    }

    // Today's re-score first (a tick does it after any delivery): the delivery ticks below then only deliver.
    await ticksUntil(deps, () => rescoreDone(db, clock));

    console.log('\n-- campaign delivery (runCrmTick) --');
    const segmentFilter: MemberFilter = { lifecycles: ['休眠期'] };
    const segment = await saveSegment(deps, OPERATOR, { name: '休眠会员唤醒', filter: segmentFilter });
    const templateId = await activeTemplate(db);
    const { campaignId } = await createCampaign(deps, OPERATOR, {
      name: '休眠唤醒券',
      segmentId: segment.segmentId,
      incentive: templateId ? { type: 'coupon', templateId } : { type: 'points', points: 50 },
      message: null,
      holdoutPct: 10,
      startAt: clock,
    });
    const delivery = await ticksUntil(deps, async () => (await campaignView(deps, campaignId)).state === 'DELIVERED');
    const view = await campaignView(deps, campaignId);
    const perSecond = Math.round((view.members / delivery.totalMs) * 1000);
    console.log(
      `segment ${segment.count.toLocaleString('en')} members, incentive ${templateId ? `coupon ${templateId}` : '50 points'}, holdout 10 %: ` +
        `${view.target.toLocaleString('en')} target + ${view.holdout.toLocaleString('en')} holdout (${((view.holdout / Math.max(1, view.members)) * 100).toFixed(1)} %), granted ${view.granted.toLocaleString('en')}`,
    );
    console.log(`delivered in ${delivery.ticks} ticks, ${delivery.totalMs} ms: ${perSecond.toLocaleString('en')} members/s; longest tick ${delivery.longestMs} ms`);
    if (view.state !== 'DELIVERED') failed = true;

    console.log('\n-- daily re-score (runCrmTick, the clock a day ahead) --');
    clock += DAY;
    const rescore = await ticksUntil(deps, () => rescoreDone(db, clock));
    const job = (await db.collection<{ chunks: number; counts: Record<string, number> }>('crm_jobs').doc('rescore').get()).data[0];
    const chunks = job?.chunks ?? 0;
    console.log(
      `${members.toLocaleString('en')} profiles re-scored in ${chunks} chunks over ${rescore.ticks} ticks (budget ${TICK_BUDGET_MS / 1000} s each): ` +
        `${rescore.totalMs} ms in all, ${(rescore.totalMs / Math.max(1, chunks)).toFixed(0)} ms a chunk, longest tick ${rescore.longestMs} ms`,
    );
    console.log(`stage counts: ${JSON.stringify(job?.counts ?? {})}`);
    if (rescore.longestMs > 50_000) {
      failed = true;
      console.log('FAIL: a re-score tick ran over 50 s');
    }

    const peak = process.resourceUsage().maxRSS / 1024;
    console.log(`\npeak RSS ${peak.toFixed(0)} MB (node ${process.version}). A list page walks its sort key's index and stops after the page; counts stream the index range.`);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
  if (failed) process.exit(1);
}

/** Up to `runs` timed runs; a slow query stops after MAX_REPEAT_MS (at least 5 runs). */
async function repeat(runs: number, work: () => Promise<unknown>): Promise<{ p50: number; p95: number; runs: number }> {
  const times: number[] = [];
  const started = Date.now();
  for (let i = 0; i < runs; i += 1) {
    const start = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (times.length >= 5 && Date.now() - started > MAX_REPEAT_MS) break;
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
  return { p50: round(at(0.5)), p95: round(at(0.95)), runs: times.length };
}

const round = (ms: number) => Math.round(ms * 100) / 100;

/** The plan of every crm_profiles query `work` makes (the same statements the engine runs). */
async function plansOf(db: LocalDb, work: (recorded: Db) => Promise<unknown>): Promise<{ plans: string[]; scan: boolean }> {
  const recorded = recordingQueries(db);
  await work(recorded.db);
  const plans: string[] = [];
  let scan = false;
  for (const { collection, query, order } of recorded.queries) {
    // The total of an unfiltered list: the engine answers it with SQLite's COUNT(*), no documents read.
    if (Object.keys(query as object).length === 0 && order.length === 0) continue;
    const plan = explainQueryPlan(db, collection, query, undefined, order);
    if (collection === 'crm_profiles' && plan.index === null) scan = true;
    plans.push(`${collection}: ${plan.plan.join(' / ') || '(no plan)'}`);
  }
  return { plans: [...new Set(plans)], scan };
}

async function ticksUntil(deps: ServiceDeps, done: () => Promise<boolean>): Promise<{ ticks: number; totalMs: number; longestMs: number }> {
  const started = Date.now();
  let ticks = 0;
  let longestMs = 0;
  while (!(await done())) {
    if (ticks >= 500) throw new Error('still not done after 500 ticks');
    const tickStarted = Date.now();
    await runCrmTick(deps, { budgetMs: TICK_BUDGET_MS });
    longestMs = Math.max(longestMs, Date.now() - tickStarted);
    ticks += 1;
  }
  return { ticks, totalMs: Date.now() - started, longestMs };
}

/** The daily re-score's pass for the day of `now` is finished (crm_jobs/rescore). */
async function rescoreDone(db: Db, now: number): Promise<boolean> {
  const job = (await db.collection<{ day: string; done: boolean }>('crm_jobs').doc('rescore').get()).data[0];
  return Boolean(job?.done && job.day === chinaDay(now));
}

async function activeTemplate(db: Db): Promise<string | null> {
  const { data } = await db.collection<{ status: string }>('coupon_templates').where({ status: 'ACTIVE' }).limit(1).get();
  return data[0]?._id ?? null;
}

function printTimings(timings: Timing[], runs: number): void {
  const width = Math.max(...timings.map((t) => t.name.length));
  for (const t of timings) {
    const total = t.total === null ? '' : `  total ${t.total.toLocaleString('en').padStart(7)}`;
    console.log(`${t.name.padEnd(width)}  p50 ${t.p50.toFixed(2).padStart(8)} ms  p95 ${t.p95.toFixed(2).padStart(8)} ms  (${String(t.runs).padStart(2)} runs)${total}${t.scan ? '  SCAN' : ''}`);
    for (const plan of t.plans) console.log(`${' '.repeat(width + 2)}plan ${plan}`);
  }
  console.log(`(up to ${runs} runs each, fewer when a query's runs pass ${MAX_REPEAT_MS / 1000} s)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
