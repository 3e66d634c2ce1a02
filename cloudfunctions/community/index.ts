import { createFunction } from '../../src/server/kit';
import { communityRoutes } from '../../src/server/services/community/routes';

export const main = createFunction(communityRoutes);
