import { createFunction } from '../../src/server/kit';
import { orderRoutes } from '../../src/server/services/order/routes';

export const main = createFunction(orderRoutes);
