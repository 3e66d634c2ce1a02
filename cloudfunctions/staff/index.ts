import { createFunction } from '../../src/server/kit';
import { staffRoutes } from '../../src/server/services/staff/routes';

export const main = createFunction(staffRoutes);
