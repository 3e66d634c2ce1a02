import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalCloud, type LocalCloud } from '../../src/server/local/cloud';
import { createConsoleLogger } from '../../src/server/local/logger';

// Each local cloud here seeds the demo shop (a year of history through the real services): seconds, more on a loaded machine.
jest.setTimeout(120_000);

const quiet = createConsoleLogger('silent');

async function post(cloud: LocalCloud, path: string, body: unknown, token?: string) {
  const res = await fetch(cloud.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, json: (await res.json()) as any };
}

async function login(cloud: LocalCloud, openid: string): Promise<string> {
  const { status, json } = await post(cloud, '/api/dev/login', { openid });
  expect(status).toBe(200);
  return json.token;
}

/** GET with the path sent exactly as written (fetch would normalise `..`). */
function rawGet(cloud: LocalCloud, path: string): Promise<{ status: number; body: string; type: string | undefined }> {
  const { hostname, port } = new URL(cloud.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, type: res.headers['content-type'] }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('local cloud over HTTP', () => {
  let cloud: LocalCloud;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'siyu-local-http-'));
    cloud = await startLocalCloud({ port: 0, dataDir, timers: false, log: quiet, webDir: join(dataDir, 'no-h5-build') });
  });

  afterAll(async () => {
    await cloud?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers the health check with the function list', async () => {
    const res = await fetch(`${cloud.url}/api/health`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body).toMatchObject({ ok: true, db: 'ok' });
    expect(body.functions).toContain('system');
    expect(typeof body.uptimeMs).toBe('number');
  });

  it('signs in, then pings and asks who the caller is', async () => {
    const token = await login(cloud, 'demo-customer');
    const ping = await post(cloud, '/api/functions/system', { action: 'ping', data: {} }, token);
    expect(ping.status).toBe(200);
    expect(ping.json.result).toMatchObject({ ok: true, data: { pong: true } });
    expect(Number.isInteger(ping.json.result.data.now)).toBe(true);

    const whoami = await post(cloud, '/api/functions/system', { action: 'whoami' }, token);
    expect(whoami.json.result).toEqual({ ok: true, data: { openid: 'demo-customer', roles: ['customer'], staffStoreIds: [] } });
  });

  it('takes roles from the seeded role records', async () => {
    const staff = await post(cloud, '/api/functions/system', { action: 'whoami' }, await login(cloud, 'demo-staff'));
    expect(staff.json.result.data).toMatchObject({ openid: 'demo-staff', staffStoreIds: ['store-demo'] });
    expect(staff.json.result.data.roles).toEqual(expect.arrayContaining(['customer', 'staff']));
    const operator = await post(cloud, '/api/functions/system', { action: 'whoami' }, await login(cloud, 'demo-operator'));
    expect(operator.json.result.data.roles).toEqual(expect.arrayContaining(['customer', 'operator']));
  });

  it('passes business errors through in the envelope with HTTP 200', async () => {
    const token = await login(cloud, 'demo-customer');
    const res = await post(cloud, '/api/functions/system', { action: 'noSuchAction' }, token);
    expect(res.status).toBe(200);
    expect(res.json.result.ok).toBe(false);
    expect(res.json.result.error.code).toBe('UNKNOWN_ACTION');
  });

  it('refuses calls without a token, with a forged one, or a malformed header', async () => {
    const none = await post(cloud, '/api/functions/system', { action: 'ping' });
    expect(none.status).toBe(401);
    expect(none.json.error.code).toBe('UNAUTHENTICATED');

    const token = await login(cloud, 'demo-customer');
    const [payload, signature] = token.split('.');
    const otherPayload = Buffer.from(JSON.stringify({ sub: 'demo-operator', iat: Date.now() })).toString('base64url');
    for (const forged of [`${otherPayload}.${signature}`, `${payload}.${signature.slice(0, -2)}xx`, 'garbage', `${payload}`]) {
      const res = await post(cloud, '/api/functions/system', { action: 'ping' }, forged);
      expect(res.status).toBe(401);
      expect(res.json.error.code).toBe('UNAUTHENTICATED');
    }

    const basic = await fetch(`${cloud.url}/api/functions/system`, {
      method: 'POST',
      headers: { authorization: `Basic ${token}` },
      body: JSON.stringify({ action: 'ping' }),
    });
    expect(basic.status).toBe(401);
  });

  it('rejects bad openids at sign-in', async () => {
    for (const openid of ['', 'a'.repeat(65), 'has space', '../x', 42, null]) {
      const res = await post(cloud, '/api/dev/login', { openid });
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe('BAD_REQUEST');
    }
    expect((await post(cloud, '/api/dev/login', { openid: 'a'.repeat(64) })).status).toBe(200);
  });

  it('answers 404 for an unknown function', async () => {
    const res = await post(cloud, '/api/functions/nope', { action: 'ping' }, await login(cloud, 'demo-customer'));
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('FUNCTION_NOT_FOUND');
  });

  it('answers 400 for malformed JSON or a body that is not {action, data}', async () => {
    const token = await login(cloud, 'demo-customer');
    for (const body of ['{"action":', 'not json', '', '[1,2]', '"ping"', '{"data":{}}', '{"action":""}', '{"action":7}']) {
      const res = await post(cloud, '/api/functions/system', body, token);
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe('BAD_REQUEST');
    }
  });

  it('answers 413 for a body over 1 MB', async () => {
    const token = await login(cloud, 'demo-customer');
    const big = JSON.stringify({ action: 'ping', data: { blob: 'x'.repeat(1024 * 1024 + 10) } });
    const res = await post(cloud, '/api/functions/system', big, token);
    expect(res.status).toBe(413);
    expect(res.json.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('lets the kit refuse event data over CloudBase’s 100 KB', async () => {
    const token = await login(cloud, 'demo-customer');
    const res = await post(cloud, '/api/functions/system', { action: 'ping', data: { blob: 'x'.repeat(200 * 1024) } }, token);
    expect(res.status).toBe(200);
    expect(res.json.result).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('refuses cross-origin calls from an origin that was not configured (see local-cloud-security)', async () => {
    const preflight = await fetch(`${cloud.url}/api/functions/system`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:10086', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lists the demo users for the identity switcher', async () => {
    const res = await fetch(`${cloud.url}/api/dev/users`);
    const { users } = (await res.json()) as { users: Array<{ openid: string; roles: string[] }> };
    expect(users.map((u) => u.openid).sort()).toEqual(['demo-customer', 'demo-operator', 'demo-staff', 'demo-staff-jingan']);
    expect(users.find((u) => u.openid === 'demo-staff')?.roles).toEqual(['customer', 'staff']);
  });

  it('serves the placeholder page while there is no H5 build, and demo images', async () => {
    const page = await fetch(`${cloud.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('siyu');

    const image = await fetch(`${cloud.url}/assets/products/p-tea-oolong.svg`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/svg+xml');
    expect(await image.text()).toContain('<svg');

    expect((await fetch(`${cloud.url}/assets/products/nope.svg`)).status).toBe(404);
    expect((await fetch(`${cloud.url}/api/nope`)).status).toBe(404);
  });

  it('refuses paths that climb out of the served folders', async () => {
    for (const path of [
      '/../package.json',
      '/assets/../package.json',
      '/assets/../../package.json',
      '/assets/%2e%2e/%2e%2e/package.json',
      '/assets/..%2f..%2fpackage.json',
      '/%2e%2e%2fpackage.json',
      '/assets/..%5c..%5cpackage.json',
      '/assets/%00.svg',
    ]) {
      const res = await rawGet(cloud, path);
      expect(res.status).not.toBe(200);
      expect(res.body).not.toContain('"devDependencies"');
    }
  });
});

describe('local cloud with an H5 build and its own functions', () => {
  let cloud: LocalCloud;
  let dataDir: string;
  let fixtureDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'siyu-local-h5-'));
    fixtureDir = mkdtempSync(join(tmpdir(), 'siyu-local-fixture-'));
    const webDir = join(fixtureDir, 'h5');
    mkdirSync(join(webDir, 'js'), { recursive: true });
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>app shell</title>');
    writeFileSync(join(webDir, 'js', 'app.js'), 'console.log("app")');
    const functionsDir = join(fixtureDir, 'functions');
    mkdirSync(join(functionsDir, 'boom'), { recursive: true });
    writeFileSync(
      join(functionsDir, 'boom', 'index.ts'),
      `export async function main(): Promise<never> { throw new Error('secret detail of the crash'); }\n`,
    );
    cloud = await startLocalCloud({ port: 0, dataDir, timers: false, seed: false, functionsDir, webDir, log: quiet });
  });

  afterAll(async () => {
    await cloud?.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(fixtureDir, { recursive: true, force: true });
  });

  it('serves the build with content types and falls back to index.html for page routes', async () => {
    const js = await fetch(`${cloud.url}/js/app.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toContain('console.log');

    for (const route of ['/', '/pages/product/index', '/packages/staff/verify?code=1']) {
      const res = await fetch(cloud.url + route);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('app shell');
    }
    expect((await fetch(`${cloud.url}/js/missing.js`)).status).toBe(404);
  });

  it('answers 500 with a request id and no stack when main throws', async () => {
    const token = await login(cloud, 'someone');
    const res = await fetch(`${cloud.url}/api/functions/boom`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ action: 'anything' }),
    });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain('secret detail');
    expect(text).not.toMatch(/\bat \S+ \(/);
    const body = JSON.parse(text);
    expect(body.error.code).toBe('INTERNAL');
    expect(typeof body.error.requestId).toBe('string');
  });
});
