import { seedShop, startBench, type Bench } from './order-harness';

describe('catalog', () => {
  let bench: Bench;
  beforeEach(async () => {
    bench = startBench();
    await seedShop(bench.db);
    await bench.db.collection('banners').doc('b2').set({ image: 'b2.png', title: '新品', link: '/pages/product/index?id=p-cake', sort: 2 });
    await bench.db.collection('banners').doc('b1').set({ image: 'b1.png', title: '开业', sort: 1 });
    await bench.db.collection('banners').doc('b0').set({ image: 'b0.png', title: '下线', sort: 0, active: false });
  });
  afterEach(() => bench.close());

  it('lists categories by sort order', async () => {
    expect(await bench.ok('catalog', 'u1', 'categories')).toEqual([
      { _id: 'cat-tea', name: '茶饮', sort: 1, icon: null },
      { _id: 'cat-snack', name: '零食', sort: 2, icon: null },
    ]);
  });

  it('lists on-sale products by category, paged, with the lowest SKU price and sold-out flag', async () => {
    const all = await bench.ok('catalog', 'u1', 'listProducts', {});
    expect(all.items.map((p: { _id: string }) => p._id)).toEqual(['p-tea', 'p-cake', 'p-nut']);
    expect(all.items[0]).toEqual({ _id: 'p-tea', name: '乌龙茶', subtitle: '', categoryId: 'cat-tea', image: 'tea.png', price: 2900, listPrice: 3900, soldOut: false });
    expect(all.items[2]).toMatchObject({ _id: 'p-nut', soldOut: true, image: null });
    expect(all.hasMore).toBe(false);

    const snacks = await bench.ok('catalog', 'u1', 'listProducts', { categoryId: 'cat-snack', pageSize: 1 });
    expect(snacks).toMatchObject({ page: 0, pageSize: 1, hasMore: true });
    expect(snacks.items.map((p: { _id: string }) => p._id)).toEqual(['p-cake']);
    const next = await bench.ok('catalog', 'u1', 'listProducts', { categoryId: 'cat-snack', pageSize: 1, page: 1 });
    expect(next.items.map((p: { _id: string }) => p._id)).toEqual(['p-nut']);
    expect(next.hasMore).toBe(false);
    expect((await bench.ok('catalog', 'u1', 'listProducts', { categoryId: 'cat-tea' })).items.map((p: { _id: string }) => p._id)).toEqual(['p-tea']);
  });

  it('shows a product with its SKUs (price, stock, soldOut)', async () => {
    const detail = await bench.ok('catalog', 'u1', 'productDetail', { productId: 'p-tea' });
    expect(detail).toMatchObject({ _id: 'p-tea', images: ['tea.png'], description: '清香', price: 2900, soldOut: false });
    expect(detail.skus).toEqual([
      { _id: 'sku-tea-s', name: 'sku-tea-s 规格', price: 2900, stock: 100, soldOut: false },
      { _id: 'sku-tea-l', name: 'sku-tea-l 规格', price: 3900, stock: 10, soldOut: false },
    ]);
    expect((await bench.ok('catalog', 'u1', 'productDetail', { productId: 'p-nut' })).skus[0]).toMatchObject({ stock: 0, soldOut: true });
    expect(await bench.call('catalog', 'u1', 'productDetail', { productId: 'p-old' })).toMatchObject({ ok: false, error: { code: 'PRODUCT_OFF_SALE' } });
    expect(await bench.call('catalog', 'u1', 'productDetail', { productId: 'p-none' })).toMatchObject({ ok: false, error: { code: 'PRODUCT_NOT_FOUND' } });
    expect(await bench.call('catalog', 'u1', 'productDetail', {})).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('home: enabled banners in order, featured products (flagged ones when any)', async () => {
    let home = await bench.ok('catalog', 'u1', 'home');
    expect(home.banners).toEqual([
      { _id: 'b1', image: 'b1.png', title: '开业', subtitle: '', link: null },
      { _id: 'b2', image: 'b2.png', title: '新品', subtitle: '', link: '/pages/product/index?id=p-cake' },
    ]);
    expect(home.featured.map((p: { _id: string }) => p._id)).toEqual(['p-tea', 'p-cake', 'p-nut']);
    await bench.db.collection('products').doc('p-cake').update({ featured: true });
    home = await bench.ok('catalog', 'u1', 'home');
    expect(home.featured.map((p: { _id: string }) => p._id)).toEqual(['p-cake']);
  });

  it('refuses callers without an openid', async () => {
    const { createFunction } = await import('../../src/server/kit');
    const { catalogRoutes } = await import('../../src/server/services/catalog/routes');
    const answer = await createFunction(catalogRoutes)({ action: 'home', data: {} }, { environ: '' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
