import { createFunction } from '../../src/server/kit';
import { notifyRoutes } from '../../src/server/services/notify/routes';

export const main = createFunction(notifyRoutes);
