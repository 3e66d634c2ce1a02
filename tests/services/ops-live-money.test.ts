/**
 * The operators' flash-sale and group-buy live views: money figures (成交额,
 * paid buyers), and numbers after a stop that agree with each other.
 */
import { MINUTE, OPERATOR, rid, startFlashSaleBench, type FlashSaleBench } from './flashsale-harness';
import { PICKUP, seedShop } from './order-harness';

describe('flash sale live view: money and consistent numbers', () => {
  let bench: FlashSaleBench;
  beforeEach(async () => {
    bench = startFlashSaleBench();
    await seedShop(bench.db, [{ _id: 'sku-tea-s', productId: 'p-tea', price: 2900, stock: 100 }]);
    await bench.grantOperator(OPERATOR);
  });
  afterEach(() => bench.close());

  const buyAndPay = async (openid: string, saleId: string) => {
    const { orderId } = await bench.fsOk(openid, 'buy', { saleId, requestId: rid(), fulfillment: PICKUP });
    await bench.ok('order', openid, 'pay', { orderId });
    await bench.pay.deliverPaymentNotification(orderId, 'SUCCESS', 2);
    return orderId as string;
  };

  it('shows 成交额 and paid buyers; after a stop, remaining is 0 and the unsold units are returned: sold + remaining + returned = quantity', async () => {
    const sale = await bench.createSale({ quantity: 10, perMemberLimit: 3, salePrice: 900 });
    await buyAndPay('u1', sale.saleId);
    await buyAndPay('u1', sale.saleId);
    await buyAndPay('u2', sale.saleId);
    await bench.fsOk('u3', 'buy', { saleId: sale.saleId, requestId: rid(), fulfillment: PICKUP });
    expect(await bench.fsOk(OPERATOR, 'stats', { saleId: sale.saleId })).toMatchObject({
      sold: 4,
      paid: 3,
      remaining: 6,
      returned: 0,
      pendingOrders: 1,
      paidFen: 2700,
      paidBuyers: 2,
    });

    await bench.fsOk(OPERATOR, 'stop', { saleId: sale.saleId });
    const stopped = await bench.fsOk(OPERATOR, 'stats', { saleId: sale.saleId });
    expect(stopped).toMatchObject({ state: 'ENDED', sold: 4, remaining: 0, returned: 6, paidFen: 2700, paidBuyers: 2 });
    expect(stopped.sold + stopped.remaining + stopped.returned).toBe(stopped.quantity);

    // The unpaid order expires after the stop: its unit is returned too, and the numbers still add up.
    bench.clock.advance(30 * MINUTE);
    await bench.timer('order', 'sweep');
    const swept = await bench.fsOk(OPERATOR, 'stats', { saleId: sale.saleId });
    expect(swept).toMatchObject({ sold: 3, remaining: 0, returned: 7, pendingOrders: 0 });
    expect(swept.sold + swept.remaining + swept.returned).toBe(swept.quantity);
  });
});
