import type { Envelope } from '../../src/core/envelope';
import { codeOf, functionCallers } from './function-callers';
import { newRequestId, seedShop } from './order-harness';
import { startPromotionBench, type PromotionBench } from './promotion-harness';

const staffFunction = functionCallers('staff');
const callStaff = (openid: string, action: string, data: unknown = {}) => staffFunction.call('staff', openid, action, data);
const staffOk = (openid: string, action: string, data: unknown = {}) => staffFunction.ok('staff', openid, action, data);
const reasonsOf = (r: Envelope<unknown>): string[] => (r.ok ? [] : ((r.error.details as any)?.fields ?? []).map((f: any) => f.reason));

const OPERATOR = 'ops-1';
const STAFF = 'staff-a';
const CUSTOMER = 'u1';

const store = (over: Record<string, unknown> = {}) => ({
  name: '私域生活馆 · 徐家汇店',
  address: '上海市徐汇区虹桥路 1 号',
  phone: '021-6400-1234',
  hours: { open: '10:00', close: '22:00' },
  location: { latitude: 31.195, longitude: 121.437 },
  pickupEnabled: true,
  ...over,
});

describe('stores: operators create and edit stores; a closed store takes no pickups', () => {
  let bench: PromotionBench;
  beforeEach(async () => {
    bench = startPromotionBench();
    await seedShop(bench.db);
    await bench.grantOperator(OPERATOR);
    await bench.grantStaff(STAFF, ['store-demo']);
  });
  afterEach(() => bench.close());

  const pickupStoreIds = async (): Promise<string[]> => (await bench.ok('catalog', CUSTOMER, 'pickupStores', {})).stores.map((s: any) => s.storeId);
  const orderAt = (storeId: string) =>
    bench.call('order', CUSTOMER, 'create', { items: [{ skuId: 'sku-tea-s', quantity: 1 }], fulfillment: { type: 'pickup', storeId }, requestId: newRequestId() });

  it('creates a store (shown to customers, takes pickup orders), edits it, and audits both', async () => {
    const created = await staffOk(OPERATOR, 'saveStore', { ...store(), requestId: 'store-create-1' });
    expect(created).toEqual({ storeId: expect.stringMatching(/^st_/), created: true });
    // A retried create answers the same store and writes nothing more.
    expect(await staffOk(OPERATOR, 'saveStore', { ...store(), requestId: 'store-create-1' })).toEqual({ storeId: created.storeId, created: false });
    expect(codeOf(await callStaff(OPERATOR, 'saveStore', { ...store({ name: '另一家' }), requestId: 'store-create-1' }))).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await pickupStoreIds()).toContain(created.storeId);
    expect((await orderAt(created.storeId)).ok).toBe(true);

    await staffOk(OPERATOR, 'saveStore', { ...store({ name: '徐家汇旗舰店', hours: { open: '09:00', close: '21:00' } }), storeId: created.storeId });
    const { stores } = await staffOk(OPERATOR, 'adminStores', {});
    expect(stores.find((s: any) => s.storeId === created.storeId)).toMatchObject({
      name: '徐家汇旗舰店',
      phone: '021-6400-1234',
      hours: { open: '09:00', close: '21:00' },
      location: { latitude: 31.195, longitude: 121.437 },
      pickupEnabled: true,
      staffCount: 0,
    });
    expect(stores.find((s: any) => s.storeId === 'store-demo')).toMatchObject({ name: '示例门店', staffCount: 1 });

    const audit = (await bench.db.collection('staff_audit').where({ action: 'saveStore' }).limit(10).get()).data as any[];
    expect(audit).toHaveLength(2);
    expect(audit.every((e) => e.staffOpenid === OPERATOR && e.storeId === created.storeId && e.target === created.storeId && e.result === 'ok')).toBe(true);
  });

  it('a closed store leaves the picker and refuses new pickup orders (STORE_NOT_FOUND); reopening brings it back', async () => {
    await staffOk(OPERATOR, 'saveStore', { ...store({ name: '示例门店' }), storeId: 'store-demo', pickupEnabled: false });
    expect(await pickupStoreIds()).not.toContain('store-demo');
    expect(codeOf(await orderAt('store-demo'))).toBe('STORE_NOT_FOUND');
    // Still listed for operators, as closed.
    const { stores } = await staffOk(OPERATOR, 'adminStores', {});
    expect(stores.find((s: any) => s.storeId === 'store-demo')).toMatchObject({ pickupEnabled: false });

    await staffOk(OPERATOR, 'saveStore', { ...store({ name: '示例门店' }), storeId: 'store-demo', pickupEnabled: true });
    expect(await pickupStoreIds()).toContain('store-demo');
    expect((await orderAt('store-demo')).ok).toBe(true);
  });

  it('validates phone, hours and location with clear reasons; an edit of an unknown store is STORE_NOT_FOUND', async () => {
    for (const [over, reason] of [
      [{ phone: '12345' }, 'STORE_PHONE_INVALID'],
      [{ phone: '021-6400-12a4' }, 'STORE_PHONE_INVALID'],
      [{ hours: { open: '22:00', close: '10:00' } }, 'STORE_HOURS_INVALID'],
      [{ hours: { open: '9点', close: '21:00' } }, 'STORE_HOURS_INVALID'],
      [{ location: { latitude: 91, longitude: 121 } }, 'STORE_LOCATION_INVALID'],
      [{ location: { latitude: 31, longitude: -181 } }, 'STORE_LOCATION_INVALID'],
    ] as const) {
      const answer = await callStaff(OPERATOR, 'saveStore', store(over));
      expect([over, codeOf(answer), reasonsOf(answer)]).toEqual([over, 'INVALID_ARGUMENT', [reason]]);
    }
    expect(codeOf(await callStaff(OPERATOR, 'saveStore', store({ name: '' })))).toBe('INVALID_ARGUMENT');
    // Mobiles, 400 numbers and no location are fine.
    expect((await callStaff(OPERATOR, 'saveStore', store({ phone: '13800001234', location: null }))).ok).toBe(true);
    expect((await callStaff(OPERATOR, 'saveStore', store({ phone: '400-820-8820' }))).ok).toBe(true);
    expect(codeOf(await callStaff(OPERATOR, 'saveStore', { ...store(), storeId: 'store-nowhere' }))).toBe('STORE_NOT_FOUND');
    expect(await bench.count('stores', { _id: 'store-nowhere' })).toBe(0);
  });

  it('refuses customers and staff (FORBIDDEN) on every store and staff-management action', async () => {
    const calls: Array<[string, unknown]> = [
      ['saveStore', store()],
      ['adminStores', {}],
      ['searchUsers', { query: '小' }],
      ['listStaff', {}],
    ];
    for (const who of [CUSTOMER, STAFF]) {
      for (const [action, data] of calls) expect([who, action, codeOf(await callStaff(who, action, data))]).toEqual([who, action, 'FORBIDDEN']);
    }
    expect(await bench.count('stores')).toBe(1);
    expect(await bench.count('staff_audit')).toBe(0);
  });
});
