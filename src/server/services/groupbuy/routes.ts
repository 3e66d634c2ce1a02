import { groupBuyContracts, groupBuyTimerContracts } from '../../../core/contracts/groupbuy';
import { defineRoute, kitErrors } from '../../kit';
import type { ActionContext, Role } from '../../kit/types';
import { createActivity, stopActivity, updateActivity } from './activities';
import { expireGroups } from './expire';
import { activityStats, getActivity, getGroup, listActivities } from './queries';
import { joinGroup, openGroup } from './reserve';

const customers: readonly Role[] = ['customer'];
const operators: readonly Role[] = ['operator'];
const timer: readonly Role[] = ['system'];

const openidOf = (ctx: ActionContext): string => ctx.caller.openid as string;

/** The `groupbuy` function: 拼团. Its orders are paid, cancelled and refunded through `order`. */
export const groupBuyRoutes = {
  createActivity: defineRoute({
    schema: groupBuyContracts.createActivity.input,
    roles: operators,
    handler: (input, ctx) => createActivity(ctx, openidOf(ctx), input),
  }),
  updateActivity: defineRoute({
    schema: groupBuyContracts.updateActivity.input,
    roles: operators,
    handler: (input, ctx) => updateActivity(ctx, input),
  }),
  stopActivity: defineRoute({
    schema: groupBuyContracts.stopActivity.input,
    roles: operators,
    handler: (input, ctx) => stopActivity(ctx, input.activityId),
  }),
  listActivities: defineRoute({
    schema: groupBuyContracts.listActivities.input,
    roles: customers,
    handler: async (input, ctx) => {
      if (input.view === 'operator' && !ctx.caller.roles.includes('operator')) throw kitErrors.forbidden();
      return listActivities(ctx, input.view);
    },
  }),
  getActivity: defineRoute({
    schema: groupBuyContracts.getActivity.input,
    roles: customers,
    handler: (input, ctx) => getActivity(ctx, openidOf(ctx), input.activityId),
  }),
  open: defineRoute({
    schema: groupBuyContracts.open.input,
    roles: customers,
    handler: (input, ctx) => openGroup(ctx, openidOf(ctx), input),
  }),
  join: defineRoute({
    schema: groupBuyContracts.join.input,
    roles: customers,
    handler: (input, ctx) => joinGroup(ctx, openidOf(ctx), input),
  }),
  get: defineRoute({
    schema: groupBuyContracts.get.input,
    roles: customers,
    handler: (input, ctx) => getGroup(ctx, openidOf(ctx), input.groupId),
  }),
  stats: defineRoute({
    schema: groupBuyContracts.stats.input,
    roles: operators,
    handler: (input, ctx) => activityStats(ctx, input.activityId),
  }),
  /** The function's one timer trigger (every minute): groups past their deadline fail (refunds due) or complete virtually. */
  expireGroups: defineRoute({
    schema: groupBuyTimerContracts.expireGroups.input,
    roles: timer,
    handler: (_input, ctx) => expireGroups(ctx),
  }),
};
