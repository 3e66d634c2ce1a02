import { createFunction } from '../../src/server/kit';
import { mallRoutes } from '../../src/server/services/promotion/mall-routes';

export const main = createFunction(mallRoutes);
