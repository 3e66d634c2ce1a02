import type { z } from 'zod';
import type { FulfillmentInput } from '../../../core/contracts/order';
import type { OrderFulfillment } from '../../../core/order/types';
import { pickupErrors } from '../../../core/pickup/errors';
import type { ServiceDeps } from '../order/deps';
import { resolveFulfillment } from '../order/prepare';

/**
 * Where a flash-sale unit goes, checked as at checkout. The buyer must name
 * it (a store they chose, or an address): PICKUP_STORE_REQUIRED otherwise,
 * refused before any transaction.
 */
export async function flashSaleFulfillment(deps: ServiceDeps, requested: z.output<typeof FulfillmentInput> | undefined): Promise<OrderFulfillment> {
  if (!requested) throw pickupErrors.storeRequired();
  return resolveFulfillment(deps, requested);
}
