import type { MyStoresResult } from '../../../core/contracts/staff';
import type { Caller } from '../../kit/types';
import { CatalogCollections } from '../catalog/records';
import type { ServiceDeps } from '../order/deps';

/** The stores the caller serves, with their names (a store since removed shows its id). */
export async function myStores(deps: ServiceDeps, caller: Caller): Promise<MyStoresResult> {
  const stores = await Promise.all(
    caller.staffStoreIds.map(async (storeId) => {
      const { data } = await deps.db.collection<{ name?: string }>(CatalogCollections.stores).doc(storeId).get();
      return { storeId, name: data[0]?.name ?? storeId };
    }),
  );
  return { stores };
}
