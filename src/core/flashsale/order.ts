import { unpaidOrderState } from '../order/unpaid-state';
import type { Order, OrderDoc, OrderFulfillment, OrderItem } from '../order/types';
import type { FlashSale, FlashSaleOrderInfo } from './types';

/**
 * A flash-sale order in the order module's shape (it lists and pays like any
 * order). `source` is widened here until core/order/types.ts names
 * 'flashsale' among its sources.
 */
export type FlashSaleOrderDoc = Omit<OrderDoc, 'source'> & { source: 'flashsale'; flashSale: FlashSaleOrderInfo };

export interface FlashSaleOrderInput {
  sale: FlashSale;
  shard: number;
  openid: string;
  fulfillment: OrderFulfillment;
  requestId: string;
  requestKey: string;
  now: number;
  /** Units in the order (1 when absent). */
  quantity?: number;
}

export const paymentDeadline = (sale: Pick<FlashSale, 'paymentMinutes'>, now: number): number => now + sale.paymentMinutes * 60_000;

/**
 * One unit at the sale price, PENDING_PAYMENT until `paymentMinutes` from
 * now. It holds no catalog stock (`stockReleased: true`): the sale took its
 * units from the SKU when it was created, and the flash-sale hooks give the
 * unit back to its shard when the order is cancelled.
 */
export function flashSaleOrderDoc(input: FlashSaleOrderInput): FlashSaleOrderDoc {
  const { sale, now } = input;
  const quantity = input.quantity ?? 1;
  const total = sale.salePrice * quantity;
  const line: OrderItem = {
    skuId: sale.skuId,
    productId: sale.productId,
    productName: sale.title || sale.productName,
    skuName: sale.skuName,
    image: sale.image,
    unitPrice: sale.salePrice,
    quantity,
    lineTotal: total,
  };
  return {
    openid: input.openid,
    ...unpaidOrderState(now),
    items: [line],
    fulfillment: input.fulfillment,
    amounts: { itemsTotal: total, discount: 0, shippingFee: 0, payable: total },
    memberDiscountBps: 0,
    requestId: input.requestId,
    requestKey: input.requestKey,
    remark: '',
    expiresAt: paymentDeadline(sale, now),
    stockReleased: true,
    coupon: null,
    source: 'flashsale',
    flashSale: { saleId: sale._id, shard: input.shard },
  };
}

/** Units a flash-sale order holds (its one line). */
export const flashSaleUnitsOf = (order: Pick<Order, 'items'>): number => order.items[0]?.quantity ?? 1;

/** The sale and shard of a flash-sale order; null for any other order. */
export function flashSaleOfOrder(order: Order): FlashSaleOrderInfo | null {
  const tagged = order as unknown as { source?: string; flashSale?: FlashSaleOrderInfo | null };
  if (tagged.source !== 'flashsale' || !tagged.flashSale) return null;
  return tagged.flashSale;
}
