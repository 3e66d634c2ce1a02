import { createFunction } from '../../src/server/kit';
import { couponRoutes } from '../../src/server/services/promotion/coupon-routes';

export const main = createFunction(couponRoutes);
