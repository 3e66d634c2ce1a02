import { DELIVERY, newRequestId, seedShop, startBench, type Bench } from './order-harness';

const OPS = 'ops-1';
const STAFF = 'staff-1';

describe('catalog: the operator manages products and categories', () => {
  let bench: Bench;
  beforeEach(async () => {
    bench = startBench();
    await seedShop(bench.db);
    await bench.grantOperator(OPS);
    await bench.db.collection('roles').doc(STAFF).set({ roles: ['staff'], staffStoreIds: ['store-demo'], updatedAt: bench.clock() });
  });
  afterEach(() => bench.close());

  const product = (over: Record<string, unknown> = {}) => ({
    name: '桂花乌龙',
    categoryId: 'cat-tea',
    images: ['cloud://local.siyu/products/osmanthus.png'],
    detail: '高山乌龙\n桂花窨制',
    detailImages: ['cloud://local.siyu/products/osmanthus-detail.png'],
    skus: [
      { spec: { 规格: '小罐', 包装: '礼盒' }, priceFen: 5900, listPriceFen: 6900, stock: 20 },
      { spec: { 规格: '大罐', 包装: '礼盒' }, priceFen: 9900, stock: 5 },
    ],
    ...over,
  });
  const save = (input: Record<string, unknown>, openid = OPS) => bench.call<any>('catalog', openid, 'saveProduct', input);
  const codeOf = (envelope: any): string => (envelope.ok ? 'OK' : envelope.error.code);
  const fieldsOf = (envelope: any): string[] => (envelope.ok ? [] : (envelope.error.details?.fields ?? []).map((f: any) => f.path).sort());
  const ledger = async (skuId: string) =>
    ((await bench.db.collection('stock_ledger').where({ skuId }).limit(100).get()).data as any[]).sort((a, b) => a.at - b.at || a._id.localeCompare(b._id));
  const audits = async (action: string) => (await bench.db.collection('staff_audit').where({ action }).limit(100).get()).data as any[];

  it('creates a product OFF_SALE and invisible to customers; publishing makes it visible and buyable', async () => {
    const created = await bench.ok('catalog', OPS, 'saveProduct', { ...product(), requestId: newRequestId() });
    expect(created.skuIds).toHaveLength(2);
    const ops = await bench.ok('catalog', OPS, 'opsProduct', { productId: created.productId });
    expect(ops).toMatchObject({ name: '桂花乌龙', status: 'OFF_SALE', specNames: ['规格', '包装'], detail: '高山乌龙\n桂花窨制' });
    expect(ops.skus.map((s: any) => [s.spec, s.priceFen, s.listPriceFen, s.stock])).toEqual([
      [{ 规格: '小罐', 包装: '礼盒' }, 5900, 6900, 20],
      [{ 规格: '大罐', 包装: '礼盒' }, 9900, null, 5],
    ]);
    // Stock came through the ledger, one 'initial' entry per SKU.
    expect((await ledger(created.skuIds[0])).map((e) => [e.kind, e.delta])).toEqual([['initial', 20]]);

    const list = await bench.ok('catalog', 'u1', 'listProducts', { categoryId: 'cat-tea' });
    expect(list.items.map((p: any) => p._id)).not.toContain(created.productId);
    expect(codeOf(await bench.call('catalog', 'u1', 'productDetail', { productId: created.productId }))).toBe('PRODUCT_OFF_SALE');
    expect(codeOf(await bench.call('order', 'u1', 'quote', { items: [{ skuId: created.skuIds[0], quantity: 1 }], fulfillment: DELIVERY }))).toBe('PRODUCT_OFF_SALE');

    expect(await bench.ok('catalog', OPS, 'setProductStatus', { productId: created.productId, status: 'ON_SALE' })).toEqual({ productId: created.productId, status: 'ON_SALE' });
    const detail = await bench.ok('catalog', 'u1', 'productDetail', { productId: created.productId });
    expect(detail).toMatchObject({ name: '桂花乌龙', price: 5900, listPrice: 6900, images: ['cloud://local.siyu/products/osmanthus.png'], detailImages: ['cloud://local.siyu/products/osmanthus-detail.png'] });
    expect(detail.skus.map((s: any) => s.name)).toEqual(['小罐 / 礼盒', '大罐 / 礼盒']);
    const order = await bench.ok('order', 'u1', 'create', { items: [{ skuId: created.skuIds[1], quantity: 2 }], fulfillment: DELIVERY, requestId: newRequestId() });
    expect(order.items[0]).toMatchObject({ productName: '桂花乌龙', skuName: '大罐 / 礼盒', unitPrice: 9900 });
    expect(await bench.sku(created.skuIds[1])).toMatchObject({ stock: 3, sold: 2 });

    // Unpublishing takes it off the shelf again.
    await bench.ok('catalog', OPS, 'setProductStatus', { productId: created.productId, status: 'OFF_SALE' });
    expect(codeOf(await bench.call('catalog', 'u1', 'productDetail', { productId: created.productId }))).toBe('PRODUCT_OFF_SALE');
    expect((await audits('saveProduct')).map((a) => [a.staffOpenid, a.target, a.result, a.storeId])).toEqual([[OPS, created.productId, 'ok', '']]);
    expect(await audits('setProductStatus')).toHaveLength(2);
  });

  it('editing the price of a published product keeps placed orders at their price; a new quote uses the new one', async () => {
    const created = await bench.ok('catalog', OPS, 'saveProduct', product());
    await bench.ok('catalog', OPS, 'setProductStatus', { productId: created.productId, status: 'ON_SALE' });
    const order = await bench.ok('order', 'u1', 'create', { items: [{ skuId: created.skuIds[0], quantity: 2 }], fulfillment: DELIVERY, requestId: newRequestId() });
    expect(order.amounts).toMatchObject({ itemsTotal: 11800 });

    const edit = await bench.ok('catalog', OPS, 'opsProduct', { productId: created.productId });
    const skus = edit.skus.map((s: any) => ({ skuId: s.skuId, spec: s.spec, priceFen: s.priceFen === 5900 ? 4900 : s.priceFen, stock: s.stock }));
    expect(await bench.ok('catalog', OPS, 'saveProduct', { ...product(), productId: created.productId, skus })).toEqual(created);

    const again = await bench.ok('order', 'u1', 'get', { orderId: order._id });
    expect(again.items[0].unitPrice).toBe(5900);
    expect(again.amounts).toEqual(order.amounts);
    const quote = await bench.ok('order', 'u1', 'quote', { items: [{ skuId: created.skuIds[0], quantity: 2 }], fulfillment: DELIVERY });
    expect(quote.items[0].unitPrice).toBe(4900);
    expect(quote.amounts.itemsTotal).toBe(9800);
  });

  it('an edit moves stock by its difference in the ledger, and a removed SKU goes off sale instead of away', async () => {
    const created = await bench.ok('catalog', OPS, 'saveProduct', product());
    await bench.ok('catalog', OPS, 'setProductStatus', { productId: created.productId, status: 'ON_SALE' });
    const [small, large] = created.skuIds;
    bench.clock.advance(1000);
    await bench.ok('order', 'u1', 'create', { items: [{ skuId: small, quantity: 3 }], fulfillment: DELIVERY, requestId: newRequestId() });
    expect(await bench.sku(small)).toMatchObject({ stock: 17 });

    // The operator sets 30 (from 17 now) and leaves the large SKU out; adds a new one.
    bench.clock.advance(1000);
    const result = await bench.ok('catalog', OPS, 'saveProduct', {
      ...product(),
      productId: created.productId,
      skus: [
        { skuId: small, spec: { 规格: '小罐', 包装: '礼盒' }, priceFen: 5900, stock: 30 },
        { spec: { 规格: '小罐', 包装: '简装' }, priceFen: 4900, stock: 8 },
      ],
    });
    expect(result.skuIds[0]).toBe(small);
    expect(result.skuIds).not.toContain(large);
    expect(await bench.sku(small)).toMatchObject({ stock: 30, sold: 3 });
    const entries = await ledger(small);
    expect(entries.map((e) => [e.kind, e.delta])).toEqual([['initial', 20], ['sale', -3], ['edit', 13]]);
    expect(entries.reduce((sum, e) => sum + e.delta, 0)).toBe(30);
    expect((await ledger(result.skuIds[1])).map((e) => [e.kind, e.delta])).toEqual([['initial', 8]]);

    const removed = (await bench.db.collection('skus').doc(large).get()).data[0] as any;
    expect(removed).toMatchObject({ offSale: true, stock: 5 });
    const detail = await bench.ok('catalog', 'u1', 'productDetail', { productId: created.productId });
    expect(detail.skus.map((s: any) => s._id)).toEqual([small, result.skuIds[1]]);
    expect(codeOf(await bench.call('order', 'u1', 'quote', { items: [{ skuId: large, quantity: 1 }], fulfillment: DELIVERY }))).toBe('SKU_NOT_FOUND');
    expect((await bench.ok('catalog', OPS, 'opsProduct', { productId: created.productId })).skus).toHaveLength(2);

    // Putting the removed spec back brings the same SKU back on sale (its stock carried by an 'edit' entry).
    const back = await bench.ok('catalog', OPS, 'saveProduct', { ...product(), productId: created.productId });
    expect(back.skuIds).toEqual([small, large]);
    expect(await bench.sku(large)).toMatchObject({ stock: 5 });
    expect((await bench.db.collection('skus').doc(large).get()).data[0]).toMatchObject({ offSale: false });
  });

  it('refuses bad input with clear codes and writes nothing', async () => {
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ name: '  ' }, ['name']],
      [{ name: 'x'.repeat(61) }, ['name']],
      [{ images: [] }, ['images']],
      [{ images: ['javascript:alert(1)'] }, ['images.0']],
      [{ skus: [] }, ['skus']],
      [{ skus: [{ spec: { 规格: '小罐' }, priceFen: 0, stock: 1 }] }, ['skus.0.priceFen']],
      [{ skus: [{ spec: { 规格: '小罐' }, priceFen: 500, listPriceFen: 400, stock: 1 }] }, ['skus.0.listPriceFen']],
      [{ skus: [{ spec: { 规格: '小罐' }, priceFen: 500, stock: -1 }] }, ['skus.0.stock']],
      [{ skus: [{ spec: { 规格: '小罐' }, priceFen: 500, stock: 1.5 }] }, ['skus.0.stock']],
      [{ skus: [{ spec: { 规格: '小罐' }, priceFen: 500, stock: 1 }, { spec: { 规格: '小罐' }, priceFen: 600, stock: 1 }] }, ['skus.1.spec']],
      [{ skus: [{ spec: { 规格: '小罐' }, priceFen: 500, stock: 1 }, { spec: { 颜色: '红' }, priceFen: 600, stock: 1 }] }, ['skus.1.spec']],
    ];
    for (const [over, fields] of cases) {
      const envelope = await save(product(over));
      expect({ over, code: codeOf(envelope), fields: fieldsOf(envelope) }).toEqual({ over, code: 'INVALID_ARGUMENT', fields });
    }
    const duplicate = await save(product({ skus: [{ spec: { 规格: '小罐' }, priceFen: 500, stock: 1 }, { spec: { 规格: '小罐' }, priceFen: 600, stock: 1 }] }));
    expect((duplicate as any).error.details.fields[0].reason).toBe('DUPLICATE_SPEC');
    expect(codeOf(await save(product({ categoryId: 'cat-none' })))).toBe('CATEGORY_NOT_FOUND');
    expect(codeOf(await save({ ...product(), productId: 'p-none' }))).toBe('PRODUCT_NOT_FOUND');
    expect(codeOf(await save({ ...product(), productId: 'p-tea', skus: [{ skuId: 'sku-cake', spec: {}, priceFen: 100, stock: 1 }] }))).toBe('SKU_NOT_FOUND');
    expect(codeOf(await bench.call('catalog', OPS, 'setProductStatus', { productId: 'p-none', status: 'ON_SALE' }))).toBe('PRODUCT_NOT_FOUND');
    expect(codeOf(await bench.call('catalog', OPS, 'setProductStatus', { productId: 'p-tea', status: 'SOLD' }))).toBe('INVALID_ARGUMENT');
    expect(await bench.count('products')).toBe(4);
    expect(await bench.count('skus')).toBe(5);
    expect(await bench.count('stock_ledger')).toBe(0);
  });

  it('customers and staff are FORBIDDEN from every operator action', async () => {
    const actions: Array<[string, Record<string, unknown>]> = [
      ['saveProduct', product()],
      ['setProductStatus', { productId: 'p-tea', status: 'OFF_SALE' }],
      ['opsProducts', {}],
      ['opsProduct', { productId: 'p-tea' }],
      ['saveCategory', { name: '新分类' }],
      ['sortCategories', { categoryIds: ['cat-snack', 'cat-tea'] }],
      ['opsCategories', {}],
    ];
    for (const openid of ['u1', STAFF]) {
      for (const [action, data] of actions) {
        expect({ openid, action, code: codeOf(await bench.call('catalog', openid, action, data)) }).toEqual({ openid, action, code: 'FORBIDDEN' });
      }
    }
    expect(await bench.count('products')).toBe(4);
    expect(await bench.count('staff_audit')).toBe(0);
  });

  it('two concurrent creates with one requestId make one product; another input with it is IDEMPOTENCY_KEY_REUSED', async () => {
    const requestId = newRequestId();
    const [a, b] = await Promise.all([save({ ...product(), requestId }), save({ ...product(), requestId })]);
    expect(a.ok && b.ok).toBe(true);
    expect((a as any).data).toEqual((b as any).data);
    expect(await bench.count('products')).toBe(5);
    expect(await bench.count('skus')).toBe(7);
    expect(await bench.count('stock_ledger')).toBe(2);
    expect(await audits('saveProduct')).toHaveLength(1);
    expect(codeOf(await save({ ...product({ name: '另一款' }), requestId }))).toBe('IDEMPOTENCY_KEY_REUSED');
    // Without a requestId each create is its own product.
    await bench.ok('catalog', OPS, 'saveProduct', product());
    expect(await bench.count('products')).toBe(6);
  });

  it('lists products by tab with search, price range and total stock', async () => {
    const created = await bench.ok('catalog', OPS, 'saveProduct', product());
    bench.clock.advance(1000);
    const all = await bench.ok('catalog', OPS, 'opsProducts', {});
    expect(all.counts).toEqual({ ON_SALE: 3, OFF_SALE: 2, all: 5 });
    expect(all.items[0]).toMatchObject({ productId: created.productId, status: 'OFF_SALE', categoryName: '茶饮', minPriceFen: 5900, maxPriceFen: 9900, totalStock: 25, skuCount: 2 });
    const offSale = await bench.ok('catalog', OPS, 'opsProducts', { status: 'OFF_SALE' });
    expect(offSale.items.map((p: any) => p.name).sort()).toEqual(['旧款', '桂花乌龙'].sort());
    const searched = await bench.ok('catalog', OPS, 'opsProducts', { keyword: '乌龙' });
    expect(searched.items.map((p: any) => p.name).sort()).toEqual(['乌龙茶', '桂花乌龙'].sort());
    const paged = await bench.ok('catalog', OPS, 'opsProducts', { pageSize: 2 });
    expect(paged).toMatchObject({ hasMore: true });
    expect(paged.items).toHaveLength(2);
    // A seeded SKU without spec values shows its name as the 规格 value.
    const tea = await bench.ok('catalog', OPS, 'opsProduct', { productId: 'p-tea' });
    expect(tea.specNames).toEqual(['规格']);
    expect(tea.skus[0]).toMatchObject({ skuId: 'sku-tea-s', spec: { 规格: 'sku-tea-s 规格' }, priceFen: 2900, stock: 100 });
  });

  it('creates, renames and sorts categories, audited; unknown ones are CATEGORY_NOT_FOUND', async () => {
    const requestId = newRequestId();
    const [one, two] = await Promise.all([
      bench.ok('catalog', OPS, 'saveCategory', { name: '茶器', requestId }),
      bench.ok('catalog', OPS, 'saveCategory', { name: '茶器', requestId }),
    ]);
    expect(one).toEqual(two);
    expect(await bench.count('categories')).toBe(3);
    let list = await bench.ok('catalog', OPS, 'opsCategories', {});
    expect(list.map((c: any) => [c.name, c.productCount])).toEqual([['茶饮', 2], ['零食', 2], ['茶器', 0]]);

    await bench.ok('catalog', OPS, 'saveCategory', { categoryId: one.categoryId, name: '茶具' });
    expect(await bench.ok('catalog', OPS, 'sortCategories', { categoryIds: [one.categoryId, 'cat-snack'] })).toEqual({ categoryIds: [one.categoryId, 'cat-snack', 'cat-tea'] });
    list = await bench.ok('catalog', OPS, 'opsCategories', {});
    expect(list.map((c: any) => [c.name, c.sort])).toEqual([['茶具', 10], ['零食', 20], ['茶饮', 30]]);
    const customer = await bench.ok('catalog', 'u1', 'categories', {});
    expect(customer.map((c: any) => c.name)).toEqual(['茶具', '零食', '茶饮']);

    expect(codeOf(await bench.call('catalog', OPS, 'saveCategory', { categoryId: 'cat-none', name: 'x' }))).toBe('CATEGORY_NOT_FOUND');
    expect(codeOf(await bench.call('catalog', OPS, 'sortCategories', { categoryIds: ['cat-none'] }))).toBe('CATEGORY_NOT_FOUND');
    expect(codeOf(await bench.call('catalog', OPS, 'sortCategories', { categoryIds: ['cat-tea', 'cat-tea'] }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(await bench.call('catalog', OPS, 'saveCategory', { name: '' }))).toBe('INVALID_ARGUMENT');
    expect(await audits('saveCategory')).toHaveLength(2);
    expect(await audits('sortCategories')).toHaveLength(1);
  });
});
