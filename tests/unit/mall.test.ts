import { COUPON_WALLET_FULFILLMENT, mallOrderDoc } from '../../src/core/mall/order';
import type { MallItem } from '../../src/core/mall/types';
import { toMallItemDetailView } from '../../src/core/mall/view';
import type { OrderFulfillment } from '../../src/core/order/types';

const NOW = Date.UTC(2025, 0, 6, 2, 0, 0);
const DELIVERY: OrderFulfillment = { type: 'delivery', address: { name: '张三', phone: '13800000000', region: '上海', detail: '1 号' } };
const PICKUP: OrderFulfillment = { type: 'pickup', storeId: 's1', storeName: '门店' };

const item = (over: Partial<MallItem> = {}): MallItem => ({
  _id: 'mall-1',
  title: '马克杯',
  subtitle: '',
  description: '',
  image: null,
  kind: 'goods',
  skuId: null,
  templateId: null,
  pointsPrice: 990,
  cashPrice: 0,
  stock: 5,
  sold: 0,
  perMemberLimit: 1,
  status: 'ON_SALE',
  sort: 0,
  createdAt: 0,
  updatedAt: 0,
  ...over,
});

const order = (i: MallItem, fulfillment: OrderFulfillment) =>
  mallOrderDoc({ item: i, openid: 'u1', fulfillment, product: null, requestId: 'r', requestKey: 'k', remark: '', now: NOW, payDeadline: NOW + 900_000, couponId: null });

describe('mallOrderDoc', () => {
  it.each<[string, MallItem, OrderFulfillment, string]>([
    ['points-only goods delivered: PAID', item(), DELIVERY, 'PAID'],
    ['points-only goods picked up: READY_FOR_PICKUP', item(), PICKUP, 'READY_FOR_PICKUP'],
    ['points-only coupon: COMPLETED', item({ kind: 'coupon', templateId: 't' }), COUPON_WALLET_FULFILLMENT, 'COMPLETED'],
    ['points + cash goods: PENDING_PAYMENT', item({ cashPrice: 990 }), DELIVERY, 'PENDING_PAYMENT'],
    ['points + cash coupon: PENDING_PAYMENT', item({ kind: 'coupon', templateId: 't', cashPrice: 100 }), COUPON_WALLET_FULFILLMENT, 'PENDING_PAYMENT'],
  ])('%s', (_name, i, fulfillment, status) => {
    const doc = order(i, fulfillment);
    expect(doc.status).toBe(status);
    expect(doc.history[0]).toMatchObject({ event: 'create', from: null, to: 'PENDING_PAYMENT' });
    expect(doc.history[doc.history.length - 1]!.to).toBe(status);
  });

  it('charges the cash part only, holds no catalog stock and records the points', () => {
    const doc = order(item({ cashPrice: 990, skuId: 'sku-1' }), DELIVERY);
    expect(doc.amounts).toEqual({ itemsTotal: 990, discount: 0, shippingFee: 0, payable: 990 });
    expect(doc).toMatchObject({ source: 'mall', stockReleased: true, paidAt: null, expiresAt: NOW + 900_000 });
    expect(doc.mall).toEqual({ itemId: 'mall-1', kind: 'goods', pointsPrice: 990, cashPrice: 990, couponId: null });
    expect(doc.items).toEqual([expect.objectContaining({ skuId: 'sku-1', unitPrice: 990, quantity: 1, lineTotal: 990 })]);
  });

  it('marks a points-only order paid now, with nothing payable', () => {
    const doc = order(item(), DELIVERY);
    expect(doc).toMatchObject({ paidAt: NOW, amounts: { payable: 0 }, items: [expect.objectContaining({ skuId: 'mall:mall-1' })] });
  });
});

describe('mall item detail', () => {
  it('reports the per-member limit as reached', () => {
    expect(toMallItemDetailView(item(), null, 1)).toMatchObject({ limitReached: true, redeemedByMe: 1, needsFulfillment: true });
    expect(toMallItemDetailView(item({ perMemberLimit: 0 }), null, 9)).toMatchObject({ limitReached: false });
    expect(toMallItemDetailView(item({ stock: 0 }), null, 0)).toMatchObject({ soldOut: true, stock: 0 });
  });
});
