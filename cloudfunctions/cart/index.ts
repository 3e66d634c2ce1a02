import { createFunction } from '../../src/server/kit';
import { cartRoutes } from '../../src/server/services/cart/routes';

export const main = createFunction(cartRoutes);
