/**
 * The kit's cost per call in database operations (budgets, see
 * tests/services/db-budget.ts), and its per-instance role cache: read once per
 * TTL, a grant or revoke through this instance seen at once, a change made
 * elsewhere seen within ROLE_CACHE_TTL_MS.
 */
import { join } from 'path';
import type { Db } from '../../src/server/db';
import { installRuntime, InstanceCache, ROLE_CACHE_TTL_MS, uninstallRuntime, type FunctionContext } from '../../src/server/kit';
import { countingDb, type CountingDb } from '../services/db-budget';
import { createTestRuntime, grantRoles, wxContext, type TestRuntime } from './support/test-runtime';

type Main = (event: unknown, context?: FunctionContext) => Promise<any>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadMain = (name: string): Main => (require(join(__dirname, '../../cloudfunctions', name, 'index.ts')) as { main: Main }).main;
const system = loadMain('system');
const staff = loadMain('staff');

const OPERATOR = 'o-operator';
const CUSTOMER = 'o-customer';

let runtime: TestRuntime;
let counter: CountingDb;

/** The runtime's db, counted; `reportsWrites: false` hides the local engine's write feed, as on CloudBase. */
function install(reportsWrites = true): void {
  const db: Db = reportsWrites ? runtime.db : new Proxy(runtime.db, { get: (t, k, r) => (k === 'onDocumentWrite' ? undefined : Reflect.get(t, k, r)) });
  counter = countingDb(db);
  installRuntime({ ...runtime, db: counter.db });
}

beforeEach(async () => {
  runtime = createTestRuntime();
  // Budgets are what one uncontended call costs: no re-run of the transactions (the suite's SIYU_TX_RERUN).
  runtime.db.setTransactionFaults({ rerun: false, conflictRate: 0 });
  await grantRoles(runtime.db, OPERATOR, { roles: ['operator'] });
  install();
});
afterEach(() => {
  uninstallRuntime();
  runtime.db.close();
});

const ping = (openid: string) => system({ action: 'ping' }, wxContext(openid));
const whoami = async (openid: string) => ((await system({ action: 'whoami' }, wxContext(openid))) as { data: { roles: string[] } }).data.roles;

describe('budget: system.ping', () => {
  test('the first call reads the caller’s role record (1 call), later calls within the TTL touch nothing', async () => {
    expect(await counter.during(() => ping(CUSTOMER))).toEqual({ calls: 1, reads: 0, writes: 0, transactions: 0 });
    for (let i = 0; i < 5; i += 1) {
      expect(await counter.during(() => ping(CUSTOMER))).toEqual({ calls: 0, reads: 0, writes: 0, transactions: 0 });
    }
    runtime.clock.advance(ROLE_CACHE_TTL_MS);
    expect(await counter.during(() => ping(CUSTOMER))).toEqual({ calls: 1, reads: 0, writes: 0, transactions: 0 });
  });

  test('an operator’s ping: one read of the role record once per TTL', async () => {
    expect(await counter.during(() => ping(OPERATOR))).toEqual({ calls: 1, reads: 1, writes: 0, transactions: 0 });
    expect(await counter.during(() => ping(OPERATOR))).toEqual({ calls: 0, reads: 0, writes: 0, transactions: 0 });
  });
});

describe('budget: a role-checked action (system.settings, operators only)', () => {
  test('roles read once per TTL; the action’s own reads every call (one transaction, three settings documents: stock, order, wallet)', async () => {
    const settings = () => system({ action: 'settings' }, wxContext(OPERATOR));
    expect((await settings()).ok).toBe(true);
    runtime.clock.advance(ROLE_CACHE_TTL_MS);
    expect(await counter.during(settings)).toEqual({ calls: 4, reads: 1, writes: 0, transactions: 1 });
    expect(await counter.during(settings)).toEqual({ calls: 3, reads: 0, writes: 0, transactions: 1 });
  });

  test('a refused caller costs the role read once, then nothing', async () => {
    const settings = () => system({ action: 'settings' }, wxContext(CUSTOMER));
    expect(await settings()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await counter.during(settings)).toEqual({ calls: 0, reads: 0, writes: 0, transactions: 0 });
  });
});

describe('role cache', () => {
  beforeEach(async () => {
    await runtime.db.collection('stores').doc('store-a').set({ name: '一号店', pickupEnabled: true, createdAt: 0 });
    await runtime.db.collection('users').doc(CUSTOMER).set({ createdAt: 0 });
  });
  const change = (action: 'grantStaff' | 'revokeStaff') => staff({ action, data: { openid: CUSTOMER, storeId: 'store-a' } }, wxContext(OPERATOR));

  test('a grant or revoke through this instance applies from the very next call (no TTL wait)', async () => {
    expect(await whoami(CUSTOMER)).toEqual(['customer']);
    expect(await change('grantStaff')).toMatchObject({ ok: true });
    expect(await whoami(CUSTOMER)).toEqual(['customer', 'staff']);
    expect(await change('revokeStaff')).toMatchObject({ ok: true });
    expect(await whoami(CUSTOMER)).toEqual(['customer']);
  });

  test('the same on CloudBase, where the engine reports no writes: the staff service forgets the record it changed', async () => {
    install(false);
    expect(await whoami(CUSTOMER)).toEqual(['customer']);
    expect(await change('grantStaff')).toMatchObject({ ok: true });
    expect(await whoami(CUSTOMER)).toEqual(['customer', 'staff']);
  });

  test('a change made by another instance is seen once the TTL (≤ 5 s) has run out', async () => {
    expect(ROLE_CACHE_TTL_MS).toBeLessThanOrEqual(5_000);
    install(false);
    expect(await whoami(CUSTOMER)).toEqual(['customer']);
    await grantRoles(runtime.db, CUSTOMER, { roles: ['staff'], staffStoreIds: ['store-a'] });
    runtime.clock.advance(ROLE_CACHE_TTL_MS - 1);
    expect(await whoami(CUSTOMER)).toEqual(['customer']);
    runtime.clock.advance(1);
    expect(await whoami(CUSTOMER)).toEqual(['customer', 'staff']);
  });

  test('locally a direct write of a role record (seed, test, another function) is seen at once', async () => {
    expect(await whoami(CUSTOMER)).toEqual(['customer']);
    await grantRoles(runtime.db, CUSTOMER, { roles: ['operator'] });
    expect(await whoami(CUSTOMER)).toEqual(['customer', 'operator']);
  });

  test('each call gets its own copy of the caller', async () => {
    const first = (await system({ action: 'whoami' }, wxContext(OPERATOR))).data;
    first.roles.push('system');
    expect(await whoami(OPERATOR)).toEqual(['customer', 'operator']);
  });
});

describe('InstanceCache', () => {
  test('a read overtaken by a write of the same key is answered but not kept', async () => {
    const cache = new InstanceCache<string>({ collection: 'c', ttlMs: 1000 });
    let release!: () => void;
    const pending = cache.load('k', 0, () => new Promise<string>((resolve) => (release = () => resolve('old'))));
    cache.forget('k');
    release();
    await expect(pending).resolves.toBe('old');
    expect(cache.peek('k', 1)).toBeUndefined();
    await expect(cache.load('k', 1, async () => 'new')).resolves.toBe('new');
    expect(cache.peek('k', 2)).toBe('new');
  });

  test('expires at the TTL, when the clock goes back, and keeps at most maxEntries (oldest out)', async () => {
    const cache = new InstanceCache<number>({ collection: 'c', ttlMs: 100, maxEntries: 2 });
    cache.store('a', 1, 1000);
    expect(cache.peek('a', 1099)).toBe(1);
    expect(cache.peek('a', 1100)).toBeUndefined();
    cache.store('a', 1, 1000);
    expect(cache.peek('a', 999)).toBeUndefined();
    cache.store('a', 1, 0);
    cache.store('b', 2, 0);
    cache.store('c', 3, 0);
    expect([cache.peek('a', 1), cache.peek('b', 1), cache.peek('c', 1)]).toEqual([undefined, 2, 3]);
  });

  test('null answers are not kept', async () => {
    const cache = new InstanceCache<string>({ collection: 'c', ttlMs: 100 });
    let reads = 0;
    const read = async () => {
      reads += 1;
      return null;
    };
    await cache.load('k', 0, read);
    await cache.load('k', 0, read);
    expect(reads).toBe(2);
  });
});
