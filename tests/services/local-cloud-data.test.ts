import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signToken, verifyToken, TOKEN_TTL_MS } from '../../src/server/local/auth/token';
import { startLocalCloud, type LocalCloud, type LocalCloudOptions } from '../../src/server/local/cloud';
import { createConsoleLogger } from '../../src/server/local/logger';

// Each local cloud here seeds the demo shop (a year of history through the real services): seconds, more on a loaded machine.
jest.setTimeout(120_000);

const quiet = createConsoleLogger('silent');
const DAY = 24 * 60 * 60 * 1000;

async function login(cloud: LocalCloud, openid: string): Promise<string> {
  const res = await fetch(`${cloud.url}/api/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid }) });
  return ((await res.json()) as { token: string }).token;
}

async function whoami(cloud: LocalCloud, token: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${cloud.url}/api/functions/system`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ action: 'whoami' }),
  });
  return { status: res.status, body: await res.json() };
}

describe('local cloud data directory', () => {
  const dirs: string[] = [];
  const clouds: LocalCloud[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'siyu-local-data-'));
    dirs.push(dir);
    return dir;
  };
  const start = async (options: LocalCloudOptions) => {
    const cloud = await startLocalCloud({ port: 0, timers: false, log: quiet, ...options });
    clouds.push(cloud);
    return cloud;
  };

  afterAll(async () => {
    for (const cloud of clouds) await cloud.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the token secret per data directory, private to its owner', async () => {
    const dataDir = tempDir();
    const first = await start({ dataDir });
    const token = await login(first, 'demo-customer');
    expect((await whoami(first, token)).status).toBe(200);
    await first.close();
    expect(statSync(join(dataDir, 'secret')).mode & 0o777).toBe(0o600);

    const again = await start({ dataDir });
    const reused = await whoami(again, token);
    expect(reused.status).toBe(200);
    expect(reused.body.result.data.openid).toBe('demo-customer');
    await again.close();

    const elsewhere = await start({ dataDir: tempDir() });
    expect((await whoami(elsewhere, token)).status).toBe(401);
    await elsewhere.close();
  });

  it('refuses a token after seven days', async () => {
    const dataDir = tempDir();
    const issuedAt = Date.UTC(2026, 0, 1);
    const early = await start({ dataDir, now: () => issuedAt });
    const token = await login(early, 'demo-customer');
    await early.close();

    const sixDaysOn = await start({ dataDir, now: () => issuedAt + 6 * DAY });
    expect((await whoami(sixDaysOn, token)).status).toBe(200);
    await sixDaysOn.close();

    const eightDaysOn = await start({ dataDir, now: () => issuedAt + 8 * DAY });
    const expired = await whoami(eightDaysOn, token);
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('UNAUTHENTICATED');
    await eightDaysOn.close();
  });

  it('signs tokens that verify only with their secret and within their lifetime', () => {
    const secret = Buffer.alloc(32, 1);
    const token = signToken(secret, 'u_1', 1_000);
    expect(verifyToken(secret, token, 1_000)).toBe('u_1');
    expect(verifyToken(secret, token, 1_000 + TOKEN_TTL_MS - 1)).toBe('u_1');
    expect(verifyToken(secret, token, 1_000 + TOKEN_TTL_MS)).toBeNull();
    expect(verifyToken(Buffer.alloc(32, 2), token, 1_000)).toBeNull();
  });

  it('seeds the demo shop once', async () => {
    const dataDir = tempDir();
    const cloud = await start({ dataDir });
    const { db } = cloud;
    const count = async (name: string) => (await db.collection(name).count()).total;

    expect(await count('stores')).toBe(4);
    const [store] = (await db.collection('stores').doc('store-demo').get()).data as any[];
    expect(store).toMatchObject({ name: expect.any(String), address: expect.any(String), pickupEnabled: true });
    // Every store can be chosen for pickup: a real-looking address, hours, phone and position.
    for (const s of (await db.collection('stores').get()).data as any[]) {
      expect(s).toMatchObject({ pickupEnabled: true, hours: { open: expect.stringMatching(/^\d\d:\d\d$/), close: expect.stringMatching(/^\d\d:\d\d$/) } });
      expect(s.address).toMatch(/[省市].+[区].+号/);
      expect(s.phone).toMatch(/^0\d{2,3}-\d{4}-\d{4}$/);
      expect(s.location.latitude).toBeGreaterThan(18);
      expect(s.location.longitude).toBeGreaterThan(73);
    }

    expect(await count('categories')).toBeGreaterThanOrEqual(5);
    expect(await count('products')).toBeGreaterThanOrEqual(24);
    expect(await count('banners')).toBeGreaterThanOrEqual(1);
    expect(await count('users')).toBe(4);

    const products = (await db.collection('products').limit(1000).get()).data as any[];
    const categoryIds = new Set(((await db.collection('categories').get()).data as any[]).map((c) => c._id));
    const skus = (await db.collection('skus').limit(1000).get()).data as any[];
    // A flash sale takes its quantity out of the SKU when it is created.
    const sales = (await db.collection('flash_sales').limit(1000).get()).data as any[];
    const heldBySales = (skuId: string) => sales.filter((s) => s.skuId === skuId).reduce((n, s) => n + s.quantity, 0);
    // The demo history's orders (seed/history.ts) hold their units until cancelled or refunded.
    const orders = (await db.collection('orders').limit(1000).get()).data as any[];
    const heldByOrders = (skuId: string) =>
      orders.filter((o) => !o.stockReleased).flatMap((o) => o.items).filter((i) => i.skuId === skuId).reduce((n, i) => n + i.quantity, 0);
    for (const product of products) {
      expect(categoryIds.has(product.categoryId)).toBe(true);
      expect(product).toMatchObject({ status: 'ON_SALE', images: [`cloud://siyu-local.siyu-local-bucket/seed/products/${product._id}.svg`] });
      expect(Number.isInteger(product.listPrice)).toBe(true);
      const own = skus.filter((s) => s.productId === product._id);
      expect(own.length).toBeGreaterThanOrEqual(1);
      expect(own.length).toBeLessThanOrEqual(3);
      for (const sku of own) {
        expect(Number.isInteger(sku.price) && sku.price > 0).toBe(true);
        expect(Number.isInteger(sku.stock) && sku.stock >= 0).toBe(true);
        expect(sku.sold).toBe(heldBySales(sku._id) + heldByOrders(sku._id));
      }
    }
    const soldOut = products.filter((p) => skus.filter((s) => s.productId === p._id).every((s) => s.stock === 0));
    expect(soldOut).toHaveLength(1);

    const staff = (await db.collection('roles').doc('demo-staff').get()).data[0] as any;
    expect(staff).toMatchObject({ roles: ['staff'], staffStoreIds: ['store-demo'] });
    const operator = (await db.collection('roles').doc('demo-operator').get()).data[0] as any;
    expect(operator).toMatchObject({ roles: ['operator'], staffStoreIds: [] });
    expect((await db.collection('roles').doc('demo-customer').get()).data).toHaveLength(0);

    const productsBefore = await count('products');
    const skusBefore = await count('skus');
    await cloud.close();

    const restarted = await start({ dataDir });
    expect((await restarted.db.collection('stores').count()).total).toBe(4);
    expect((await restarted.db.collection('products').count()).total).toBe(productsBefore);
    expect((await restarted.db.collection('skus').count()).total).toBe(skusBefore);
    await restarted.close();
  });

  it('keeps written data across a restart, and leaves a changed demo shop alone', async () => {
    const dataDir = tempDir();
    const cloud = await start({ dataDir });
    await cloud.db.collection('notes').add({ _id: 'n1', text: '你好', amount: 1250 });
    await cloud.db.collection('skus').doc('p-tea-oolong-s1').update({ stock: 7 });
    await cloud.close();

    const restarted = await start({ dataDir });
    expect((await restarted.db.collection('notes').doc('n1').get()).data[0]).toEqual({ _id: 'n1', text: '你好', amount: 1250 });
    expect(((await restarted.db.collection('skus').doc('p-tea-oolong-s1').get()).data[0] as any).stock).toBe(7);
    await restarted.close();
  });

  it('starts empty when asked not to seed', async () => {
    const cloud = await start({ dataDir: tempDir(), seed: false });
    expect((await cloud.db.collection('products').count()).total).toBe(0);
    await cloud.close();
  });
});
