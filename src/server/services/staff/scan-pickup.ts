import type { ScannedPickup } from '../../../core/contracts/staff';
import { isPickupCode, normalisePickupCode } from '../../../core/pickup/code';
import { parseOrderNo } from '../../../core/order/order-no';
import type { Order, OrderDoc } from '../../../core/order/types';
import { loadMember } from '../member/access';
import { loadOrder } from '../order/access';
import type { ServiceDeps } from '../order/deps';
import { orderIdOfPickupCode } from '../order/pickup-code';
import { OrderCollections } from '../order/records';
import { staffErrors } from './errors';
import { pickupStoreNameOf, pickupStoreOf, pickupSummaryOf } from './order-summary';

/** Order numbers of every kind that can be picked up: shop and live-room (o_), group-buy (g_), flash-sale (fs_), points mall (m_). */
const ORDER_ID = /^(o|g|fs|m)_[0-9a-z]{20}$/;

/**
 * A pickup order from its QR, its typed 取货码 or its order number
 * (`20261201-0042`; the internal id is still accepted from older QR codes); null when
 * the code is none of these (or names no pickup order). An order of another
 * store answers PICKUP_WRONG_STORE with that store's name and nothing else.
 */
export async function scanPickup(deps: ServiceDeps, code: string, storeId: string): Promise<ScannedPickup | null> {
  const order = await pickupOrderOf(deps, code);
  if (!order) return null;
  if (pickupStoreOf(order) !== storeId) throw staffErrors.wrongStore(await pickupStoreNameOf(deps.db, order));
  const member = await loadMember(deps.db, order.openid);
  return {
    kind: 'pickup',
    order: pickupSummaryOf(order, member?.nickname ?? null),
    atThisStore: true,
    verifiable: order.status === 'READY_FOR_PICKUP',
  };
}

async function pickupOrderOf(deps: ServiceDeps, code: string): Promise<Order | null> {
  const pickupCode = normalisePickupCode(code);
  if (isPickupCode(pickupCode)) {
    const orderId = await orderIdOfPickupCode(deps.db, pickupCode);
    const order = orderId ? await loadOrder(deps.db, orderId) : null;
    // A code given again to a newer order no longer names the old one.
    return order?.fulfillment.type === 'pickup' && order.fulfillment.pickupCode === pickupCode ? order : null;
  }
  const orderNo = parseOrderNo(code);
  const order = orderNo ? await orderOfNumber(deps, orderNo) : ORDER_ID.test(code) ? await loadOrder(deps.db, code) : null;
  return order?.fulfillment.type === 'pickup' ? order : null;
}

/** The order with this human number (indexed `orderNo`). */
async function orderOfNumber(deps: ServiceDeps, orderNo: string): Promise<Order | null> {
  const { data } = await deps.db.collection<OrderDoc>(OrderCollections.orders).where({ orderNo }).limit(1).get();
  return data[0] ?? null;
}
