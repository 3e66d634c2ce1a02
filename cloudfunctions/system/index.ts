import { createFunction } from '../../src/server/kit';
import { systemRoutes } from '../../src/server/services/system/routes';

export const main = createFunction(systemRoutes);
