import { createFunction } from '../../src/server/kit';
import { walletRoutes } from '../../src/server/services/wallet/routes';

export const main = createFunction(walletRoutes);
