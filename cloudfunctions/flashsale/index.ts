import { createFunction } from '../../src/server/kit';
import { flashSaleRoutes } from '../../src/server/services/flashsale/routes';

export const main = createFunction(flashSaleRoutes);
