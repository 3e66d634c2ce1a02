import { memberContracts } from '../../../core/contracts/member';
import { defineRoute } from '../../kit';
import type { ActionContext, Role } from '../../kit/types';
import { claimBirthdayGift } from './birthday-gift';
import { memberCard } from './card';
import { joinMember } from './join';
import { currentMemberCode, lookupMemberByCode } from './member-code';
import { searchMembers } from './search';
import { setTiers } from './tiers-admin';
import { recordVisit } from '../crm/visit';

const customers: readonly Role[] = ['customer'];
const staff: readonly Role[] = ['staff'];
const operators: readonly Role[] = ['operator'];

/** Customer routes always have an openid. */
const openidOf = (ctx: ActionContext): string => ctx.caller.openid as string;

export const memberRoutes = {
  join: defineRoute({
    schema: memberContracts.join.input,
    roles: customers,
    handler: (input, ctx) => joinMember(ctx, openidOf(ctx), input),
  }),
  card: defineRoute({
    schema: memberContracts.card.input,
    roles: customers,
    handler: (_input, ctx) => memberCard(ctx, openidOf(ctx)),
  }),
  code: defineRoute({
    schema: memberContracts.code.input,
    roles: customers,
    handler: (_input, ctx) => currentMemberCode(ctx, openidOf(ctx)),
  }),
  claimBirthdayGift: defineRoute({
    schema: memberContracts.claimBirthdayGift.input,
    roles: customers,
    handler: (_input, ctx) => claimBirthdayGift(ctx, openidOf(ctx)),
  }),
  lookupByCode: defineRoute({
    schema: memberContracts.lookupByCode.input,
    roles: staff,
    handler: (input, ctx) => lookupMemberByCode(ctx, input.code),
  }),
  setTiers: defineRoute({
    schema: memberContracts.setTiers.input,
    roles: operators,
    handler: (input, ctx) => setTiers(ctx, ctx.caller.openid, input.tiers),
  }),
  searchMembers: defineRoute({
    schema: memberContracts.searchMembers.input,
    roles: operators,
    handler: (input, ctx) => searchMembers(ctx, input),
  }),
  visit: defineRoute({
    schema: memberContracts.visit.input,
    roles: customers,
    handler: (_input, ctx) => recordVisit(ctx, openidOf(ctx)),
  }),
};
