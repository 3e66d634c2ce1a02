import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startLocalCloud, type LocalCloud } from '../../src/server/local/cloud';

// Each local cloud here seeds the demo shop (a year of history through the real services): seconds, more on a loaded machine.
jest.setTimeout(120_000);

/** The whole order path over the local cloud's HTTP protocol, paid through the sandbox's dev endpoint. */
describe('local cloud: sandbox payment over HTTP', () => {
  let cloud: LocalCloud;
  let dataDir: string;
  let token: string;

  const post = async (pathname: string, body: unknown, auth = true) => {
    const res = await fetch(cloud.url + pathname, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  const call = async (fn: string, action: string, data: unknown = {}) => (await post(`/api/functions/${fn}`, { action, data })).body.result;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'siyu-pay-'));
    cloud = await startLocalCloud({ port: 0, dataDir, timers: false });
    token = (await post('/api/dev/login', { openid: 'demo-customer' }, false)).body.token;
  });
  afterAll(async () => {
    await cloud.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function createOrder(requestId: string) {
    const skus = await cloud.db.collection<{ stock: number }>('skus').where({ stock: cloud.db.command.gte(5) }).limit(1).get();
    const sku = skus.data[0];
    const created = await call('order', 'create', {
      items: [{ skuId: sku._id, quantity: 1 }],
      fulfillment: { type: 'pickup', storeId: 'store-demo' },
      requestId,
      source: 'buyNow',
    });
    expect(created.ok).toBe(true);
    return { order: created.data, sku };
  }

  it('pays an order: the notification is delivered three times, the order changes once', async () => {
    const { order } = await createOrder('pay-http-0001');
    const pay = await call('order', 'pay', { orderId: order._id });
    expect(pay.ok).toBe(true);
    expect(pay.data.payment.provider).toBe('sandbox');

    const orderId = pay.data.orderId;
    const delivery = await post(`/api/dev/pay/${orderId}`, { result: 'SUCCESS', times: 3 });
    expect(delivery.status).toBe(200);
    expect(delivery.body).toMatchObject({ delivered: 3, acknowledged: 3, allAcknowledged: true });

    const got = await call('order', 'get', { orderId });
    expect(got.ok).toBe(true);
    expect(['PAID', 'READY_FOR_PICKUP']).toContain(got.data.status);
  });

  it('refuses a payment for an order that was never opened for payment, and bad input', async () => {
    expect((await post('/api/dev/pay/nope', { result: 'SUCCESS', times: 1 })).status).toBe(404);
    expect((await post('/api/dev/pay/nope', { result: 'MAYBE' })).status).toBe(400);
    expect((await post('/api/dev/pay/nope', { result: 'SUCCESS', times: 0 })).status).toBe(400);
  });
});
