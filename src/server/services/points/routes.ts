import { pointsContracts, pointsTimerContracts } from '../../../core/contracts/points';
import { defineRoute } from '../../kit';
import type { ActionContext, Role } from '../../kit/types';
import { adjustPoints } from './adjust';
import { checkIn, checkInCalendar } from './checkin';
import { expirePoints } from './expire';
import { pointsBalance, pointsLedger } from './queries';

const customers: readonly Role[] = ['customer'];
const operators: readonly Role[] = ['operator'];
const timer: readonly Role[] = ['system'];

/** Customer routes always have an openid; each reads only the caller's own points. */
const openidOf = (ctx: ActionContext): string => ctx.caller.openid as string;

export const pointsRoutes = {
  balance: defineRoute({
    schema: pointsContracts.balance.input,
    roles: customers,
    handler: (_input, ctx) => pointsBalance(ctx, openidOf(ctx)),
  }),
  ledger: defineRoute({
    schema: pointsContracts.ledger.input,
    roles: customers,
    handler: (input, ctx) => pointsLedger(ctx, openidOf(ctx), input),
  }),
  checkIn: defineRoute({
    schema: pointsContracts.checkIn.input,
    roles: customers,
    handler: (_input, ctx) => checkIn(ctx, openidOf(ctx)),
  }),
  checkInCalendar: defineRoute({
    schema: pointsContracts.checkInCalendar.input,
    roles: customers,
    handler: (input, ctx) => checkInCalendar(ctx, openidOf(ctx), input.month),
  }),
  adjust: defineRoute({
    schema: pointsContracts.adjust.input,
    roles: operators,
    handler: (input, ctx) => adjustPoints(ctx, ctx.caller.openid, input),
  }),
  expirePoints: defineRoute({
    schema: pointsTimerContracts.expirePoints.input,
    roles: timer,
    handler: (_input, ctx) => expirePoints(ctx),
  }),
};
