import type { OrderHooks } from '../order/hooks';
import { returnOrderCouponInTx, useOrderCouponInTx } from './coupon-hooks';
import { fulfilPaidCouponRedemptionInTx, returnRedemptionInTx } from './mall-hooks';

/**
 * Coupons and points-mall redemptions follow an order, in its transaction:
 * paid → the coupon is USED (a paid coupon redemption issues its coupon);
 * cancelled → the coupon is AVAILABLE again, a redemption's points, stock
 * and count come back; refunded → the redemption comes back, the coupon
 * does not (it was spent on an order that was paid).
 */
export const promotionOrderHooks: OrderHooks = {
  async paid(tx, order, deps, now) {
    await useOrderCouponInTx(tx, order, now);
    await fulfilPaidCouponRedemptionInTx(tx, order, deps, now);
  },
  async cancelled(tx, order, deps, now) {
    await returnOrderCouponInTx(tx, order, now);
    await returnRedemptionInTx(tx, order, deps, now);
  },
  async refunded(tx, order, deps, now) {
    await returnRedemptionInTx(tx, order, deps, now);
  },
};
