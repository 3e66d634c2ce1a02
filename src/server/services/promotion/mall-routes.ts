import { mallContracts } from '../../../core/contracts/mall';
import { defineRoute } from '../../kit';
import type { ActionContext, Role } from '../../kit/types';
import { getMallItem, listMallItems } from './mall-queries';
import { redeemMallItem } from './mall-redeem';

const customers: readonly Role[] = ['customer'];

const openidOf = (ctx: ActionContext): string => ctx.caller.openid as string;

/** The `mall` function: the points mall. Redemption orders are read and paid through `order`. */
export const mallRoutes = {
  list: defineRoute({
    schema: mallContracts.list.input,
    roles: customers,
    handler: (input, ctx) => listMallItems(ctx, input),
  }),
  get: defineRoute({
    schema: mallContracts.get.input,
    roles: customers,
    handler: (input, ctx) => getMallItem(ctx, openidOf(ctx), input.itemId),
  }),
  redeem: defineRoute({
    schema: mallContracts.redeem.input,
    roles: customers,
    handler: (input, ctx) => redeemMallItem(ctx, openidOf(ctx), input),
  }),
};
