/**
 * `npm run bench:profile [-- ping|order|buy|refuse] [--seconds 3]`: a V8 CPU profile
 * of ONE phase only (the inspector's Profiler, started after setup and stopped
 * before teardown), written to `.data/profiles/<phase>.cpuprofile` (open it
 * in Chrome DevTools › Performance) and summarised as the top functions by
 * self time (cpuprofile-top.ts):
 *  - ping:  `POST /api/functions/system {action:'ping'}` over HTTP from 50
 *           keep-alive clients in a worker thread (the kit's cost per call);
 *  - order: the engine's order transaction of `npm run bench` (get SKU,
 *           conditional decrement, insert order) on a temp file database;
 *  - buy:   successful `flashsale.buy` calls over HTTP (a sale that never
 *           sells out during the phase);
 *  - refuse: `flashsale.buy` calls refused SOLD_OUT over HTTP (a sold-out
 *           sale: the cached sale document and the member's record).
 * The same profile of the whole process is `node --cpu-prof --import tsx …`;
 * this one leaves out start-up, seeding and module loading.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startLocalCloud } from '../../src/server/local/cloud';
import { openLocalDb } from '../../src/server/local/db';
import { createConsoleLogger } from '../../src/server/local/logger';
import { printTopOfProfile } from './cpuprofile-top';
import { placeOrder, runFor } from './db-engine';
import { runLoad } from './http';

async function profiled(name: string, work: () => Promise<string>): Promise<void> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  const summary = await work();
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  const dir = resolve('.data/profiles');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  console.log(summary);
  printTopOfProfile(file, Number(option('top', '30')));
}

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

async function profilePing(seconds: number): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'siyu-profile-'));
  const cloud = await startLocalCloud({ port: 0, dataDir, seed: false, timers: false, log: createConsoleLogger('error') });
  try {
    const token = await login(cloud.url, 'profile-customer');
    const spec = {
      url: `${cloud.url}/api/functions/system`,
      method: 'POST' as const,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ action: 'ping' }),
      concurrency: 50,
      seconds: 1,
      expect: '"pong":true',
    };
    await runLoad(spec); // warm-up, not profiled
    await profiled('ping', async () => {
      const result = await runLoad({ ...spec, seconds });
      return `ping: ${result.requests} calls in ${(result.elapsedMs / 1000).toFixed(1)} s (${Math.round((result.requests / result.elapsedMs) * 1000)}/s), ${result.errors} errors`;
    });
  } finally {
    await cloud.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function profileOrder(seconds: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'siyu-profile-'));
  const db = openLocalDb({ file: join(dir, 'bench.sqlite') });
  try {
    await db.collection('skus').doc('bench-sku').set({ productId: 'p1', priceFen: 990, stock: 1_000_000_000 });
    await runFor(1, 16, placeOrder(db, 'bench-sku')); // warm-up, not profiled
    await profiled('order', async () => {
      const done = await runFor(seconds, 16, placeOrder(db, 'bench-sku', 1_000_000));
      return `order transaction: ${done} in ${seconds} s (${Math.round(done / seconds)}/s), 16 concurrent callers, temp file DB`;
    });
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function profileBuy(seconds: number, refusals = false): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'siyu-profile-'));
  const cloud = await startLocalCloud({ port: 0, dataDir, seed: false, timers: false, log: createConsoleLogger('error') });
  try {
    const now = Date.now();
    const units = refusals ? 1 : 200_000;
    await cloud.db.collection('stores').doc('bench-store').set({ name: '压测门店', pickupEnabled: true, createdAt: now });
    await cloud.db.collection('products').doc('bench-product').set({ name: '压测商品', categoryId: 'bench', status: 'ON_SALE', images: [], listPrice: 9900, createdAt: now });
    await cloud.db.collection('skus').doc('bench-sku').set({ productId: 'bench-product', name: '标准', price: 9900, stock: units, sold: 0 });
    await cloud.db.collection('roles').doc('bench-operator').set({ roles: ['operator'], staffStoreIds: [], updatedAt: now });
    const created = await call(cloud.url, await login(cloud.url, 'bench-operator'), 'flashsale', 'create', {
      skuId: 'bench-sku', salePrice: 990, quantity: units, startAt: now, endAt: now + 3_600_000, perMemberLimit: units, shards: 8,
    });
    const saleId = (created as { saleId: string }).saleId;
    const token = await login(cloud.url, 'profile-buyer');
    let n = 0;
    const expected = refusals ? 'SOLD_OUT' : null;
    const buyOnce = async () => {
      await call(cloud.url, token, 'flashsale', 'buy', { saleId, requestId: `profile-${(n++).toString(36)}`, fulfillment: { type: 'pickup', storeId: 'bench-store' } }, expected);
    };
    if (refusals) await call(cloud.url, await login(cloud.url, 'profile-first-buyer'), 'flashsale', 'buy', { saleId, requestId: 'profile-first', fulfillment: { type: 'pickup', storeId: 'bench-store' } });
    for (let i = 0; i < 200; i += 1) await buyOnce(); // warm-up, not profiled
    await profiled(refusals ? 'refuse' : 'buy', async () => {
      const started = performance.now();
      let done = 0;
      const deadline = started + seconds * 1000;
      await Promise.all(Array.from({ length: 8 }, async () => {
        while (performance.now() < deadline) {
          await buyOnce();
          done += 1;
        }
      }));
      return `flashsale.buy (${refusals ? 'refusals, SOLD_OUT' : 'orders'}): ${done} in ${seconds} s (${Math.round((done / (performance.now() - started)) * 1000)}/s), 8 concurrent callers (fetch, same thread)`;
    });
  } finally {
    await cloud.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function login(url: string, openid: string): Promise<string> {
  const response = await fetch(`${url}/api/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid }) });
  return ((await response.json()) as { token: string }).token;
}

/** The call's data; with `expectedError`, that error code is the expected answer instead. */
async function call(url: string, token: string, fn: string, action: string, data: unknown, expectedError: string | null = null): Promise<unknown> {
  const response = await fetch(`${url}/api/functions/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ action, data }),
  });
  const { result } = (await response.json()) as { result: { ok: boolean; data?: unknown; error?: unknown } };
  const code = result.ok ? null : (result.error as { code?: string }).code ?? null;
  if (code !== expectedError) throw new Error(`${fn}.${action}: ${JSON.stringify(result.error ?? 'answered ok')}`);
  return result.data;
}

async function main(): Promise<void> {
  process.env.SIYU_LOG ??= 'error';
  const phase = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : 'ping';
  const seconds = Number(option('seconds', '3'));
  if (phase === 'ping') await profilePing(seconds);
  else if (phase === 'order') await profileOrder(seconds);
  else if (phase === 'buy') await profileBuy(seconds);
  else if (phase === 'refuse') await profileBuy(seconds, true);
  else throw new Error(`unknown phase ${phase}: ping, order, buy or refuse`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
