import type { OrderHooks } from '../order/hooks';

/** A flash-sale order gives its unit back to the sale when it is cancelled unpaid. */
export const flashSaleOrderHooks: OrderHooks = {};
