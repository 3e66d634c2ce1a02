import type { CouponDoc } from '../../../core/coupon/types';
import { channelOfOrder, type Channel } from '../../../core/crm/channel';
import type { PaidFacts, RefundFacts } from '../../../core/crm/stats';
import type { Order } from '../../../core/order/types';
import { paidFenOf } from '../../../core/stats/recompute';
import { CatalogCollections, type ProductDoc } from '../catalog/records';
import { PromotionCollections } from '../promotion/records';
import type { ReadDoc } from './doc-reader';

/** Orders that count as purchases: everything paid except points-mall redemptions (paid with points). */
export const countsAsPurchase = (order: Order): boolean => order.source !== 'mall' && order.paidAt !== null;

/** The categories of an order's products as they are now (one read per distinct product). */
export async function categoryIdsOf(read: ReadDoc, order: Order): Promise<string[]> {
  const ids = new Set<string>();
  for (const productId of new Set(order.items.map((item) => item.productId))) {
    const product = await read<ProductDoc>(CatalogCollections.products, productId);
    if (product?.categoryId) ids.add(product.categoryId);
  }
  return [...ids].sort();
}

/** The order's channel: a coupon delivered by a campaign or journey counts as marketing. */
export async function channelOf(read: ReadDoc, order: Order): Promise<Channel> {
  const couponId = order.coupon?.couponId;
  const coupon = couponId ? await read<CouponDoc>(PromotionCollections.coupons, couponId) : null;
  return channelOfOrder({ liveRoomId: (order as { liveRoomId?: string | null }).liveRoomId, source: order.source, campaignCoupon: Boolean(coupon?.campaignId) });
}

/** What a paid order adds to its member's stats; the channel is read only when it could be the first order. */
export async function paidFactsOf(read: ReadDoc, order: Order, couldBeFirst: boolean): Promise<PaidFacts> {
  return {
    orderId: order._id,
    paidAt: order.paidAt ?? order.createdAt,
    fen: paidFenOf(order),
    categoryIds: await categoryIdsOf(read, order),
    channel: couldBeFirst ? await channelOf(read, order) : 'direct',
  };
}

export async function refundFactsOf(read: ReadDoc, order: Order, fen: number, endsOrder: boolean): Promise<RefundFacts> {
  return { fen, endsOrder, categoryIds: endsOrder ? await categoryIdsOf(read, order) : [] };
}
