import { createFunction } from '../../src/server/kit';
import { pointsRoutes } from '../../src/server/services/points/routes';

export const main = createFunction(pointsRoutes);
