/**
 * `npm run bench:h5 [-- --web dist/h5 --port 8861]`: what the H5 home page
 * costs on the wire, first visit and repeat visit, from the local cloud
 * serving a real build (`taro build --type h5`; SIYU_WEB_DIR or --web).
 *
 * 1. Fetch: index.html and every script and stylesheet it names, asked for
 *    as a browser asks (Accept-Encoding: br, gzip, deflate), bytes counted
 *    as received (status line, headers, body still compressed); then the
 *    repeat visit a browser makes with what it kept: nothing for a file
 *    marked immutable and still fresh, a conditional GET (If-None-Match)
 *    for the others.
 * 2. Chromium: the home page loaded in a fresh context until the network
 *    is quiet, every response's bytes on the wire as Chromium counts them
 *    (CDP encodedDataLength: headers and body), the app's own files (document,
 *    script, stylesheet, font) apart from API calls and images; then the same
 *    URL opened again in that context (a repeat visit with its HTTP cache).
 *
 * Budgets (issue 15): first load ≤ 250 KB of app files, repeat visit ≤ 10 KB.
 * Bytes are not timings: the run exits 1 when a budget is missed.
 * The data directory (default /tmp/siyu-bench-h5) keeps the seeded demo shop between runs.
 */
import { request } from 'node:http';
import type { Browser } from 'playwright-core';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startLocalCloud } from '../../src/server/local/cloud';

export const FIRST_LOAD_BUDGET = 250 * 1024;
export const REPEAT_VISIT_BUDGET = 10 * 1024;
const ACCEPT_ENCODING = 'br, gzip, deflate';

export interface Fetched {
  path: string;
  status: number;
  /** Status line + headers + body as received. */
  wireBytes: number;
  bodyBytes: number;
  encoding: string | null;
  cacheControl: string | null;
  etag: string | null;
  body: Buffer;
}

/** One GET without decompressing, counting what came over the socket. */
export function fetchRaw(base: string, path: string, headers: Record<string, string> = {}): Promise<Fetched> {
  return new Promise((done, fail) => {
    const req = request(new URL(path, base), { method: 'GET', headers: { 'Accept-Encoding': ACCEPT_ENCODING, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        let head = `HTTP/${res.httpVersion} ${res.statusCode} ${res.statusMessage}\r\n`.length + 2;
        for (let i = 0; i < res.rawHeaders.length; i += 2) head += `${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}\r\n`.length;
        const header = (name: string) => (res.headers[name] as string | undefined) ?? null;
        done({ path, status: res.statusCode ?? 0, wireBytes: head + body.length, bodyBytes: body.length, encoding: header('content-encoding'), cacheControl: header('cache-control'), etag: header('etag'), body });
      });
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end();
  });
}

/** The scripts and stylesheets an HTML page names (same origin). */
export function referencedAssets(html: string): string[] {
  const found = new Set<string>();
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) found.add(match[1]);
  for (const match of html.matchAll(/<link\b[^>]*\brel="?stylesheet"?[^>]*>/g)) {
    const href = /\bhref="([^"]+)"/.exec(match[0]);
    if (href) found.add(href[1]);
  }
  for (const match of html.matchAll(/<link\b[^>]*\bhref="([^"]+)"[^>]*\brel="?stylesheet"?/g)) found.add(match[1]);
  return [...found].filter((url) => url.startsWith('/') && !url.startsWith('//'));
}

export interface FetchVisit {
  first: Fetched[];
  repeat: Fetched[];
  firstBytes: number;
  repeatBytes: number;
}

/** The fetch pass: first visit, then the repeat visit with the validators and freshness a browser keeps. */
export async function fetchVisit(base: string): Promise<FetchVisit> {
  const index = await fetchRaw(base, '/');
  const html = decode(index);
  const first = [index, ...(await Promise.all(referencedAssets(html).map((path) => fetchRaw(base, path))))];
  const repeat: Fetched[] = [];
  for (const kept of first) {
    if (kept.status !== 200) continue;
    if (/\bimmutable\b/.test(kept.cacheControl ?? '') && /max-age=\d{4,}/.test(kept.cacheControl ?? '')) continue; // fresh in the cache: not asked
    repeat.push(await fetchRaw(base, kept.path, kept.etag ? { 'If-None-Match': kept.etag } : {}));
  }
  const sum = (list: Fetched[]) => list.reduce((total, f) => total + f.wireBytes, 0);
  return { first, repeat, firstBytes: sum(first), repeatBytes: sum(repeat) };
}

function decode(fetched: Fetched): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const zlib = require('node:zlib') as typeof import('node:zlib');
  if (fetched.encoding === 'br') return zlib.brotliDecompressSync(fetched.body).toString('utf8');
  if (fetched.encoding === 'gzip') return zlib.gunzipSync(fetched.body).toString('utf8');
  return fetched.body.toString('utf8');
}

export interface BrowserResource {
  url: string;
  type: string;
  status: number;
  wireBytes: number;
  fromCache: boolean;
}

export interface BrowserVisit {
  first: BrowserResource[];
  repeat: BrowserResource[];
}

const APP_TYPES = new Set(['Document', 'Script', 'Stylesheet', 'Font']);
export const appBytes = (list: BrowserResource[]) => list.filter((r) => APP_TYPES.has(r.type) && !new URL(r.url).pathname.startsWith('/api/')).reduce((t, r) => t + r.wireBytes, 0);
export const otherBytes = (list: BrowserResource[]) => list.filter((r) => !APP_TYPES.has(r.type) || new URL(r.url).pathname.startsWith('/api/')).reduce((t, r) => t + r.wireBytes, 0);

/**
 * The Chromium pass (playwright-core and Debian's Chromium, as the e2e tests use): in `browser` when
 * given (the e2e test's, watched for console errors), else in one launched for it.
 */
export async function browserVisit(base: string, path = '/', given?: Browser): Promise<BrowserVisit> {
  const { chromium } = await import('playwright-core');
  const browser =
    given ??
    (await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
    }));
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' });
    await context.addInitScript(() => {
      if (!localStorage.getItem('siyu.openid')) localStorage.setItem('siyu.openid', JSON.stringify({ data: 'bench-h5-visitor' }));
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    let current: Map<string, BrowserResource> = new Map();
    cdp.on('Network.responseReceived', (event: { requestId: string; type: string; response: { url: string; status: number; fromDiskCache?: boolean; fromPrefetchCache?: boolean; fromServiceWorker?: boolean } }) => {
      if (!event.response.url.startsWith('http')) return;
      current.set(event.requestId, {
        url: event.response.url,
        type: event.type,
        status: event.response.status,
        wireBytes: 0,
        fromCache: Boolean(event.response.fromDiskCache || event.response.fromPrefetchCache),
      });
    });
    cdp.on('Network.requestServedFromCache', (event: { requestId: string }) => {
      const seen = current.get(event.requestId);
      if (seen) seen.fromCache = true;
    });
    cdp.on('Network.loadingFinished', (event: { requestId: string; encodedDataLength: number }) => {
      const seen = current.get(event.requestId);
      if (seen) seen.wireBytes = seen.fromCache ? 0 : event.encodedDataLength;
    });
    const visit = async (): Promise<BrowserResource[]> => {
      current = new Map();
      await page.goto(new URL(path, base).toString(), { waitUntil: 'networkidle' });
      await page.waitForSelector('.taro_page > *', { timeout: 30_000 });
      await page.waitForLoadState('networkidle');
      return [...current.values()];
    };
    const first = await visit();
    const repeat = await visit();
    await context.close();
    return { first, repeat };
  } finally {
    if (!given) await browser.close();
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  const option = (name: string, fallback: string) => {
    const at = process.argv.indexOf(`--${name}`);
    return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
  };
  process.env.SIYU_LOG ??= 'silent';
  const webDir = resolve(option('web', process.env.SIYU_WEB_DIR || 'dist/h5'));
  if (!existsSync(resolve(webDir, 'index.html'))) throw new Error(`no H5 build in ${webDir}: run SIYU_OUTPUT_ROOT=${option('web', 'dist/h5')} TARO_ENV=h5 npx taro build --type h5`);
  const { createConsoleLogger } = await import('../../src/server/local/logger');
  const cloud = await startLocalCloud({ port: Number(option('port', '8861')), dataDir: option('data', '/tmp/siyu-bench-h5'), webDir, timers: false, log: createConsoleLogger() });
  try {
    console.log(`H5 build ${webDir} served at ${cloud.url}`);
    const fetched = await fetchVisit(cloud.url);
    console.log('\n== fetch: index.html and what it names ==');
    for (const f of fetched.first) console.log(`  ${f.path.padEnd(28)} ${String(f.status)} ${(f.encoding ?? 'identity').padEnd(8)} ${kb(f.wireBytes).padStart(10)}  ${f.cacheControl}`);
    console.log(`  first visit  ${kb(fetched.firstBytes)}`);
    for (const f of fetched.repeat) console.log(`  repeat ${f.path.padEnd(21)} ${String(f.status)} ${kb(f.wireBytes).padStart(10)}`);
    console.log(`  repeat visit ${kb(fetched.repeatBytes)} (${fetched.repeat.length} requests; immutable files not asked for)`);

    const seen = await browserVisit(cloud.url);
    const firstApp = appBytes(seen.first);
    const repeatApp = appBytes(seen.repeat);
    console.log('\n== Chromium: the home page, first and repeat visit ==');
    for (const r of seen.first) console.log(`  ${r.type.padEnd(10)} ${String(r.status)} ${kb(r.wireBytes).padStart(10)}  ${new URL(r.url).pathname.slice(0, 60)}`);
    console.log(`  first visit:  app files ${kb(firstApp)} in ${seen.first.filter((r) => APP_TYPES.has(r.type)).length} responses; API calls and images ${kb(otherBytes(seen.first))}`);
    for (const r of seen.repeat.filter((x) => x.wireBytes > 0 && APP_TYPES.has(x.type))) console.log(`  repeat ${r.type.padEnd(10)} ${String(r.status)} ${kb(r.wireBytes).padStart(10)}  ${new URL(r.url).pathname.slice(0, 60)}`);
    console.log(`  repeat visit: app files ${kb(repeatApp)} (${seen.repeat.filter((r) => APP_TYPES.has(r.type) && r.wireBytes > 0).length} over the network); API calls and images ${kb(otherBytes(seen.repeat))}`);

    const misses: string[] = [];
    if (firstApp > FIRST_LOAD_BUDGET) misses.push(`first load ${kb(firstApp)} > ${kb(FIRST_LOAD_BUDGET)}`);
    if (repeatApp > REPEAT_VISIT_BUDGET) misses.push(`repeat visit ${kb(repeatApp)} > ${kb(REPEAT_VISIT_BUDGET)}`);
    console.log(`\nbudgets: first load ${kb(firstApp)} / ${kb(FIRST_LOAD_BUDGET)} (${(firstApp / FIRST_LOAD_BUDGET).toFixed(2)}), repeat visit ${kb(repeatApp)} / ${kb(REPEAT_VISIT_BUDGET)} (${(repeatApp / REPEAT_VISIT_BUDGET).toFixed(2)})`);
    if (misses.length > 0) {
      console.log(`MISSED: ${misses.join('; ')}`);
      process.exitCode = 1;
    }
  } finally {
    await cloud.close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
