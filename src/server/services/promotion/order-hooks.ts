import type { OrderHooks } from '../order/hooks';

/** Coupons and points-mall redemptions follow an order's cancellation and refund. */
export const promotionOrderHooks: OrderHooks = {};
