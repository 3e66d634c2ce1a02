import { createFunction } from '../../src/server/kit';
import { statsRoutes } from '../../src/server/services/stats/routes';

export const main = createFunction(statsRoutes);
