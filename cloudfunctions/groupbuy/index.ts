import { createFunction } from '../../src/server/kit';
import { groupBuyRoutes } from '../../src/server/services/groupbuy/routes';

export const main = createFunction(groupBuyRoutes);
