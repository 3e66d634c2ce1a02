import { codeOf, OPERATOR, rid, startFlashSaleBench, type FlashSaleBench } from './flashsale-harness';
import { PICKUP, seedShop } from './order-harness';

describe('flash sale: buying several units in one order, up to the per-member limit', () => {
  let bench: FlashSaleBench;
  beforeEach(async () => {
    bench = startFlashSaleBench();
    await seedShop(bench.db, [{ _id: 'sku-tea-s', productId: 'p-tea', price: 2900, stock: 500 }]);
    await bench.grantOperator(OPERATOR);
  });
  afterEach(() => bench.close());

  const buy = (openid: string, saleId: string, quantity?: number): Promise<any> =>
    bench.fs(openid, 'buy', { saleId, requestId: rid(), fulfillment: PICKUP, ...(quantity === undefined ? {} : { quantity }) });

  it('takes the units from one shard, prices the order by them, and gives them all back on cancel', async () => {
    const sale = await bench.createSale({ quantity: 10, shards: 1, perMemberLimit: 3, salePrice: 990 });
    const bought = await buy('u1', sale.saleId, 2);
    expect(codeOf(bought)).toBe('OK');
    const order = await bench.ok('order', 'u1', 'get', { orderId: bought.data.orderId });
    expect(order).toMatchObject({ amounts: { itemsTotal: 1980, payable: 1980 }, items: [{ unitPrice: 990, quantity: 2, lineTotal: 1980 }] });
    expect(await bench.fsOk('u1', 'get', { saleId: sale.saleId })).toMatchObject({ sold: 2, remaining: 8, myCount: 2 });

    // 2 held of 3: one more is allowed, two are not (and the message says how many are left).
    const over = await buy('u1', sale.saleId, 2);
    expect(over).toMatchObject({ ok: false, error: { code: 'LIMIT_EXCEEDED', message: '每人限购 3 件，您还可以买 1 件' } });
    expect(await bench.memberCount(sale.saleId, 'u1')).toBe(2);

    await bench.ok('order', 'u1', 'cancel', { orderId: bought.data.orderId });
    expect(await bench.fsOk('u1', 'get', { saleId: sale.saleId })).toMatchObject({ sold: 0, remaining: 10, myCount: 0 });
    const [shard] = await bench.shards(sale.saleId);
    expect(shard.sold + shard.remaining + shard.returned).toBe(shard.allocated);
    expect(codeOf(await buy('u1', sale.saleId, 3))).toBe('OK');
  });

  it('refuses more than is left with NOT_ENOUGH_LEFT (nothing taken), and a quantity beyond the limit', async () => {
    const sale = await bench.createSale({ quantity: 4, shards: 1, perMemberLimit: 4 });
    expect(codeOf(await buy('u1', sale.saleId, 3))).toBe('OK');
    expect(await buy('u2', sale.saleId, 2)).toMatchObject({ ok: false, error: { code: 'NOT_ENOUGH_LEFT', details: { left: 1 } } });
    expect(await bench.memberCount(sale.saleId, 'u2')).toBe(0);
    expect(codeOf(await buy('u2', sale.saleId, 5))).toBe('LIMIT_EXCEEDED');
    expect(codeOf(await buy('u2', sale.saleId, 0))).toBe('INVALID_ARGUMENT');
    expect(codeOf(await buy('u2', sale.saleId))).toBe('OK');
    expect(await bench.fsOk('u2', 'get', { saleId: sale.saleId })).toMatchObject({ sold: 4, remaining: 0, state: 'SOLD_OUT' });
  });
});
