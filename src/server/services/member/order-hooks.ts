import type { OrderHooks } from '../order/hooks';

/** Growth and points follow an order's payment and refund. */
export const memberOrderHooks: OrderHooks = {};
