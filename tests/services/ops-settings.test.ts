import type { Envelope } from '../../src/core/envelope';
import { DELIVERY, newRequestId, seedShop, startBench, type Bench } from './order-harness';
import { callSystem, fieldsOf, systemOk } from './system-harness';

/**
 * The operators' settings page (system.settings / system.updateSettings):
 * a change applies at once to the low-stock list and the refund sweep,
 * is validated with stable reasons, refused to customers and staff, and
 * audited once with what changed.
 */
const codeOf = (r: Envelope<unknown>): string => (r.ok ? 'OK' : r.error.code);

const OPERATOR = 'ops-1';
const STAFF = 'staff-1';
const HOUR = 3_600_000;

describe('ops settings', () => {
  let bench: Bench;
  beforeEach(async () => {
    bench = startBench();
    await seedShop(bench.db);
    await bench.grantOperator(OPERATOR);
    await bench.db.collection('roles').doc(STAFF).set({ roles: ['staff'], staffStoreIds: ['store-demo'], updatedAt: bench.clock() });
  });
  afterEach(() => bench.close());

  const auditEntries = async () => (await bench.db.collection('staff_audit').where({ action: 'updateSettings' }).limit(20).get()).data as any[];

  it('reads the defaults', async () => {
    expect(await systemOk(OPERATOR, 'settings')).toEqual({
      stock: { lowStockThreshold: 10 },
      order: { payMinutes: 15, refundAutoApproveHours: 48 },
      wallet: { confirmAboveFen: 20000 },
    });
  });

  it('a new low-stock threshold applies to the next low-stock list', async () => {
    const lowIds = async () => (await bench.ok('catalog', OPERATOR, 'lowStock', {})).items.map((i: { skuId: string }) => i.skuId);
    expect(await lowIds()).toEqual(['sku-nut', 'sku-cake', 'sku-tea-l']);
    const saved = await systemOk(OPERATOR, 'updateSettings', { stock: { lowStockThreshold: 5 } });
    expect(saved.settings.stock.lowStockThreshold).toBe(5);
    expect(saved.changes).toEqual([{ group: 'stock', field: 'lowStockThreshold', label: '低库存提醒阈值', from: 10, to: 5 }]);
    expect(await lowIds()).toEqual(['sku-nut', 'sku-cake']);
    expect((await bench.ok('catalog', OPERATOR, 'lowStock', {})).threshold).toBe(5);
    expect((await systemOk(OPERATOR, 'settings')).stock.lowStockThreshold).toBe(5);
  });

  it('new auto-approve hours apply to the next sweep, and the order settings keep the field not changed', async () => {
    await bench.db.collection('settings').doc('order').set({ payMinutes: 30 });
    const order = await bench.ok('order', 'u1', 'create', { items: [{ skuId: 'sku-tea-l', quantity: 1 }], fulfillment: DELIVERY, requestId: newRequestId() });
    await bench.ok('order', 'u1', 'pay', { orderId: order._id });
    await bench.pay.deliverPaymentNotification(order._id, 'SUCCESS', 1);
    await bench.ok('order', 'u1', 'requestRefund', { orderId: order._id, reason: '不想要了' });

    bench.clock.advance(3 * HOUR);
    await bench.timer('order', 'sweep');
    expect((await bench.order(order._id)).status).toBe('REFUND_REQUESTED');

    await systemOk(OPERATOR, 'updateSettings', { order: { refundAutoApproveHours: 2 } });
    expect(await systemOk(OPERATOR, 'settings')).toMatchObject({ order: { payMinutes: 30, refundAutoApproveHours: 2 } });
    await bench.timer('order', 'sweep');
    expect((await bench.order(order._id)).refundRequest).toMatchObject({ state: 'APPROVED', decidedBy: 'system' });
  });

  it('setting the same values twice writes one change, audited with old → new', async () => {
    const input = { stock: { lowStockThreshold: 3 }, order: { refundAutoApproveHours: 24, payMinutes: 15 } };
    const first = await systemOk(OPERATOR, 'updateSettings', input);
    expect(first.changes.map((c: { field: string }) => c.field)).toEqual(['lowStockThreshold', 'refundAutoApproveHours']);
    bench.clock.advance(1000);
    const again = await systemOk(OPERATOR, 'updateSettings', input);
    expect(again).toEqual({ settings: first.settings, changes: [] });

    const audit = await auditEntries();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ staffOpenid: OPERATOR, storeId: '', action: 'updateSettings', result: 'ok' });
    expect(audit[0].detail).toBe('低库存提醒阈值 10 → 3 件；退款自动同意 48 → 24 小时');
    const stored = (await bench.db.collection('settings').doc('stock').get()).data[0] as any;
    expect(stored).toMatchObject({ lowStockThreshold: 3, updatedBy: OPERATOR });
  });

  it('refuses out-of-range, fractional, unknown and empty input with clear reasons, writing nothing', async () => {
    const refused = async (data: unknown) => {
      const r = await callSystem(OPERATOR, 'updateSettings', data);
      expect(codeOf(r)).toBe('INVALID_ARGUMENT');
      return fieldsOf(r);
    };
    expect(await refused({ stock: { lowStockThreshold: -1 } })).toEqual([expect.objectContaining({ path: 'stock.lowStockThreshold', reason: 'SETTING_OUT_OF_RANGE' })]);
    expect(await refused({ stock: { lowStockThreshold: 100_001 } })).toEqual([expect.objectContaining({ reason: 'SETTING_OUT_OF_RANGE' })]);
    expect(await refused({ order: { refundAutoApproveHours: 0 } })).toEqual([expect.objectContaining({ path: 'order.refundAutoApproveHours', reason: 'SETTING_OUT_OF_RANGE' })]);
    expect(await refused({ order: { refundAutoApproveHours: 30 * 24 + 1 } })).toEqual([expect.objectContaining({ reason: 'SETTING_OUT_OF_RANGE' })]);
    expect(await refused({ order: { refundAutoApproveHours: 1.5 } })).toEqual([expect.objectContaining({ reason: 'SETTING_NOT_INTEGER' })]);
    expect(await refused({ order: { payMinutes: 24 * 60 + 1 } })).toEqual([expect.objectContaining({ path: 'order.payMinutes', reason: 'SETTING_OUT_OF_RANGE' })]);
    expect((await refused({ stock: { lowStockThreshold: '5' } }))[0]!.path).toBe('stock.lowStockThreshold');
    expect(await refused({})).toEqual([expect.objectContaining({ reason: 'SETTINGS_EMPTY' })]);
    expect(await refused({ order: {} })).toEqual([expect.objectContaining({ reason: 'SETTINGS_EMPTY' })]);
    expect((await refused({ order: { refundHours: 5 } })).length).toBeGreaterThan(0);
    expect(await systemOk(OPERATOR, 'updateSettings', { order: { refundAutoApproveHours: 30 * 24 } })).toMatchObject({ settings: { order: { refundAutoApproveHours: 720 } } });
    expect(await systemOk(OPERATOR, 'updateSettings', { stock: { lowStockThreshold: 0 } })).toMatchObject({ settings: { stock: { lowStockThreshold: 0 } } });
    expect(await auditEntries()).toHaveLength(2);
  });

  it('refuses customers and staff (FORBIDDEN) and changes nothing', async () => {
    for (const who of ['u1', STAFF]) {
      expect(codeOf(await callSystem(who, 'settings'))).toBe('FORBIDDEN');
      expect(codeOf(await callSystem(who, 'updateSettings', { stock: { lowStockThreshold: 1 } }))).toBe('FORBIDDEN');
    }
    expect((await systemOk(OPERATOR, 'settings')).stock.lowStockThreshold).toBe(10);
    expect(await auditEntries()).toHaveLength(0);
  });
});
