import type { OrderHooks } from '../order/hooks';

/** A group-buy order's payment fills its seat; a cancelled one frees it. */
export const groupBuyOrderHooks: OrderHooks = {};
