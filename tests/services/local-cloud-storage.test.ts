import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalCloud, type LocalCloud } from '../../src/server/local/cloud';
import { createConsoleLogger } from '../../src/server/local/logger';
import { MAX_IMAGE_BYTES } from '../../src/core/storage/images';
import { storageRoutePath } from '../../src/core/storage/file-id';

// Each local cloud here seeds the demo shop (a year of history through the real services): seconds, more on a loaded machine.
jest.setTimeout(120_000);

/**
 * Issue 10, item 2: the local cloud emulates CloudBase storage. Operators
 * upload PNG/JPEG/WebP of at most 2 MB; the answer is a `cloud://` fileID
 * that `GET /api/storage/…` serves back byte for byte.
 */
const quiet = createConsoleLogger('silent');

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR-fake-png-body')]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF-fake-jpeg-body')]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x20, 0, 0, 0]), Buffer.from('WEBPVP8 fake-webp-body')]);

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  json: any;
}

/** A request with exactly this raw path (no URL normalisation) and headers. */
function send(cloud: LocalCloud, method: string, path: string, headers: Record<string, string> = {}, body?: Buffer | string): Promise<Answer> {
  const { port } = new URL(cloud.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const all = Buffer.concat(chunks);
        let json: unknown = null;
        try {
          json = JSON.parse(all.toString('utf8'));
        } catch {
          // a served file
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: all, json });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function login(cloud: LocalCloud, openid: string): Promise<string> {
  const res = await send(cloud, 'POST', '/api/dev/login', { 'content-type': 'application/json' }, JSON.stringify({ openid }));
  expect(res.status).toBe(200);
  return res.json.token;
}

const upload = (cloud: LocalCloud, token: string | null, type: string, bytes: Buffer | string, extra: Record<string, string> = {}, name = 'photo.png') =>
  send(cloud, 'POST', `/api/storage/upload?name=${encodeURIComponent(name)}`, { 'content-type': type, ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra }, bytes);

const servedPath = (fileID: string) => storageRoutePath(fileID) as string;

describe('local cloud storage: POST /api/storage/upload and GET /api/storage/…', () => {
  let cloud: LocalCloud;
  let dataDir: string;
  let operator: string;
  let customer: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'siyu-storage-'));
    cloud = await startLocalCloud({ port: 0, dataDir, timers: false, log: quiet, webDir: join(dataDir, 'no-h5') });
    operator = await login(cloud, 'demo-operator');
    customer = await login(cloud, 'demo-customer');
  });
  afterAll(async () => {
    await cloud.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it.each([
    ['image/png', PNG, 'png'],
    ['image/jpeg', JPEG, 'jpg'],
    ['image/webp', WEBP, 'webp'],
  ])('stores a %s from an operator and serves it back byte-equal with its type', async (type, bytes, ext) => {
    const res = await upload(cloud, operator, type, bytes);
    expect(res.status).toBe(200);
    const { fileID } = res.json;
    expect(fileID).toMatch(new RegExp(`^cloud://siyu-local\\.siyu-local-bucket/images/[0-9a-f]{64}\\.${ext}$`));

    const got = await send(cloud, 'GET', servedPath(fileID));
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe(type);
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.headers['cache-control']).toContain('immutable');
    expect(got.body.equals(bytes)).toBe(true);
    // The runtime port answers the same route as its temporary URL.
    expect(await cloud.runtime.storage!.tempUrl(fileID)).toBe(`${cloud.url}${servedPath(fileID)}`);
  });

  it('keeps the files under the data directory', async () => {
    await upload(cloud, operator, 'image/png', PNG);
    expect(readdirSync(join(dataDir, 'storage', 'images')).length).toBeGreaterThanOrEqual(1);
  });

  it('refuses an image over 2 MB with IMAGE_TOO_LARGE', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(MAX_IMAGE_BYTES)]);
    const res = await upload(cloud, operator, 'image/png', big);
    expect(res.status).toBe(413);
    expect(res.json.error.code).toBe('IMAGE_TOO_LARGE');
    expect(res.json.error.message).toContain('2 MB');
  });

  it('refuses text labelled image/png, and a type that is no image, with NOT_AN_IMAGE', async () => {
    const labelled = await upload(cloud, operator, 'image/png', 'just some text, not a picture');
    expect(labelled.status).toBe(415);
    expect(labelled.json.error.code).toBe('NOT_AN_IMAGE');
    const svg = await upload(cloud, operator, 'image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect(svg.status).toBe(415);
    expect(svg.json.error.code).toBe('NOT_AN_IMAGE');
  });

  it('answers 401 without a token and 403 to a customer', async () => {
    const anonymous = await upload(cloud, null, 'image/png', PNG);
    expect(anonymous.status).toBe(401);
    expect(anonymous.json.error.code).toBe('UNAUTHENTICATED');
    const asCustomer = await upload(cloud, customer, 'image/png', PNG);
    expect(asCustomer.status).toBe(403);
    expect(asCustomer.json.error.code).toBe('FORBIDDEN');
  });

  it('refuses a page on another origin, even an operator’s upload', async () => {
    const res = await upload(cloud, operator, 'image/png', PNG, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('ORIGIN_NOT_ALLOWED');
  });

  it('refuses path traversal and other buckets on GET', async () => {
    for (const path of [
      '/api/storage/siyu-local.siyu-local-bucket/../../siyu.sqlite',
      '/api/storage/siyu-local.siyu-local-bucket/%2e%2e/siyu.sqlite',
      '/api/storage/siyu-local.siyu-local-bucket/images%2f..%2f..%2fsecret',
      '/api/storage/siyu-local.siyu-local-bucket/..%5c..%5csecret',
    ]) {
      const res = await send(cloud, 'GET', path);
      expect(res.status).toBe(403);
      expect(res.json?.error).toBeDefined();
    }
    expect((await send(cloud, 'GET', '/api/storage/other-env.other-bucket/images/x.png')).status).toBe(404);
    expect((await send(cloud, 'GET', '/api/storage/siyu-local.siyu-local-bucket/images/missing.png')).status).toBe(404);
  });

  it('serves the seeded demo images from storage: the products hold their fileIDs', async () => {
    const product = (await cloud.db.collection<{ images: string[] }>('products').doc('p-tea-oolong').get()).data[0];
    expect(product.images[0]).toBe('cloud://siyu-local.siyu-local-bucket/seed/products/p-tea-oolong.svg');
    const res = await send(cloud, 'GET', servedPath(product.images[0]));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/svg+xml');
    expect(res.headers['content-security-policy']).toContain('sandbox');
    expect(res.body.toString('utf8')).toContain('<svg');
  });
});
