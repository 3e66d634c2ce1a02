import { createFunction } from '../../src/server/kit';
import { catalogRoutes } from '../../src/server/services/catalog/routes';

export const main = createFunction(catalogRoutes);
