import { explainQueryPlan, recordingQueries } from '../../src/server/local/db/explain';
import { ensureSearchIndex, rebuildSearchIndex } from '../../src/server/services/catalog/search-index';
import { searchProducts, searchSuggest } from '../../src/server/services/catalog/search';
import { newRequestId, seedShop, startBench, type Bench } from './order-harness';

const OPS = 'ops-1';
const ids = (page: { items: Array<{ _id: string }> }) => page.items.map((p) => p._id);

describe('catalog search: name and keywords through the product_search index', () => {
  let bench: Bench;
  beforeEach(async () => {
    bench = startBench();
    await seedShop(bench.db);
    await bench.db.collection('products').doc('p-tea').update({ keywords: ['台湾茶', 'Oolong'] });
    await rebuildSearchIndex(bench.db);
    await bench.grantOperator(OPS);
  });
  afterEach(() => bench.close());

  it('finds on-sale products by a part of the name, a keyword (any case, full-width) or the category, never an off-sale one', async () => {
    expect(ids(await bench.ok('catalog', 'u1', 'searchProducts', { q: '乌龙' }))).toEqual(['p-tea']);
    expect(ids(await bench.ok('catalog', 'u1', 'searchProducts', { q: 'ＯＯＬＯＮＧ' }))).toEqual(['p-tea']);
    expect(ids(await bench.ok('catalog', 'u1', 'searchProducts', { q: '台湾' }))).toEqual(['p-tea']);
    // 零食 is the category of 月饼 and 坚果, in shelf order.
    expect(ids(await bench.ok('catalog', 'u1', 'searchProducts', { q: '零食' }))).toEqual(['p-cake', 'p-nut']);
    // 旧款 is OFF_SALE: not indexed, not found.
    const none = await bench.ok('catalog', 'u1', 'searchProducts', { q: '旧款' });
    expect(none.items).toEqual([]);
    // Nothing found: popular products come along so the page offers something.
    expect(none.popular.map((p: { _id: string }) => p._id)).toEqual(['p-tea', 'p-cake', 'p-nut']);
    // Several words must all match; a word longer than a term is matched whole.
    expect(ids(await bench.ok('catalog', 'u1', 'searchProducts', { q: '乌龙 台湾茶' }))).toEqual(['p-tea']);
    expect(ids(await bench.ok('catalog', 'u1', 'searchProducts', { q: '乌龙 坚果' }))).toEqual([]);
    expect(ids(await bench.ok('catalog', 'u1', 'searchProducts', { q: '台湾乌龙茶王' }))).toEqual([]);
    expect(await bench.call('catalog', 'u1', 'searchProducts', { q: '  ' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('suggests product names while typing', async () => {
    expect((await bench.ok('catalog', 'u1', 'searchSuggest', { q: '坚' })).items).toEqual([{ productId: 'p-nut', name: '坚果' }]);
  });

  it('follows the operator: a published product is found, an unpublished or renamed one drops its terms', async () => {
    const created = await bench.ok('catalog', OPS, 'saveProduct', {
      requestId: newRequestId(),
      name: '桂花乌龙',
      categoryId: 'cat-tea',
      images: ['cloud://local.siyu/products/osmanthus.png'],
      skus: [{ spec: { 规格: '小罐' }, priceFen: 5900, stock: 20 }],
    });
    expect(ids(await bench.ok('catalog', 'u1', 'searchProducts', { q: '桂花' }))).toEqual([]);
    await bench.ok('catalog', OPS, 'setProductStatus', { productId: created.productId, status: 'ON_SALE' });
    expect(ids(await bench.ok('catalog', 'u1', 'searchProducts', { q: '桂花' }))).toEqual([created.productId]);
    await bench.ok('catalog', OPS, 'saveProduct', {
      productId: created.productId,
      name: '金桂乌龙',
      categoryId: 'cat-tea',
      images: ['cloud://local.siyu/products/osmanthus.png'],
      skus: [{ spec: { 规格: '小罐' }, priceFen: 5900, stock: 20 }],
    });
    expect(ids(await bench.ok('catalog', 'u1', 'searchProducts', { q: '桂花' }))).toEqual([]);
    expect(ids(await bench.ok('catalog', 'u1', 'searchProducts', { q: '金桂' }))).toEqual([created.productId]);
    await bench.ok('catalog', OPS, 'setProductStatus', { productId: created.productId, status: 'OFF_SALE' });
    expect(ids(await bench.ok('catalog', 'u1', 'searchProducts', { q: '金桂' }))).toEqual([]);
    expect((await bench.db.collection('product_search').where({ productId: created.productId }).count()).total).toBe(0);
  });

  it('reads product_search by its term index, never a scan', async () => {
    const recorded = recordingQueries(bench.db);
    await searchProducts(recorded.db, { q: '乌龙 台湾', page: 0, pageSize: 20 });
    await searchSuggest(recorded.db, { q: '坚' });
    const reads = recorded.queries.filter((read) => read.collection === 'product_search');
    expect(reads).toHaveLength(2);
    for (const read of reads) expect(explainQueryPlan(bench.db, read.collection, read.query).index).toBe('term_sort');
  });

  it('rebuilds the terms at start-up for a data directory seeded before search existed, and only then', async () => {
    await bench.db.collection('product_search').where({ productId: bench.db.command.exists(true) }).remove();
    expect(ids(await bench.ok('catalog', 'u1', 'searchProducts', { q: '乌龙' }))).toEqual([]);
    expect(await ensureSearchIndex(bench.db)).toBeGreaterThan(0);
    expect(ids(await bench.ok('catalog', 'u1', 'searchProducts', { q: '乌龙' }))).toEqual(['p-tea']);
    expect(await ensureSearchIndex(bench.db)).toBe(0);
  });
});
