import { seedDemoData } from '../../src/server/local/seed';
import { DEMO_PRODUCTS } from '../../src/server/local/seed/catalog';
import { codeOf, rid, startFlashSaleBench, type FlashSaleBench } from './flashsale-harness';

// Each file seeds the demo shop with its year of history (about 10–30 s on 2 busy cores).
jest.setTimeout(120_000);

describe('flash sale: demo seed', () => {
  let bench: FlashSaleBench;
  beforeEach(async () => {
    bench = startFlashSaleBench();
    await seedDemoData(bench.db, bench.clock());
  });
  afterEach(() => bench.close());

  it('seeds one live and one upcoming sale whose units came out of their SKUs', async () => {
    const { sales } = await bench.fsOk('demo-customer', 'list', {});
    expect(sales.map((s: any) => [s.saleId, s.state])).toEqual([
      ['fs-demo-kiwi', 'LIVE'],
      ['fs-demo-oolong', 'SCHEDULED'],
    ]);
    for (const sale of sales) {
      const [productId, index] = [sale.productId, Number(sale.skuId.split('-s').pop()) - 1];
      const initial = DEMO_PRODUCTS.find((p) => p.id === productId)!.skus[index]!.stock;
      expect(await bench.sku(sale.skuId)).toMatchObject({ stock: initial - sale.quantity, sold: sale.quantity });
      expect(sale).toMatchObject({ sold: 0, remaining: sale.quantity, image: `cloud://siyu-local.siyu-local-bucket/seed/products/${productId}.svg` });
      expect(sale.salePrice).toBeLessThan(sale.listPrice);
    }
    // A one-tap buy picks up at the demo store.
    const bought = await bench.fs('demo-customer', 'buy', { saleId: 'fs-demo-kiwi', requestId: rid(), fulfillment: { type: 'pickup', storeId: 'store-demo' } });
    expect(codeOf(bought)).toBe('OK');
    expect((await bench.order(bought.data.orderId)).fulfillment).toMatchObject({ type: 'pickup', storeId: 'store-demo' });
  });
});
