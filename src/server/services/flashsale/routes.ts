import { flashSaleContracts, flashSaleTimerContracts } from '../../../core/contracts/flashsale';
import { defineRoute } from '../../kit';
import type { ActionContext, Role } from '../../kit/types';
import { buyFlashSale } from './buy';
import { createSale } from './create';
import { launchSaleNow, updateSale } from './edit';
import { getSale, listSales, saleStats } from './queries';
import { remindSale } from './remind';
import { settleEndedSales, stopSale } from './settle';

const customers: readonly Role[] = ['customer'];
const operators: readonly Role[] = ['operator'];
const timer: readonly Role[] = ['system'];

/** Customer and operator routes always have an openid. */
const openidOf = (ctx: ActionContext): string => ctx.caller.openid as string;

export const flashSaleRoutes = {
  create: defineRoute({
    schema: flashSaleContracts.create.input,
    roles: operators,
    handler: (input, ctx) => createSale(ctx, openidOf(ctx), input),
  }),
  update: defineRoute({
    schema: flashSaleContracts.update.input,
    roles: operators,
    handler: (input, ctx) => updateSale(ctx, openidOf(ctx), input),
  }),
  stop: defineRoute({
    schema: flashSaleContracts.stop.input,
    roles: operators,
    handler: (input, ctx) => stopSale(ctx, openidOf(ctx), input.saleId),
  }),
  launchNow: defineRoute({
    schema: flashSaleContracts.launchNow.input,
    roles: operators,
    handler: (input, ctx) => launchSaleNow(ctx, openidOf(ctx), input.saleId),
  }),
  stats: defineRoute({
    schema: flashSaleContracts.stats.input,
    roles: operators,
    handler: (input, ctx) => saleStats(ctx, input.saleId),
  }),
  list: defineRoute({
    schema: flashSaleContracts.list.input,
    roles: customers,
    handler: (input, ctx) => listSales(ctx, openidOf(ctx), ctx.caller.roles.includes('operator'), input.state),
  }),
  get: defineRoute({
    schema: flashSaleContracts.get.input,
    roles: customers,
    handler: (input, ctx) => getSale(ctx, openidOf(ctx), input.saleId),
  }),
  remind: defineRoute({
    schema: flashSaleContracts.remind.input,
    roles: customers,
    handler: (input, ctx) => remindSale(ctx, openidOf(ctx), input.saleId),
  }),
  buy: defineRoute({
    schema: flashSaleContracts.buy.input,
    roles: customers,
    handler: (input, ctx) => buyFlashSale(ctx, openidOf(ctx), input),
  }),
  /** The function's one timer trigger: ended sales give their unsold units back to the SKU. */
  settle: defineRoute({
    schema: flashSaleTimerContracts.settle.input,
    roles: timer,
    handler: (_input, ctx) => settleEndedSales(ctx),
  }),
};
