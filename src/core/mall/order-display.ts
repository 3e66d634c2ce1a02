import { formatPrice, type Fen } from '../money';
import type { MallOrderInfo } from './types';

interface MallAware {
  mall?: MallOrderInfo | null;
}

/** The points a points-mall order was redeemed for (0 for every other order). */
export const orderPoints = (order: MallAware): number => order.mall?.pointsPrice ?? 0;

/** A points-mall coupon: issued straight into 我的优惠券, nothing to ship or pick up. */
export const isCouponRedemption = (order: MallAware): boolean => order.mall?.kind === 'coupon';

/** The word on an order line's coupon face where the coupon has no picture. */
export const COUPON_FACE = '券';

/** A points price as one line of text: "100积分", or "800积分 + ¥9.90" with a cash part. */
export const pointsPriceText = (points: number, cash: Fen): string => (cash > 0 ? `${points}积分 + ${formatPrice(cash)}` : `${points}积分`);
