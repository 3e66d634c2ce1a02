import type { PickupOrderSummary } from '../../../core/contracts/staff';
import { displayOrderNo } from '../../../core/order/order-no';
import type { Order } from '../../../core/order/types';
import type { Db } from '../../db';
import { CatalogCollections, loadOne, type StoreDoc } from '../catalog/records';

export const pickupStoreOf = (order: Order): string | null => (order.fulfillment.type === 'pickup' ? order.fulfillment.storeId : null);

/** The name of the store the order is to be picked up at: as the store is named now, else as it was at ordering. */
export async function pickupStoreNameOf(db: Db, order: Order): Promise<string> {
  if (order.fulfillment.type !== 'pickup') return '';
  const store = await loadOne<StoreDoc>(db, CatalogCollections.stores, order.fulfillment.storeId);
  return store?.name ?? order.fulfillment.storeName;
}

/** What staff see of an order: lines, total, status, the pickup store and code (no address or phone). */
export function pickupSummaryOf(order: Order, nickname: string | null): PickupOrderSummary {
  return {
    orderId: order._id,
    orderNo: displayOrderNo(order),
    status: order.status,
    storeId: pickupStoreOf(order),
    pickupCode: order.fulfillment.type === 'pickup' ? (order.fulfillment.pickupCode ?? null) : null,
    items: order.items.map((item) => ({ name: item.productName, skuName: item.skuName, quantity: item.quantity })),
    payable: order.amounts.payable,
    createdAt: order.createdAt,
    nickname,
  };
}
