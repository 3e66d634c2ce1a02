import { communityContracts } from '../../../core/contracts/community';
import { defineRoute } from '../../kit/define-route';
import type { ActionContext, Role } from '../../kit/types';
import { activityForCustomer, adminActivities, adminActivity, openActivities, saveActivity } from './activities';
import { handoutList, verifyHandout } from './handout';
import { applyLeader, listLeaders, myLeader, reviewLeader } from './leaders';
import { placeCommunityOrder } from './place-order';
import { pickupPoints } from './points';
import { communitySales } from './sales';
import { confirmStatement, leaderStatement, myStatement } from './statement';

const customers: readonly Role[] = ['customer'];
const operators: readonly Role[] = ['operator'];
/** Signed-in routes always have an openid. */
const openidOf = (ctx: ActionContext): string => ctx.caller.openid as string;

/**
 * The `community` function (社区团购). Customers browse and order; a leader
 * is a customer whose application was approved (their own record, never a
 * claim of the caller) and sees only their own point's orders; operators
 * review leaders, run activities, read sales and confirm statements.
 */
export const communityRoutes = {
  activities: defineRoute({ schema: communityContracts.activities.input, roles: customers, handler: (_input, ctx) => openActivities(ctx) }),
  activity: defineRoute({ schema: communityContracts.activity.input, roles: customers, handler: (input, ctx) => activityForCustomer(ctx, input.activityId) }),
  points: defineRoute({ schema: communityContracts.points.input, roles: customers, handler: (input, ctx) => pickupPoints(ctx, openidOf(ctx), input.location) }),
  placeOrder: defineRoute({ schema: communityContracts.placeOrder.input, roles: customers, handler: (input, ctx) => placeCommunityOrder(ctx, openidOf(ctx), input) }),
  apply: defineRoute({ schema: communityContracts.apply.input, roles: customers, handler: (input, ctx) => applyLeader(ctx, openidOf(ctx), input) }),
  myLeader: defineRoute({ schema: communityContracts.myLeader.input, roles: customers, handler: (_input, ctx) => myLeader(ctx, openidOf(ctx)) }),
  handout: defineRoute({ schema: communityContracts.handout.input, roles: customers, handler: (input, ctx) => handoutList(ctx, openidOf(ctx), input.pickupDate) }),
  verify: defineRoute({ schema: communityContracts.verify.input, roles: customers, handler: (input, ctx) => verifyHandout(ctx, openidOf(ctx), input.code) }),
  myStatement: defineRoute({ schema: communityContracts.myStatement.input, roles: customers, handler: (input, ctx) => myStatement(ctx, openidOf(ctx), input.month) }),
  leaders: defineRoute({ schema: communityContracts.leaders.input, roles: operators, handler: (input, ctx) => listLeaders(ctx, input.status) }),
  reviewLeader: defineRoute({ schema: communityContracts.reviewLeader.input, roles: operators, handler: (input, ctx) => reviewLeader(ctx, openidOf(ctx), input) }),
  saveActivity: defineRoute({ schema: communityContracts.saveActivity.input, roles: operators, handler: (input, ctx) => saveActivity(ctx, openidOf(ctx), input) }),
  adminActivities: defineRoute({ schema: communityContracts.adminActivities.input, roles: operators, handler: (_input, ctx) => adminActivities(ctx) }),
  adminActivity: defineRoute({ schema: communityContracts.adminActivity.input, roles: operators, handler: (input, ctx) => adminActivity(ctx, input.activityId) }),
  sales: defineRoute({ schema: communityContracts.sales.input, roles: operators, handler: (input, ctx) => communitySales(ctx, input.activityId) }),
  statement: defineRoute({ schema: communityContracts.statement.input, roles: operators, handler: (input, ctx) => leaderStatement(ctx, input.leaderId, input.month) }),
  confirmStatement: defineRoute({
    schema: communityContracts.confirmStatement.input,
    roles: operators,
    handler: (input, ctx) => confirmStatement(ctx, openidOf(ctx), input.leaderId, input.month),
  }),
};
