import type { PickupOrderSummary } from '../../../core/contracts/staff';
import type { Order } from '../../../core/order/types';

export const pickupStoreOf = (order: Order): string | null => (order.fulfillment.type === 'pickup' ? order.fulfillment.storeId : null);

/** What staff see of an order: lines, total, status, the pickup store (no address or phone). */
export function pickupSummaryOf(order: Order, nickname: string | null): PickupOrderSummary {
  return {
    orderId: order._id,
    status: order.status,
    storeId: pickupStoreOf(order),
    items: order.items.map((item) => ({ name: item.productName, skuName: item.skuName, quantity: item.quantity })),
    payable: order.amounts.payable,
    createdAt: order.createdAt,
    nickname,
  };
}
