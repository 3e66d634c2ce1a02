import { toPickupStoreView, type PickupStoreView, type StoreFields } from '../../../core/pickup/store';
import type { Order } from '../../../core/order/types';
import type { Db } from '../../db';
import { CatalogCollections, loadOne } from '../catalog/records';
import { CommunityCollections } from '../community/records';

/** The store of a pickup order as it is now (address, hours, phone); null for a delivery or a store since removed. */
export async function pickupStoreOfOrder(db: Db, order: Order): Promise<PickupStoreView | null> {
  if (order.fulfillment.type !== 'pickup') return null;
  if (order.community) {
    // A community order is picked up at its leader's point (services/community).
    const leader = await loadOne<{ point: StoreFields }>(db, CommunityCollections.leaders, order.community.leaderId);
    return leader ? toPickupStoreView({ ...leader.point, _id: leader._id }) : null;
  }
  const store = await loadOne<StoreFields>(db, CatalogCollections.stores, order.fulfillment.storeId);
  return store ? toPickupStoreView(store) : null;
}
