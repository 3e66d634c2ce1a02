/**
 * HTTP bench of the local cloud: C keep-alive clients hammer `GET /api/health`
 * for N seconds, then `POST /api/functions/system {action:'ping'}` for N
 * seconds, in one run against one server. Health is the HTTP floor; the ratio
 * of the two is what the function kit (auth, validation, role lookup,
 * envelope) costs per call. The clients run in a worker thread so that they
 * do not share the server's event loop.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { startLocalCloud } from '../../src/server/local/cloud';
import { createConsoleLogger } from '../../src/server/local/logger';

export interface HttpBenchOptions {
  concurrency: number;
  seconds: number;
  warmupSeconds?: number;
  /**
   * Health and ping alternate this many times, `seconds / rounds` each turn, and
   * the turns are summed (default 1: all of health, then all of ping). On a
   * shared machine more rounds let both endpoints meet the same background load.
   */
  rounds?: number;
}

export interface PhaseResult {
  name: string;
  /** Process CPU ms per request (server and client threads). */
  cpuMsPerRequest: number;
  requests: number;
  errors: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

export interface HttpBenchResult {
  concurrency: number;
  seconds: number;
  health: PhaseResult;
  ping: PhaseResult;
  /** health req/s ÷ ping calls/s: how many health answers one function call costs. */
  ratio: number;
}

export interface LoadSpec {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body: string | null;
  concurrency: number;
  seconds: number;
  /** A 200 must contain this to count as a success. */
  expect: string;
}

export interface LoadResult {
  /** CPU time of the whole process (server and client threads) during the load, ms: not inflated by other processes' load. */
  cpuMs?: number;
  requests: number;
  errors: number;
  elapsedMs: number;
  latencies: Float64Array;
  firstError: string | null;
}

/** Plain JS for the worker: keep-alive clients, each sending its next request when the last answers. */
const LOAD_WORKER = `
const { parentPort, workerData: spec } = require('node:worker_threads');
const http = require('node:http');
const agent = new http.Agent({ keepAlive: true, maxSockets: spec.concurrency, maxFreeSockets: spec.concurrency });
const target = new URL(spec.url);
const latencies = [];
let requests = 0, errors = 0, firstError = null;
const headers = { ...spec.headers };
if (spec.body !== null) headers['content-length'] = Buffer.byteLength(spec.body);
function once() {
  return new Promise((resolve) => {
    const started = performance.now();
    const req = http.request({ agent, host: target.hostname, port: target.port, path: target.pathname, method: spec.method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => { text += chunk; });
      res.on('end', () => {
        latencies.push(performance.now() - started);
        requests++;
        if (res.statusCode !== 200 || !text.includes(spec.expect)) { errors++; firstError ??= res.statusCode + ' ' + text.slice(0, 200); }
        resolve();
      });
    });
    req.on('error', (e) => { errors++; requests++; firstError ??= String(e); resolve(); });
    if (spec.body !== null) req.write(spec.body);
    req.end();
  });
}
(async () => {
  const started = performance.now();
  const deadline = started + spec.seconds * 1000;
  await Promise.all(Array.from({ length: spec.concurrency }, async () => { while (performance.now() < deadline) await once(); }));
  const elapsedMs = performance.now() - started;
  agent.destroy();
  parentPort.postMessage({ requests, errors, elapsedMs, latencies: Float64Array.from(latencies), firstError });
})();
`;

export function runLoad(spec: LoadSpec): Promise<LoadResult> {
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

async function phase(name: string, spec: LoadSpec, warmupSeconds: number): Promise<PhaseResult> {
  if (warmupSeconds > 0) await runLoad({ ...spec, seconds: warmupSeconds });
  return summarise(name, await runLoad(spec));
}

function summarise(name: string, result: LoadResult): PhaseResult {
  const cpuMsPerRequest = (result.cpuMs ?? NaN) / result.requests;
  if (result.errors > 0) console.warn(`${name}: ${result.errors} failed requests, first: ${result.firstError}`);
  const sorted = result.latencies.sort();
  return {
    name,
    cpuMsPerRequest,
    requests: result.requests,
    errors: result.errors,
    perSecond: (result.requests / result.elapsedMs) * 1000,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
  };
}

function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

export async function benchHttp(options: HttpBenchOptions): Promise<HttpBenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'siyu-bench-http-'));
  const cloud = await startLocalCloud({ port: 0, dataDir, timers: false, log: createConsoleLogger('error') });
  try {
    const login = await fetch(`${cloud.url}/api/dev/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ openid: 'demo-customer' }),
    });
    const { token } = (await login.json()) as { token: string };
    const common = { concurrency: options.concurrency, seconds: options.seconds };
    const warmup = options.warmupSeconds ?? 1;
    const healthSpec: LoadSpec = { ...common, url: `${cloud.url}/api/health`, method: 'GET', headers: {}, body: null, expect: '"ok":true' };
    const pingSpec: LoadSpec = {
      ...common,
      url: `${cloud.url}/api/functions/system`,
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ action: 'ping' }),
      expect: '"pong":true',
    };
    const rounds = Math.max(1, Math.floor(options.rounds ?? 1));
    if (rounds === 1) {
      const health = await phase('GET /api/health', healthSpec, warmup);
      const ping = await phase('POST /api/functions/system ping', pingSpec, warmup);
      return { ...common, health, ping, ratio: health.perSecond / ping.perSecond };
    }
    await runLoad({ ...healthSpec, seconds: warmup });
    await runLoad({ ...pingSpec, seconds: warmup });
    const turns: { health: LoadResult[]; ping: LoadResult[] } = { health: [], ping: [] };
    for (let round = 0; round < rounds; round += 1) {
      turns.health.push(await runLoad({ ...healthSpec, seconds: options.seconds / rounds }));
      turns.ping.push(await runLoad({ ...pingSpec, seconds: options.seconds / rounds }));
    }
    const health = summarise(`GET /api/health (${rounds} turns)`, merge(turns.health));
    const ping = summarise(`POST /api/functions/system ping (${rounds} turns)`, merge(turns.ping));
    return { ...common, health, ping, ratio: health.perSecond / ping.perSecond };
  } finally {
    await cloud.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function merge(results: LoadResult[]): LoadResult {
  const latencies = new Float64Array(results.reduce((n, r) => n + r.latencies.length, 0));
  let at = 0;
  for (const r of results) {
    latencies.set(r.latencies, at);
    at += r.latencies.length;
  }
  return {
    cpuMs: results.reduce((n, r) => n + (r.cpuMs ?? NaN), 0),
    requests: results.reduce((n, r) => n + r.requests, 0),
    errors: results.reduce((n, r) => n + r.errors, 0),
    elapsedMs: results.reduce((n, r) => n + r.elapsedMs, 0),
    latencies,
    firstError: results.find((r) => r.firstError)?.firstError ?? null,
  };
}

export function printHttpBench(result: HttpBenchResult): void {
  console.log(`${result.concurrency} keep-alive clients (in a worker thread), ${result.seconds} s per endpoint`);
  const header = ['endpoint', 'req/s', 'CPU ms/req', 'p50 ms', 'p99 ms', 'requests', 'errors'];
  const rows = [result.health, result.ping].map((p) => [
    p.name,
    Math.round(p.perSecond).toLocaleString('en'),
    p.cpuMsPerRequest.toFixed(3),
    p.p50Ms.toFixed(2),
    p.p99Ms.toFixed(2),
    p.requests.toLocaleString('en'),
    String(p.errors),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  rows.forEach((r) => console.log(line(r)));
  console.log(`health req/s ÷ ping calls/s = ${result.ratio.toFixed(2)} (what a function call costs beyond bare HTTP: auth, kit, role lookup)`);
  console.log(
    `CPU per ping ÷ CPU per health request = ${(result.ping.cpuMsPerRequest / result.health.cpuMsPerRequest).toFixed(2)} ` +
      '(process CPU, server and client threads: the same ratio, unaffected by other load on the machine)',
  );
}
