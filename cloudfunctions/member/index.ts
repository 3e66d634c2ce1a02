import { createFunction } from '../../src/server/kit';
import { memberRoutes } from '../../src/server/services/member/routes';

export const main = createFunction(memberRoutes);
