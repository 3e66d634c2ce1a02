/**
 * How the local cloud delivers the H5 build (issue 15): hashed assets are
 * immutable for a year, index.html is revalidated (no-cache, ETag, 304),
 * text is sent brotli or gzip when the browser accepts it (the build's
 * precompressed copy when there is one) and as it is when not; a repeat
 * visit costs one 304. Bytes, not timings: the totals are asserted.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { fetchRaw, fetchVisit, referencedAssets } from '../../scripts/bench/h5';
import { startLocalCloud, type LocalCloud } from '../../src/server/local/cloud';
import { createConsoleLogger } from '../../src/server/local/logger';
import { acceptedEncodings, isHashedAsset, notModified } from '../../src/server/local/http/static-delivery';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Made-up but realistic text: repetitive enough to compress like minified JS. */
const script = (name: string, kb: number) =>
  Array.from({ length: kb * 12 }, (_, i) => `function ${name}${i}(a,b){return a.map(function(x){return x*${i}+b})}`).join(';');

describe('the H5 build as the local cloud serves it', () => {
  let cloud: LocalCloud;
  let dir: string;
  let web: string;
  const appJs = script('app', 120);
  const vendorJs = script('vendor', 60);
  const css = Array.from({ length: 300 }, (_, i) => `.c${i}{margin:${i}px;color:#${(i * 4321).toString(16).padStart(6, '0').slice(0, 6)}}`).join('');
  const html =
    '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>私域商城</title>' +
    '<style>#siyu-boot{position:fixed;inset:0;background:#f6f6f6}' +
    '#siyu-boot i{display:block;border-radius:.2rem;background:linear-gradient(90deg,#e8e8e8 25%,#f2f2f2 50%,#e8e8e8 75%)}</style>' +
    '<script defer="defer" src="/js/4443.7e6ed5ba.js"></script><script defer="defer" src="/js/app.46fb9362.js"></script>' +
    '<link href="/css/app.8200d237.css" rel="stylesheet"></head><body><div id="siyu-boot" aria-busy="true"><i></i><i></i><i></i></div><div id="app"></div>' +
    '<script>!function(d){var b=d.getElementById("siyu-boot");new MutationObserver(function(){if(d.querySelector(".taro_page > *"))b.remove()}).observe(d.body,{childList:true,subtree:true})}(document)</script>' +
    '</body></html>';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'siyu-static-'));
    web = join(dir, 'h5');
    mkdirSync(join(web, 'js'), { recursive: true });
    mkdirSync(join(web, 'css'), { recursive: true });
    mkdirSync(join(web, 'static'), { recursive: true });
    writeFileSync(join(web, 'index.html'), html);
    writeFileSync(join(web, 'js/app.46fb9362.js'), appJs);
    writeFileSync(join(web, 'js/4443.7e6ed5ba.js'), vendorJs);
    writeFileSync(join(web, 'css/app.8200d237.css'), css);
    // The build's precompressed copies of the vendor chunk (config/precompress.ts); the others are compressed on the fly.
    writeFileSync(join(web, 'js/4443.7e6ed5ba.js.br'), brotliCompressSync(vendorJs));
    writeFileSync(join(web, 'js/4443.7e6ed5ba.js.gz'), gzipSync(vendorJs));
    writeFileSync(join(web, 'static/logo.3f2a9c01.png'), Buffer.alloc(2048, 7));
    writeFileSync(join(web, 'tiny.txt'), 'ok');
    cloud = await startLocalCloud({ port: 0, dataDir: join(dir, 'data'), seed: false, timers: false, webDir: web, log: createConsoleLogger('silent') });
  });

  afterAll(async () => {
    await cloud?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('marks hashed assets immutable for a year, with a validator', async () => {
    for (const path of ['/js/app.46fb9362.js', '/css/app.8200d237.css', '/static/logo.3f2a9c01.png']) {
      const res = await fetchRaw(cloud.url, path);
      expect({ path, status: res.status, cacheControl: res.cacheControl }).toEqual({ path, status: 200, cacheControl: IMMUTABLE });
      expect(res.etag).toMatch(/^"[0-9a-f]+-[0-9a-f]+(-br|-gzip)?"$/);
    }
  });

  it('revalidates index.html: no-cache with an ETag, 304 with no body on If-None-Match', async () => {
    const first = await fetchRaw(cloud.url, '/');
    expect(first.status).toBe(200);
    expect(first.cacheControl).toBe('no-cache');
    expect(first.etag).toBeTruthy();
    const again = await fetchRaw(cloud.url, '/', { 'If-None-Match': first.etag as string });
    expect(again.status).toBe(304);
    expect(again.bodyBytes).toBe(0);
    expect(again.etag).toBe(first.etag);
    expect(again.cacheControl).toBe('no-cache');
    // A weak form of the same tag, and a list naming it, match too; another tag does not.
    expect((await fetchRaw(cloud.url, '/', { 'If-None-Match': `"x", W/${first.etag}` })).status).toBe(304);
    expect((await fetchRaw(cloud.url, '/', { 'If-None-Match': '"other"' })).status).toBe(200);
    // The client router's page routes answer the same shell, revalidated the same way.
    const page = await fetchRaw(cloud.url, '/pages/cart/index');
    expect(page.cacheControl).toBe('no-cache');
    expect((await fetchRaw(cloud.url, '/pages/cart/index', { 'If-None-Match': page.etag as string })).status).toBe(304);
  });

  it('a new index.html gets a new ETag', async () => {
    const before = (await fetchRaw(cloud.url, '/')).etag;
    writeFileSync(join(web, 'index.html'), html.replace('私域商城', '私域商城 '));
    const later = new Date(Date.now() + 5000);
    utimesSync(join(web, 'index.html'), later, later);
    const after = await fetchRaw(cloud.url, '/', { 'If-None-Match': before as string });
    expect(after.status).toBe(200);
    expect(after.etag).not.toBe(before);
    writeFileSync(join(web, 'index.html'), html);
  });

  it('compresses when accepted: brotli first, gzip when only gzip is, identical bytes once decoded', async () => {
    const br = await fetchRaw(cloud.url, '/js/app.46fb9362.js', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.encoding).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(appJs);
    expect(br.bodyBytes).toBeLessThan(appJs.length / 4);
    const gz = await fetchRaw(cloud.url, '/js/app.46fb9362.js', { 'Accept-Encoding': 'gzip' });
    expect(gz.encoding).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(appJs);
    // Each representation has its own ETag (a cache may hold both).
    expect(gz.etag).not.toBe(br.etag);
    // The precompressed copy is sent as it is.
    const pre = await fetchRaw(cloud.url, '/js/4443.7e6ed5ba.js', { 'Accept-Encoding': 'br' });
    expect(pre.encoding).toBe('br');
    expect(pre.body.equals(brotliCompressSync(vendorJs))).toBe(true);
    const html200 = await fetchRaw(cloud.url, '/', { 'Accept-Encoding': 'br' });
    expect(html200.encoding).toBe('br');
  });

  it('does not compress when not accepted, or refused with q=0, or not worth it', async () => {
    for (const accept of ['identity', 'br;q=0, gzip;q=0', '']) {
      const res = await fetchRaw(cloud.url, '/js/app.46fb9362.js', { 'Accept-Encoding': accept });
      expect({ accept, encoding: res.encoding, bytes: res.bodyBytes }).toEqual({ accept, encoding: null, bytes: appJs.length });
    }
    expect((await fetchRaw(cloud.url, '/static/logo.3f2a9c01.png')).encoding).toBeNull(); // an image
    expect((await fetchRaw(cloud.url, '/tiny.txt')).encoding).toBeNull(); // 2 bytes
  });

  it('says the answer varies by Accept-Encoding for compressible files', async () => {
    const res = await fetch(`${cloud.url}/css/app.8200d237.css`, { headers: { 'Accept-Encoding': 'identity' } });
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    expect(res.headers.get('content-encoding')).toBeNull();
  });

  it('first visit: index.html and what it names, compressed; repeat visit: one 304 of a few hundred bytes', async () => {
    const visit = await fetchVisit(cloud.url);
    expect(visit.first.map((f) => f.path).sort()).toEqual(['/', '/css/app.8200d237.css', '/js/4443.7e6ed5ba.js', '/js/app.46fb9362.js']);
    expect(visit.first.every((f) => f.status === 200 && f.encoding === 'br')).toBe(true);
    const raw = html.length + appJs.length + vendorJs.length + css.length;
    expect(visit.firstBytes).toBeLessThan(raw / 4);
    expect(visit.repeat.map((f) => [f.path, f.status])).toEqual([['/', 304]]);
    expect(visit.repeatBytes).toBeLessThan(1024);
  });
});

describe('static delivery rules', () => {
  it('tells hashed build names from others', () => {
    expect(isHashedAsset('/w/js/app.46fb9362.js')).toBe(true);
    expect(isHashedAsset('/w/css/5240.4551716e.css')).toBe(true);
    expect(isHashedAsset('/w/index.html')).toBe(false);
    expect(isHashedAsset('/assets/products/p-tea-oolong.svg')).toBe(false);
  });

  it('reads Accept-Encoding as browsers send it', () => {
    expect(acceptedEncodings('gzip, deflate, br, zstd')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('gzip;q=1.0, br;q=0.5')).toEqual(['gzip', 'br']);
    expect(acceptedEncodings('br;q=0, gzip')).toEqual(['gzip']);
    expect(acceptedEncodings('*')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('*;q=0')).toEqual([]);
    expect(acceptedEncodings(undefined)).toEqual([]);
    expect(acceptedEncodings('x-gzip')).toEqual(['gzip']);
  });

  it('matches If-None-Match weakly', () => {
    expect(notModified('"a-1"', '"a-1"')).toBe(true);
    expect(notModified('W/"a-1"', '"a-1"')).toBe(true);
    expect(notModified('"b", "a-1"', '"a-1"')).toBe(true);
    expect(notModified('*', '"a-1"')).toBe(true);
    expect(notModified('"a-2"', '"a-1"')).toBe(false);
    expect(notModified(undefined, '"a-1"')).toBe(false);
  });

  it('finds the scripts and stylesheets of a page', () => {
    expect(referencedAssets('<script src="/js/a.1.js"></script><link rel="stylesheet" href="/css/b.css"><link href="/css/c.css" rel="stylesheet"><script src="https://x/y.js"></script>')).toEqual([
      '/js/a.1.js',
      '/css/b.css',
      '/css/c.css',
    ]);
  });
});
