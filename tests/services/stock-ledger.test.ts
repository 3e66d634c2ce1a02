import { STOCK_LEDGER_PAGE_SIZE } from '../../src/core/contracts/stock';
import { demoDocuments } from '../../src/server/local/seed';
import { stockEntryId } from '../../src/server/services/stock/ledger';
import { DEFAULT_SKUS, DELIVERY, newRequestId, PICKUP, seedShop } from './order-harness';
import { OPERATOR, startFlashSaleBench, type FlashSaleBench } from './flashsale-harness';

const STAFF = 'staff-1';
const codeOf = (r: { ok: boolean; error?: { code: string } }): string => (r.ok ? 'OK' : r.error!.code);

interface Entry {
  _id: string;
  skuId: string;
  kind: string;
  delta: number;
  refId: string;
  orderId?: string;
  reason: string;
}

describe('stock ledger: every change of a SKU stock is an entry; stock = Σ entries', () => {
  let bench: FlashSaleBench;

  beforeEach(async () => {
    bench = startFlashSaleBench();
    await seedShop(bench.db);
    // The harness seeds SKUs directly: their initial entries, as the demo seed writes them.
    for (const sku of DEFAULT_SKUS) {
      await bench.db.collection('stock_ledger').doc(stockEntryId('initial', 'seed', sku._id)).set({
        skuId: sku._id,
        productId: sku.productId,
        kind: 'initial',
        delta: sku.stock,
        refId: 'seed',
        reason: '初始库存',
        by: 'seed',
        at: bench.clock(),
      });
    }
    await bench.grantOperator(OPERATOR);
    await bench.db.collection('roles').doc(STAFF).set({ roles: ['staff'], staffStoreIds: ['store-demo'], updatedAt: bench.clock() });
  });
  afterEach(() => bench.close());

  const entries = async (skuId?: string): Promise<Entry[]> =>
    (await bench.db.collection<Entry>('stock_ledger').where(skuId ? { skuId } : {}).limit(1000).get()).data;

  async function expectInvariant(adjustedBy: Record<string, number> = {}): Promise<void> {
    const all = await entries();
    for (const seeded of DEFAULT_SKUS) {
      const sku = await bench.sku(seeded._id);
      const sum = all.filter((e) => e.skuId === seeded._id).reduce((total, e) => total + e.delta, 0);
      expect({ skuId: seeded._id, stock: sku.stock }).toEqual({ skuId: seeded._id, stock: sum });
      expect(sku.stock).toBeGreaterThanOrEqual(0);
      // Only operator adjustments change what a SKU holds in all (sold + stock).
      expect({ skuId: seeded._id, total: sku.stock + sku.sold }).toEqual({ skuId: seeded._id, total: seeded.stock + (adjustedBy[seeded._id] ?? 0) });
    }
  }

  const place = (openid: string, items: Array<{ skuId: string; quantity: number }>): Promise<any> =>
    bench.call('order', openid, 'create', { items, fulfillment: DELIVERY, requestId: newRequestId() });

  async function payOrder(openid: string, orderId: string): Promise<void> {
    await bench.ok('order', openid, 'pay', { orderId });
    const report = await bench.pay.deliverPaymentNotification(orderId, 'SUCCESS', 1);
    expect(report.allAcknowledged).toBe(true);
  }

  /** The customer asks, the operator approves (when the order waits for a decision), the timer pays it back. */
  async function refundThroughExistingPaths(openid: string, orderId: string): Promise<void> {
    const requested = await bench.ok('order', openid, 'requestRefund', { orderId, reason: '不想要了' });
    if (requested.status === 'REFUND_REQUESTED') await bench.ok('order', OPERATOR, 'reviewRefund', { orderId, decision: 'approve' });
    await bench.timer('order', 'processRefunds');
  }

  const adjust = (delta: number, over: Record<string, unknown> = {}) =>
    bench.call<any>('catalog', OPERATOR, 'adjustStock', { skuId: 'sku-tea-l', delta, reason: '盘点', requestId: newRequestId(), ...over });

  it('holds after a concurrent mix of sales, cancels, refunds, adjustments and a flash sale allocated and returned', async () => {
    // Orders to cancel and to refund, placed (and paid) before the mix.
    const toCancel: Array<{ openid: string; orderId: string }> = [];
    const toRefund: Array<{ openid: string; orderId: string }> = [];
    for (let i = 0; i < 3; i += 1) {
      const openid = `c${i}`;
      const placed = await place(openid, [{ skuId: 'sku-tea-l', quantity: 1 }, { skuId: 'sku-cake', quantity: 1 }]);
      expect(placed.ok).toBe(true);
      toCancel.push({ openid, orderId: placed.data._id });
    }
    for (let i = 0; i < 3; i += 1) {
      const openid = `r${i}`;
      const placed = await place(openid, [{ skuId: 'sku-tea-l', quantity: 1 }, { skuId: 'sku-tea-s', quantity: 2 }]);
      expect(placed.ok).toBe(true);
      await payOrder(openid, placed.data._id);
      toRefund.push({ openid, orderId: placed.data._id });
    }

    const sales = Array.from({ length: 8 }, (_, i) => place(`s${i}`, [{ skuId: 'sku-tea-l', quantity: 1 }, { skuId: 'sku-tea-s', quantity: 3 }]));
    const cancels = toCancel.map(({ openid, orderId }) => bench.call('order', openid, 'cancel', { orderId }));
    const refunds = toRefund.map(({ openid, orderId }) => refundThroughExistingPaths(openid, orderId));
    const adjustments = [adjust(5), adjust(-2), adjust(-10_000), bench.call<any>('catalog', OPERATOR, 'adjustStock', { skuId: 'sku-cake', delta: 4, reason: '到货', requestId: newRequestId() })];
    const flashSale = (async () => {
      const sale = await bench.createSale({ skuId: 'sku-tea-s', quantity: 10 });
      await bench.fsOk(OPERATOR, 'stop', { saleId: sale.saleId });
    })();
    const [saleResults, cancelResults, , adjustResults] = await Promise.all([
      Promise.all(sales),
      Promise.all(cancels),
      Promise.all(refunds),
      Promise.all(adjustments),
      flashSale,
    ]);

    for (const r of cancelResults) expect(codeOf(r)).toBe('OK');
    // sku-tea-l: 10 − 6 placed before, +3 cancelled, +3 refunded, ±adjustments: every sale either got a unit or OUT_OF_STOCK.
    for (const r of saleResults) expect(['OK', 'OUT_OF_STOCK']).toContain(codeOf(r));
    // −2 may meet a SKU the sales have emptied: then it is refused, never taken below zero.
    expect(codeOf(adjustResults[0]!)).toBe('OK');
    expect(['OK', 'STOCK_NEGATIVE']).toContain(codeOf(adjustResults[1]!));
    expect(codeOf(adjustResults[2]!)).toBe('STOCK_NEGATIVE');
    expect(codeOf(adjustResults[3]!)).toBe('OK');
    for (const { orderId } of toRefund) expect((await bench.order(orderId)).status).toBe('REFUNDED');

    await expectInvariant({ 'sku-tea-l': 5 + (adjustResults[1]!.ok ? -2 : 0), 'sku-cake': 4 });

    const kinds = new Set((await entries()).map((e) => e.kind));
    expect([...kinds].sort()).toEqual(['adjust', 'cancel', 'flashsale_allocate', 'flashsale_return', 'initial', 'refund', 'sale']);
    // A refunded order's entries name it: sale then refund, one each per SKU.
    const refunded = (await entries('sku-tea-s')).filter((e) => e.orderId === toRefund[0]!.orderId);
    expect(refunded.map((e) => [e.kind, e.delta]).sort()).toEqual([['refund', 2], ['sale', -2]]);
  });

  it('an order expired by the sweep gives its units back once, with a cancel entry', async () => {
    const placed = await place('u1', [{ skuId: 'sku-cake', quantity: 2 }]);
    bench.clock.advance(16 * 60_000);
    await Promise.all([bench.timer('order', 'sweep'), bench.timer('order', 'sweep')]);
    expect((await bench.order(placed.data._id)).status).toBe('CANCELLED');
    const cake = await entries('sku-cake');
    expect(cake.filter((e) => e.kind === 'cancel')).toMatchObject([{ delta: 2, orderId: placed.data._id }]);
    await expectInvariant();
  });

  it('a flash sale edited and settled writes its allocation, return and settle entries', async () => {
    const sale = await bench.createSale({ skuId: 'sku-tea-s', quantity: 10, startAt: bench.clock() + 60 * 60_000, endAt: bench.clock() + 2 * 60 * 60_000 });
    await bench.fsOk(OPERATOR, 'update', { saleId: sale.saleId, quantity: 6 });
    await bench.fsOk(OPERATOR, 'update', { saleId: sale.saleId, quantity: 8 });
    expect(await bench.sku('sku-tea-s')).toMatchObject({ stock: 92, sold: 8 });
    bench.clock.advance(3 * 60 * 60_000);
    await Promise.all([bench.settle(), bench.settle()]);
    const tea = (await entries('sku-tea-s')).filter((e) => e.kind !== 'initial');
    expect(tea.map((e) => [e.kind, e.delta]).sort()).toEqual([
      ['flashsale_allocate', -10],
      ['flashsale_allocate', -2],
      ['flashsale_return', 4],
      ['flashsale_return', 8],
    ]);
    expect(await bench.sku('sku-tea-s')).toMatchObject({ stock: 100, sold: 0 });
    await expectInvariant();
  });

  it('flash-sale orders: a refund gives its unit to the SKU, a cancel after the sale settled too, each with its order entry', async () => {
    const sale = await bench.createSale({ skuId: 'sku-tea-s', quantity: 4 });
    const refunded = await bench.fsOk('u1', 'buy', { saleId: sale.saleId, requestId: newRequestId(), fulfillment: PICKUP });
    await payOrder('u1', refunded.orderId);
    await refundThroughExistingPaths('u1', refunded.orderId);
    expect((await bench.order(refunded.orderId)).status).toBe('REFUNDED');
    const unpaid = await bench.fsOk('u2', 'buy', { saleId: sale.saleId, requestId: newRequestId(), fulfillment: PICKUP });
    await bench.fsOk(OPERATOR, 'stop', { saleId: sale.saleId });
    await bench.ok('order', 'u2', 'cancel', { orderId: unpaid.orderId });

    const tea = await entries('sku-tea-s');
    expect(tea.filter((e) => e.orderId).map((e) => [e.kind, e.delta, e.orderId]).sort()).toEqual(
      [['cancel', 1, unpaid.orderId], ['refund', 1, refunded.orderId]].sort(),
    );
    expect(await bench.sku('sku-tea-s')).toMatchObject({ stock: 100, sold: 0 });
    await expectInvariant();
  });

  it('adjustStock: a replay answers the first adjustment, another input is IDEMPOTENCY_KEY_REUSED, below zero is refused', async () => {
    const requestId = newRequestId();
    const input = { skuId: 'sku-tea-l', delta: -3, reason: '破损', requestId };
    const replays = await Promise.all([1, 2, 3].map(() => bench.call<any>('catalog', OPERATOR, 'adjustStock', input)));
    for (const r of replays) expect(r).toMatchObject({ ok: true, data: { sku: { skuId: 'sku-tea-l', stock: 7 }, entry: { kind: 'adjust', label: '人工调整', delta: -3, reason: '破损' } } });
    expect((await entries('sku-tea-l')).filter((e) => e.kind === 'adjust')).toHaveLength(1);
    expect(await bench.sku('sku-tea-l')).toMatchObject({ stock: 7, sold: 0 });

    expect(await bench.call('catalog', OPERATOR, 'adjustStock', { ...input, delta: -4 })).toMatchObject({ ok: false, error: { code: 'IDEMPOTENCY_KEY_REUSED' } });
    expect(await adjust(-8)).toMatchObject({ ok: false, error: { code: 'STOCK_NEGATIVE' } });
    expect(await adjust(-7)).toMatchObject({ ok: true, data: { sku: { stock: 0 } } });
    expect(await bench.call('catalog', OPERATOR, 'adjustStock', { skuId: 'sku-missing', delta: 1, reason: '盘点', requestId: newRequestId() })).toMatchObject({
      ok: false,
      error: { code: 'SKU_NOT_FOUND' },
    });
    expect(await adjust(0)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await adjust(1, { reason: '   ' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await adjust(1, { reason: 'x'.repeat(101) })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await bench.sku('sku-tea-l')).toMatchObject({ stock: 0, sold: 0 });

    const audits = (await bench.db.collection<{ action: string; result: string; target: string }>('staff_audit').where({ action: 'adjustStock' }).limit(100).get()).data;
    // One entry per adjustment made (the replays add none) and per refusal the service decided.
    expect(audits.map((a) => a.result).sort()).toEqual(['SKU_NOT_FOUND', 'STOCK_NEGATIVE', 'ok', 'ok']);
    await expectInvariant({ 'sku-tea-l': -10 });
  });

  it('stockLedger pages newest first with order links; lowStock lists SKUs at or under the threshold in settings', async () => {
    for (let i = 0; i < STOCK_LEDGER_PAGE_SIZE + 3; i += 1) {
      bench.clock.advance(1000);
      expect(codeOf(await bench.call('catalog', OPERATOR, 'adjustStock', { skuId: 'sku-tea-s', delta: 1, reason: `第${i}次`, requestId: newRequestId() }))).toBe('OK');
    }
    bench.clock.advance(1000);
    const placed = await place('u1', [{ skuId: 'sku-tea-s', quantity: 1 }]);

    const first = await bench.ok('catalog', OPERATOR, 'stockLedger', { skuId: 'sku-tea-s' });
    expect(first.sku).toMatchObject({ skuId: 'sku-tea-s', productName: '乌龙茶', stock: 122 });
    expect(first.entries).toHaveLength(STOCK_LEDGER_PAGE_SIZE);
    expect(first.entries[0]).toMatchObject({ kind: 'sale', label: '销售', delta: -1, orderId: placed.data._id });
    expect(first.entries[1]).toMatchObject({ kind: 'adjust', reason: `第${STOCK_LEDGER_PAGE_SIZE + 2}次` });
    const second = await bench.ok('catalog', OPERATOR, 'stockLedger', { skuId: 'sku-tea-s', cursor: first.nextCursor });
    expect(second.nextCursor).toBeNull();
    const all = [...first.entries, ...second.entries];
    expect(all).toHaveLength(STOCK_LEDGER_PAGE_SIZE + 5);
    expect(new Set(all.map((e: { id: string }) => e.id)).size).toBe(all.length);
    expect(all[all.length - 1]).toMatchObject({ kind: 'initial', label: '初始库存', delta: 100 });
    expect(await bench.call('catalog', OPERATOR, 'stockLedger', { skuId: 'sku-tea-s', cursor: 'garbage' })).toMatchObject({ ok: false, error: { code: 'CURSOR_INVALID' } });
    expect(await bench.call('catalog', OPERATOR, 'stockLedger', { skuId: 'nope' })).toMatchObject({ ok: false, error: { code: 'SKU_NOT_FOUND' } });

    // Default threshold 10: sku-nut (0), sku-cake (5), sku-tea-l (10).
    const low = await bench.ok('catalog', OPERATOR, 'lowStock', {});
    expect(low.threshold).toBe(10);
    expect(low.items.map((i: { skuId: string }) => i.skuId)).toEqual(['sku-nut', 'sku-cake', 'sku-tea-l']);
    await bench.db.collection('settings').doc('stock').set({ lowStockThreshold: 5 });
    expect((await bench.ok('catalog', OPERATOR, 'lowStock', {})).items.map((i: { skuId: string }) => i.skuId)).toEqual(['sku-nut', 'sku-cake']);
  });

  it('refuses customers and staff (FORBIDDEN)', async () => {
    for (const who of ['u1', STAFF]) {
      expect(await bench.call('catalog', who, 'adjustStock', { skuId: 'sku-tea-l', delta: 1, reason: '盘点', requestId: newRequestId() })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      expect(await bench.call('catalog', who, 'stockLedger', { skuId: 'sku-tea-l' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await bench.call('catalog', who, 'lowStock', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await bench.sku('sku-tea-l')).toMatchObject({ stock: 10 });
  });
});

describe('the demo seed', () => {
  it('writes ledger entries so that every seeded SKU has stock = Σ entries from the start', () => {
    const documents = demoDocuments(Date.UTC(2025, 0, 6));
    const skus = new Map((documents.skus ?? []).map((sku) => [sku._id, sku]));
    const ledger = documents.stock_ledger ?? [];
    expect(skus.size).toBeGreaterThan(0);
    for (const [skuId, sku] of skus) {
      const sum = ledger.filter((e) => e.skuId === skuId).reduce((total, e) => total + Number(e.delta), 0);
      expect({ skuId, stock: sku.stock }).toEqual({ skuId, stock: sum });
    }
    expect(ledger.some((e) => e.kind === 'flashsale_allocate')).toBe(true);
    expect(new Set(ledger.map((e) => e._id)).size).toBe(ledger.length);
  });
});
