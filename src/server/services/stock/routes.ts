import { stockContracts } from '../../../core/contracts/stock';
import { defineRoute } from '../../kit';
import type { Role } from '../../kit/types';
import { adjustStock } from './adjust';
import { lowStock, stockLedger } from './queries';

const operators: readonly Role[] = ['operator'];

/** The operator's stock actions, served by the `catalog` function. */
export const stockRoutes = {
  adjustStock: defineRoute({
    schema: stockContracts.adjustStock.input,
    roles: operators,
    handler: (input, ctx) => adjustStock(ctx, ctx.caller.openid!, input),
  }),
  stockLedger: defineRoute({
    schema: stockContracts.stockLedger.input,
    roles: operators,
    handler: (input, ctx) => stockLedger(ctx.db, input),
  }),
  lowStock: defineRoute({
    schema: stockContracts.lowStock.input,
    roles: operators,
    handler: (_input, ctx) => lowStock(ctx.db),
  }),
};
