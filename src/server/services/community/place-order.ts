import type { OrderView } from '../../../core/contracts/order';
import { createOrder } from '../order/create';
import type { ServiceDeps } from '../order/deps';

/** `community.placeOrder`: the shop's own order creation (stock, idempotency, order number, 取货码), with the community terms. */
export async function placeCommunityOrder(
  deps: ServiceDeps,
  openid: string,
  input: { activityId: string; leaderId: string; items: Array<{ skuId: string; quantity: number }>; requestId: string; remark: string },
): Promise<OrderView> {
  return createOrder(deps, openid, {
    items: input.items,
    // Replaced by the leader's point (prepareCommunityOrder); kept for the request's shape.
    fulfillment: { type: 'pickup', storeId: input.leaderId },
    requestId: input.requestId,
    source: 'buyNow',
    remark: input.remark,
    couponId: null,
    community: { activityId: input.activityId, leaderId: input.leaderId },
  });
}
