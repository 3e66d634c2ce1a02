import { cartContracts } from '../../../core/contracts/cart';
import { defineRoute } from '../../kit';
import type { ActionContext, Role } from '../../kit/types';
import { cartAdd, cartList, cartRemove, cartUpdate } from './service';

const customers: readonly Role[] = ['customer'];

/** Customer routes always have an openid; the cart is keyed by it, so a caller reaches only their own. */
const openidOf = (ctx: ActionContext): string => ctx.caller.openid as string;

export const cartRoutes = {
  add: defineRoute({
    schema: cartContracts.add.input,
    roles: customers,
    handler: (input, ctx) => cartAdd(ctx, openidOf(ctx), input),
  }),
  update: defineRoute({
    schema: cartContracts.update.input,
    roles: customers,
    handler: (input, ctx) => cartUpdate(ctx, openidOf(ctx), input),
  }),
  remove: defineRoute({
    schema: cartContracts.remove.input,
    roles: customers,
    handler: (input, ctx) => cartRemove(ctx, openidOf(ctx), input),
  }),
  list: defineRoute({
    schema: cartContracts.list.input,
    roles: customers,
    handler: (_input, ctx) => cartList(ctx, openidOf(ctx)),
  }),
};
