import { toPickupStoreView, type PickupStoreView, type StoreFields } from '../../../core/pickup/store';
import type { Order } from '../../../core/order/types';
import type { Db } from '../../db';
import { CatalogCollections, loadOne } from '../catalog/records';

/** The store of a pickup order as it is now (address, hours, phone); null for a delivery or a store since removed. */
export async function pickupStoreOfOrder(db: Db, order: Order): Promise<PickupStoreView | null> {
  if (order.fulfillment.type !== 'pickup') return null;
  const store = await loadOne<StoreFields>(db, CatalogCollections.stores, order.fulfillment.storeId);
  return store ? toPickupStoreView(store) : null;
}
