/**
 * `npm run bench:flashsale [-- --concurrency 200 --units 1000 --attempts 20000 --buyers 500 --shards 8 --warmup 500]`:
 * the local cloud (temp data dir, timers off) under C concurrent keep-alive
 * buyers POSTing `flashsale.buy` on a LIVE sale of N units until the
 * attempts are used, then `GET /api/health` with the same clients and as
 * many requests, in the same run against the same server. Prints attempts/s,
 * p50/p99 latency, the outcomes, units sold, oversold (must be 0, checked
 * against the shards and the orders too) and the health/buy ratio. The
 * clients run in a worker thread so they do not share the server's event loop.
 * Numbers are for this machine and this run only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { startLocalCloud, type LocalCloud } from '../../src/server/local/cloud';
import { createConsoleLogger } from '../../src/server/local/logger';

interface Options {
  concurrency: number;
  units: number;
  /** Units of an unmeasured sale on another SKU sold out first with the same clients (0: none), so that the measured sale meets a warm process. */
  warmup: number;
  attempts: number;
  buyers: number;
  shards: number;
}

interface LoadSpec {
  url: string;
  method: 'GET' | 'POST';
  /** POST: one token per buyer; each attempt takes a random one with a fresh requestId. */
  tokens: string[];
  saleId: string | null;
  /** requestIds are `<prefix><n>`: one prefix per run, so that two runs never replay each other. */
  prefix: string;
  total: number;
  concurrency: number;
}

interface LoadResult {
  /** CPU time of the whole process (server and client threads) during the load, ms. */
  cpuMs: number;
  requests: number;
  elapsedMs: number;
  latencies: Float64Array;
  /** 1 where the answer at the same index of `latencies` was a success. */
  succeeded: Uint8Array;
  /** `OK`, an error code, or `HTTP <status>` / `NETWORK`. */
  outcomes: Record<string, number>;
  firstUnexpected: string | null;
}

/** Plain JS for the worker: C keep-alive clients, each sending its next request when the last answers, until `total` are sent. */
const LOAD_WORKER = `
const { parentPort, workerData: spec } = require('node:worker_threads');
const http = require('node:http');
const agent = new http.Agent({ keepAlive: true, maxSockets: spec.concurrency, maxFreeSockets: spec.concurrency });
const target = new URL(spec.url);
const latencies = new Float64Array(spec.total);
const succeeded = new Uint8Array(spec.total);
const outcomes = {};
let sent = 0, done = 0, firstUnexpected = null;
const count = (key) => { outcomes[key] = (outcomes[key] || 0) + 1; };
function once(n) {
  return new Promise((resolve) => {
    const headers = {};
    let body = null;
    if (spec.method === 'POST') {
      const token = spec.tokens[Math.floor(Math.random() * spec.tokens.length)];
      body = JSON.stringify({ action: 'buy', data: { saleId: spec.saleId, requestId: spec.prefix + n.toString(36).padStart(8, '0'), fulfillment: { type: 'pickup', storeId: 'bench-store' } } });
      headers['content-type'] = 'application/json';
      headers['authorization'] = 'Bearer ' + token;
      headers['content-length'] = Buffer.byteLength(body);
    }
    const started = performance.now();
    const req = http.request({ agent, host: target.hostname, port: target.port, path: target.pathname, method: spec.method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => { text += chunk; });
      res.on('end', () => {
        latencies[done++] = performance.now() - started;
        if (res.statusCode !== 200) { count('HTTP ' + res.statusCode); firstUnexpected ??= text.slice(0, 200); return resolve(); }
        if (spec.method === 'GET') { count(text.includes('"ok":true') ? 'OK' : 'UNEXPECTED'); return resolve(); }
        try {
          const envelope = JSON.parse(text).result;
          const key = envelope.ok ? 'OK' : envelope.error.code;
          if (envelope.ok) succeeded[done - 1] = 1;
          count(key);
          if (!['OK', 'SOLD_OUT', 'LIMIT_EXCEEDED'].includes(key)) firstUnexpected ??= text.slice(0, 200);
        } catch (e) { count('UNPARSABLE'); firstUnexpected ??= text.slice(0, 200); }
        resolve();
      });
    });
    req.on('error', (e) => { latencies[done++] = performance.now() - started; count('NETWORK'); firstUnexpected ??= String(e); resolve(); });
    if (body !== null) req.write(body);
    req.end();
  });
}
(async () => {
  const started = performance.now();
  await Promise.all(Array.from({ length: spec.concurrency }, async () => { while (sent < spec.total) await once(sent++); }));
  const elapsedMs = performance.now() - started;
  agent.destroy();
  parentPort.postMessage({ requests: done, elapsedMs, latencies: latencies.slice(0, done), succeeded: succeeded.slice(0, done), outcomes, firstUnexpected });
})();
`;

function runLoad(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(LOAD_WORKER, { eval: true, workerData: spec });
    const cpu = process.cpuUsage();
    worker.once('message', (result: LoadResult) => {
      const used = process.cpuUsage(cpu);
      void worker.terminate();
      resolve({ ...result, cpuMs: (used.user + used.system) / 1000 });
    });
    worker.once('error', reject);
  });
}

function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

async function post<T>(cloud: LocalCloud, path: string, body: unknown, token?: string): Promise<T> {
  const response = await fetch(`${cloud.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function login(cloud: LocalCloud, openid: string): Promise<string> {
  return (await post<{ token: string }>(cloud, '/api/dev/login', { openid })).token;
}

/** A product, a SKU holding exactly the units (and one for the warm-up sale), a pickup store and an operator: nothing else in the database. */
async function prepareShop(cloud: LocalCloud, units: number, warmupUnits: number): Promise<void> {
  const now = Date.now();
  await cloud.db.collection('stores').doc('bench-store').set({ name: '压测门店', pickupEnabled: true, createdAt: now });
  await cloud.db.collection('products').doc('bench-product').set({ name: '压测商品', categoryId: 'bench', status: 'ON_SALE', images: [], listPrice: 9900, createdAt: now });
  await cloud.db.collection('skus').doc('bench-sku').set({ productId: 'bench-product', name: '标准', price: 9900, stock: units, sold: 0 });
  await cloud.db.collection('skus').doc('bench-sku-warmup').set({ productId: 'bench-product', name: '预热', price: 9900, stock: warmupUnits, sold: 0 });
  await cloud.db.collection('roles').doc('bench-operator').set({ roles: ['operator'], staffStoreIds: [], updatedAt: now });
}

async function createSale(cloud: LocalCloud, operator: string, skuId: string, units: number, shards: number): Promise<{ saleId: string; shards: number }> {
  const now = Date.now();
  const created = await post<{ result: { ok: boolean; data: { saleId: string; state: string; shards: number }; error?: unknown } }>(
    cloud,
    '/api/functions/flashsale',
    { action: 'create', data: { skuId, salePrice: 990, quantity: units, startAt: now, endAt: now + 60 * 60_000, perMemberLimit: units, shards } },
    operator,
  );
  if (!created.result.ok) throw new Error(`create failed: ${JSON.stringify(created.result.error)}`);
  return created.result.data;
}

export async function benchFlashSale(options: Options): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'siyu-bench-flashsale-'));
  const cloud = await startLocalCloud({ port: 0, dataDir, seed: false, timers: false, log: createConsoleLogger('error') });
  try {
    await prepareShop(cloud, options.units, options.warmup);
    const operator = await login(cloud, 'bench-operator');
    const tokens: string[] = [];
    for (let i = 0; i < options.buyers; i += 1) tokens.push(await login(cloud, `bench-buyer-${i}`));
    if (options.warmup > 0) {
      const warm = await createSale(cloud, operator, 'bench-sku-warmup', options.warmup, options.shards);
      await runLoad({ url: `${cloud.url}/api/functions/flashsale`, method: 'POST', tokens, saleId: warm.saleId, prefix: 'warm-', total: options.warmup * 3, concurrency: options.concurrency });
      await runLoad({ url: `${cloud.url}/api/health`, method: 'GET', tokens: [], saleId: null, prefix: '', total: options.warmup * 3, concurrency: options.concurrency });
    }
    const sale = await createSale(cloud, operator, 'bench-sku', options.units, options.shards);

    console.log(`siyu bench:flashsale · node ${process.version} · ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}`);
    console.log(
      `sale ${sale.saleId}: ${options.units} units over ${sale.shards} shards, ${options.buyers} buyers, ` +
        `${options.concurrency} keep-alive clients, ${options.attempts} buy attempts` +
        (options.warmup > 0 ? ` (after an unmeasured warm-up sale of ${options.warmup} units on another SKU)` : ' (cold process, no warm-up)'),
    );

    const buy = await runLoad({ url: `${cloud.url}/api/functions/flashsale`, method: 'POST', tokens, saleId: sale.saleId, prefix: 'bench-', total: options.attempts, concurrency: options.concurrency });
    const health = await runLoad({ url: `${cloud.url}/api/health`, method: 'GET', tokens: [], saleId: null, prefix: '', total: options.attempts, concurrency: options.concurrency });

    const shards = (await cloud.db.collection<{ remaining: number; sold: number; allocated: number }>('flash_sale_shards').where({ saleId: sale.saleId }).limit(100).get()).data;
    const shardSold = shards.reduce((n, s) => n + s.sold, 0);
    const shardRemaining = shards.reduce((n, s) => n + s.remaining, 0);
    const negativeShards = shards.filter((s) => s.remaining < 0).length;
    const orders = (await cloud.db.collection('orders').where({ source: 'flashsale', 'flashSale.saleId': sale.saleId }).count()).total;
    const sku = (await cloud.db.collection<{ stock: number; sold: number }>('skus').doc('bench-sku').get()).data[0]!;
    const okCount = buy.outcomes.OK ?? 0;
    const sold = Math.max(shardSold, orders, okCount);
    const oversold = Math.max(0, sold - options.units);

    const buyRate = (buy.requests / buy.elapsedMs) * 1000;
    const healthRate = (health.requests / health.elapsedMs) * 1000;
    const okSorted = buy.latencies.filter((_, i) => buy.succeeded[i] === 1).sort();
    const refusedSorted = buy.latencies.filter((_, i) => buy.succeeded[i] !== 1).sort();
    const buySorted = buy.latencies.slice().sort();
    const healthSorted = health.latencies.sort();
    const row = (name: string, rate: number, sorted: Float64Array, n: number) =>
      `${name.padEnd(30)} ${Math.round(rate).toLocaleString('en').padStart(8)} /s   p50 ${percentile(sorted, 0.5).toFixed(2).padStart(7)} ms   p99 ${percentile(sorted, 0.99).toFixed(2).padStart(7)} ms   ${n.toLocaleString('en')} requests`;
    console.log(row('POST flashsale.buy (attempts)', buyRate, buySorted, buy.requests));
    console.log(row('GET /api/health', healthRate, healthSorted, health.requests));
    const split = (name: string, sorted: Float64Array) => `${name} p50 ${percentile(sorted, 0.5).toFixed(2)} ms, p99 ${percentile(sorted, 0.99).toFixed(2)} ms`;
    console.log(`buy latency by answer: ${split('orders', okSorted)}; ${split('refusals', refusedSorted)}`);
    console.log(`outcomes: ${Object.entries(buy.outcomes).map(([k, v]) => `${k} ${v.toLocaleString('en')}`).join(', ')}`);
    if (buy.firstUnexpected) console.log(`first unexpected answer: ${buy.firstUnexpected}`);
    console.log(
      `units sold ${shardSold} of ${options.units} (orders ${orders}, OK answers ${okCount}); shards remaining ${shardRemaining}, ` +
        `sold + remaining = ${shardSold + shardRemaining}; SKU stock ${sku.stock}, sold ${sku.sold}`,
    );
    console.log(`oversold: ${oversold}${negativeShards > 0 ? ` (${negativeShards} shards below zero!)` : ''}`);
    console.log(`health req/s ÷ buy attempts/s = ${(healthRate / buyRate).toFixed(2)}; buy attempts ÷ health = ${(buyRate / healthRate).toFixed(2)}`);
    const cpuBuy = buy.cpuMs / buy.requests;
    const cpuHealth = health.cpuMs / health.requests;
    console.log(
      `process CPU per request (server and client threads): buy attempt ${cpuBuy.toFixed(3)} ms, health ${cpuHealth.toFixed(3)} ms; ` +
        `health ÷ buy by CPU = ${(cpuHealth / cpuBuy).toFixed(2)} (unaffected by other load on the machine)`,
    );
    console.log(`orders p99 ÷ refusals p99 = ${(percentile(okSorted, 0.99) / percentile(refusedSorted, 0.99)).toFixed(2)}`);
    if (oversold > 0 || negativeShards > 0 || shardSold + shardRemaining !== options.units || orders !== shardSold) process.exitCode = 1;
  } finally {
    await cloud.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function option(name: string, fallback: number, min = 1): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = Number(at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback);
  if (!Number.isSafeInteger(value) || value < min) throw new Error(`--${name} must be an integer ≥ ${min}`);
  return value;
}

async function main(): Promise<void> {
  process.env.SIYU_LOG ??= 'error';
  await benchFlashSale({
    concurrency: option('concurrency', 200),
    units: option('units', 1000),
    warmup: option('warmup', 500, 0),
    attempts: option('attempts', 20000),
    buyers: option('buyers', 500),
    shards: option('shards', 8),
  });
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
