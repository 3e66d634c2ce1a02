import { createFunction } from '../../src/server/kit';
import { crmRoutes } from '../../src/server/services/crm/routes';

export const main = createFunction(crmRoutes);
