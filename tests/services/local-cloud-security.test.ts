import { mkdtempSync, rmSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isLoopbackHost } from '../../src/server/local/auth/dev-login';
import { startLocalCloud, type LocalCloud, type LocalCloudOptions } from '../../src/server/local/cloud';
import { createConsoleLogger } from '../../src/server/local/logger';

// Each local cloud here seeds the demo shop (a year of history through the real services): seconds, more on a loaded machine.
jest.setTimeout(120_000);

/**
 * The local cloud is a developer's machine (issue 9, items 6 and 7): a web
 * page on another site must not drive it, and a stalled client must not
 * hold a socket.
 */
const quiet = createConsoleLogger('silent');
const JSON_TYPE = { 'content-type': 'application/json' };
const DEV_SERVER = 'http://127.0.0.1:10086';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json: any;
}

/** A request to the cloud's port on 127.0.0.1 with exactly these headers (Host and Origin included). */
function send(cloud: LocalCloud, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> {
  const { port } = new URL(cloud.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => {
        let json: unknown = null;
        try {
          json = JSON.parse(text);
        } catch {
          // not JSON (204, 408)
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const postJson = (cloud: LocalCloud, path: string, body: unknown, headers: Record<string, string> = {}) =>
  send(cloud, 'POST', path, { ...JSON_TYPE, ...headers }, JSON.stringify(body));

async function login(cloud: LocalCloud, openid: string): Promise<string> {
  const res = await postJson(cloud, '/api/dev/login', { openid });
  expect(res.status).toBe(200);
  return res.json.token;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

const dirs: string[] = [];
const clouds: LocalCloud[] = [];
async function start(options: LocalCloudOptions = {}): Promise<LocalCloud> {
  const dataDir = mkdtempSync(join(tmpdir(), 'siyu-security-'));
  dirs.push(dataDir);
  const cloud = await startLocalCloud({ port: 0, dataDir, timers: false, seed: false, log: quiet, webDir: join(dataDir, 'no-h5'), ...options });
  clouds.push(cloud);
  return cloud;
}

afterAll(async () => {
  await Promise.all(clouds.map((cloud) => cloud.close()));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('local cloud: only its own origin (and configured ones) may call /api', () => {
  let cloud: LocalCloud;
  let ownOrigin: string;
  beforeAll(async () => {
    cloud = await start({ allowedOrigins: [DEV_SERVER] });
    ownOrigin = cloud.url;
  });

  it('refuses a page on another site: text/plain sign-in as the operator, the user list, a function call, a preflight', async () => {
    const evil = { origin: 'https://evil.example' };
    const signIn = await send(cloud, 'POST', '/api/dev/login', { ...evil, 'content-type': 'text/plain' }, '{"openid":"demo-operator"}');
    expect(signIn.status).toBe(403);
    expect(signIn.json.error.code).toBe('ORIGIN_NOT_ALLOWED');
    expect(signIn.text).not.toContain('token');
    expect(signIn.headers['access-control-allow-origin']).toBeUndefined();

    const asJson = await postJson(cloud, '/api/dev/login', { openid: 'demo-operator' }, evil);
    expect(asJson.status).toBe(403);

    const users = await send(cloud, 'GET', '/api/dev/users', evil);
    expect(users.status).toBe(403);
    expect(users.text).not.toContain('demo-');

    const token = await login(cloud, 'demo-customer');
    const call = await postJson(cloud, '/api/functions/system', { action: 'whoami' }, { ...evil, ...bearer(token) });
    expect(call.status).toBe(403);

    const preflight = await send(cloud, 'OPTIONS', '/api/functions/system', { ...evil, 'access-control-request-method': 'POST' });
    expect(preflight.status).toBe(403);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();

    for (const origin of ['null', 'http://127.0.0.1:1', 'http://localhost:10087', 'not a url']) {
      expect((await postJson(cloud, '/api/dev/login', { openid: 'demo-operator' }, { origin })).status).toBe(403);
    }
  });

  it('answers its own origin, under 127.0.0.1 and localhost, without CORS headers', async () => {
    const { port } = new URL(cloud.url);
    const same = await postJson(cloud, '/api/dev/login', { openid: 'demo-customer' }, { origin: ownOrigin });
    expect(same.status).toBe(200);
    expect(typeof same.json.token).toBe('string');
    expect(same.headers['access-control-allow-origin']).toBeUndefined();

    const viaLocalhost = await postJson(cloud, '/api/dev/login', { openid: 'demo-customer' }, { host: `localhost:${port}`, origin: `http://localhost:${port}` });
    expect(viaLocalhost.status).toBe(200);
    const whoami = await postJson(cloud, '/api/functions/system', { action: 'whoami' }, { origin: ownOrigin, ...bearer(same.json.token) });
    expect(whoami.json.result).toMatchObject({ ok: true, data: { openid: 'demo-customer' } });
  });

  it('answers requests that carry no Origin (curl, tests, same-origin GETs)', async () => {
    const res = await postJson(cloud, '/api/dev/login', { openid: 'demo-customer' });
    expect(res.status).toBe(200);
    expect((await send(cloud, 'GET', '/api/health')).status).toBe(200);
  });

  it('refuses a Host it does not answer to, so a DNS-rebinding page is not its own origin', async () => {
    const { port } = new URL(cloud.url);
    const rebound = { host: `evil.example:${port}`, origin: `http://evil.example:${port}` };
    const res = await postJson(cloud, '/api/dev/login', { openid: 'demo-operator' }, rebound);
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('HOST_NOT_ALLOWED');
    expect((await send(cloud, 'GET', '/api/dev/users', { host: `evil.example:${port}` })).status).toBe(403);
  });

  it('lets a configured origin (the H5 dev server) call with CORS headers naming it, never *', async () => {
    const preflight = await send(cloud, 'OPTIONS', '/api/functions/system', {
      origin: DEV_SERVER,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization,content-type',
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(DEV_SERVER);
    expect(String(preflight.headers['access-control-allow-headers']).toLowerCase()).toContain('authorization');
    expect(preflight.headers.vary).toContain('Origin');

    const signIn = await postJson(cloud, '/api/dev/login', { openid: 'demo-customer' }, { origin: DEV_SERVER });
    expect(signIn.status).toBe(200);
    expect(signIn.headers['access-control-allow-origin']).toBe(DEV_SERVER);
  });
});

describe('local cloud: /api/functions and /api/dev take only application/json', () => {
  let cloud: LocalCloud;
  let token: string;
  beforeAll(async () => {
    cloud = await start();
    token = await login(cloud, 'demo-customer');
  });

  it.each(['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp', ''])(
    'answers 415 for %j',
    async (type) => {
      const headers: Record<string, string> = type ? { 'content-type': type } : {};
      const signIn = await send(cloud, 'POST', '/api/dev/login', headers, '{"openid":"demo-operator"}');
      expect(signIn.status).toBe(415);
      expect(signIn.json.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(signIn.text).not.toContain('token');
      const call = await send(cloud, 'POST', '/api/functions/system', { ...headers, ...bearer(token) }, '{"action":"ping"}');
      expect(call.status).toBe(415);
      const pay = await send(cloud, 'POST', '/api/dev/pay/o1', { ...headers, ...bearer(token) }, '{"result":"SUCCESS"}');
      expect(pay.status).toBe(415);
    },
  );

  it('accepts application/json with a charset, in any case', async () => {
    for (const type of ['application/json; charset=utf-8', 'Application/JSON', 'application/json;charset=UTF-8']) {
      const res = await send(cloud, 'POST', '/api/functions/system', { 'content-type': type, ...bearer(token) }, '{"action":"ping"}');
      expect(res.status).toBe(200);
      expect(res.json.result).toMatchObject({ ok: true });
    }
  });
});

describe('local cloud: sandbox pay only for the order’s owner', () => {
  let cloud: LocalCloud;
  let customer: string;
  beforeAll(async () => {
    cloud = await start({ seed: true });
    customer = await login(cloud, 'demo-customer');
  });

  const call = async (token: string, fn: string, action: string, data: unknown) =>
    (await postJson(cloud, `/api/functions/${fn}`, { action, data }, bearer(token))).json.result;

  async function openPayment(requestId: string): Promise<string> {
    const skus = await cloud.db.collection<{ stock: number }>('skus').where({ stock: cloud.db.command.gte(5) }).limit(1).get();
    const created = await call(customer, 'order', 'create', {
      items: [{ skuId: skus.data[0]._id, quantity: 1 }],
      fulfillment: { type: 'pickup', storeId: 'store-demo' },
      requestId,
      source: 'buyNow',
    });
    expect(created.ok).toBe(true);
    const pay = await call(customer, 'order', 'pay', { orderId: created.data._id });
    expect(pay.ok).toBe(true);
    return pay.data.orderId;
  }

  it('answers 401 without a token, 403 with another customer’s, and pays with the owner’s', async () => {
    const orderId = await openPayment('security-pay-0001');
    const path = `/api/dev/pay/${encodeURIComponent(orderId)}`;

    const anonymous = await postJson(cloud, path, { result: 'SUCCESS', times: 1 });
    expect(anonymous.status).toBe(401);
    expect(anonymous.json.error.code).toBe('UNAUTHENTICATED');
    const forged = await postJson(cloud, path, { result: 'SUCCESS', times: 1 }, bearer('forged.token'));
    expect(forged.status).toBe(401);

    const stranger = await postJson(cloud, path, { result: 'SUCCESS', times: 1 }, bearer(await login(cloud, 'someone-else')));
    expect(stranger.status).toBe(403);
    expect(stranger.json.error.code).toBe('FORBIDDEN');
    const operator = await postJson(cloud, path, { result: 'SUCCESS', times: 1 }, bearer(await login(cloud, 'demo-operator')));
    expect(operator.status).toBe(403);
    expect((await call(customer, 'order', 'get', { orderId })).data.status).toBe('PENDING_PAYMENT');

    const owner = await postJson(cloud, path, { result: 'SUCCESS', times: 1 }, bearer(customer));
    expect(owner.status).toBe(200);
    expect(owner.json).toMatchObject({ delivered: 1, acknowledged: 1, allAcknowledged: true });
    expect(['PAID', 'READY_FOR_PICKUP']).toContain((await call(customer, 'order', 'get', { orderId })).data.status);
  });

  it('answers 404 for an order with no sandbox payment, to a signed-in caller', async () => {
    const res = await postJson(cloud, '/api/dev/pay/nope', { result: 'SUCCESS' }, bearer(customer));
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('PAYMENT_NOT_FOUND');
  });
});

describe('local cloud: dev sign-in can be switched off', () => {
  const saved = process.env.SIYU_DEV_LOGIN;
  afterEach(() => {
    if (saved === undefined) delete process.env.SIYU_DEV_LOGIN;
    else process.env.SIYU_DEV_LOGIN = saved;
  });

  async function expectDevLoginOff(cloud: LocalCloud) {
    expect(cloud.devLogin).toBe(false);
    const signIn = await postJson(cloud, '/api/dev/login', { openid: 'demo-operator' });
    expect(signIn.status).toBe(403);
    expect(signIn.json.error.code).toBe('DEV_LOGIN_DISABLED');
    expect(signIn.text).not.toContain('token');
    const users = await send(cloud, 'GET', '/api/dev/users');
    expect(users.status).toBe(403);
    expect(users.json.error.code).toBe('DEV_LOGIN_DISABLED');
    expect(users.text).not.toMatch(/demo-(customer|staff|operator)/);
  }

  it('refuses sign-in and the user list with SIYU_DEV_LOGIN=0', async () => {
    process.env.SIYU_DEV_LOGIN = '0';
    await expectDevLoginOff(await start({ seed: true }));
  });

  it('refuses sign-in when listening beyond loopback, unless SIYU_DEV_LOGIN=1 or the option enables it', async () => {
    delete process.env.SIYU_DEV_LOGIN;
    await expectDevLoginOff(await start({ host: '0.0.0.0', seed: true }));

    process.env.SIYU_DEV_LOGIN = '1';
    const enabled = await start({ host: '0.0.0.0', seed: true });
    expect(enabled.devLogin).toBe(true);
    expect((await postJson(enabled, '/api/dev/login', { openid: 'demo-customer' })).status).toBe(200);
    const users = await send(enabled, 'GET', '/api/dev/users');
    expect(users.json.users.map((u: { openid: string }) => u.openid)).toContain('demo-operator');

    delete process.env.SIYU_DEV_LOGIN;
    expect((await start({ host: '0.0.0.0', devLogin: true })).devLogin).toBe(true);
  });

  it('keeps dev sign-in on by default on loopback, and refuses a malformed SIYU_DEV_LOGIN', async () => {
    delete process.env.SIYU_DEV_LOGIN;
    const cloud = await start();
    expect(cloud.devLogin).toBe(true);
    expect((await postJson(cloud, '/api/dev/login', { openid: 'demo-customer' })).status).toBe(200);
    process.env.SIYU_DEV_LOGIN = 'yes';
    await expect(start()).rejects.toThrow(/SIYU_DEV_LOGIN/);
  });

  it('tells loopback addresses from the others', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1']) expect(isLoopbackHost(host)).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.5', '10.0.0.1', 'example.com', '::ffff:10.0.0.1']) expect(isLoopbackHost(host)).toBe(false);
  });
});

describe('local cloud: a stalled request gets 408 and its socket closed', () => {
  const LIMIT_MS = 300;
  let cloud: LocalCloud;
  beforeAll(async () => {
    cloud = await start({ requestTimeoutMs: LIMIT_MS });
  });

  /** Writes `head` on a raw socket, then nothing; resolves with what came back once the server closes it. */
  function stall(head: string): Promise<{ reply: string; closed: boolean }> {
    const { port } = new URL(cloud.url);
    return new Promise((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.write(head));
      let reply = '';
      const giveUp = setTimeout(() => {
        socket.destroy();
        resolve({ reply, closed: false });
      }, 20 * LIMIT_MS);
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (reply += chunk));
      socket.on('error', reject);
      socket.on('close', () => {
        clearTimeout(giveUp);
        resolve({ reply, closed: true });
      });
    });
  }

  it('cuts off a body that stops after its headers promised 1000 bytes', async () => {
    const token = await login(cloud, 'demo-customer');
    const { reply, closed } = await stall(
      `POST /api/functions/system HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nAuthorization: Bearer ${token}\r\nContent-Length: 1000\r\n\r\n{"action":`,
    );
    expect(closed).toBe(true);
    expect(reply).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('cuts off headers that never end', async () => {
    const { reply, closed } = await stall('POST /api/dev/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: appl');
    expect(closed).toBe(true);
    expect(reply).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('still answers requests that arrive whole, also on a kept-alive connection after a pause', async () => {
    const { port } = new URL(cloud.url);
    const answers = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1');
      let reply = '';
      const get = 'GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n';
      socket.write(get);
      setTimeout(() => socket.write(get.replace('\r\n\r\n', '\r\nConnection: close\r\n\r\n')), 3 * LIMIT_MS);
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (reply += chunk));
      socket.on('error', reject);
      socket.on('close', () => resolve(reply));
    });
    expect(answers.match(/HTTP\/1\.1 200 /g)).toHaveLength(2);
  });
});
