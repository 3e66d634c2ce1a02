import type { PickupStoresView } from '../../../core/contracts/catalog';
import { toPickupStoreView, type StoreFields } from '../../../core/pickup/store';
import type { Db } from '../../db';
import { CatalogCollections } from './records';

/** A chain has tens of stores, not thousands: one page is all of them. */
const MAX_STORES = 100;

/** The stores that take pickup orders, in the operator's order (`sort`, then id), for the store picker. */
export async function listPickupStores(db: Db): Promise<PickupStoresView> {
  const { data } = await db.collection<StoreFields>(CatalogCollections.stores).limit(MAX_STORES).get();
  const stores = data
    .filter((store) => store.pickupEnabled !== false)
    .sort((a, b) => (a.sort ?? 0) - (b.sort ?? 0) || a._id.localeCompare(b._id))
    .map(toPickupStoreView);
  return { stores };
}
