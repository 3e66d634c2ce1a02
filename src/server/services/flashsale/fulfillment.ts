import type { z } from 'zod';
import type { FulfillmentInput } from '../../../core/contracts/order';
import { orderErrors } from '../../../core/order/errors';
import type { OrderFulfillment } from '../../../core/order/types';
import { CatalogCollections, type StoreDoc } from '../catalog/records';
import type { ServiceDeps } from '../order/deps';
import { resolveFulfillment } from '../order/prepare';

/**
 * Where a flash-sale unit goes: as requested (checked as at checkout), or,
 * when the buyer named nothing (a one-tap buy), pickup at the first store
 * that takes pickups. ADDRESS_REQUIRED when there is none.
 */
export async function flashSaleFulfillment(deps: ServiceDeps, requested: z.output<typeof FulfillmentInput> | undefined): Promise<OrderFulfillment> {
  if (requested) return resolveFulfillment(deps, requested);
  const { data } = await deps.db.collection<StoreDoc>(CatalogCollections.stores).limit(20).get();
  const store = data.filter((s) => s.pickupEnabled !== false).sort((a, b) => a._id.localeCompare(b._id))[0];
  if (!store) throw orderErrors.addressRequired();
  return { type: 'pickup', storeId: store._id, storeName: store.name };
}
