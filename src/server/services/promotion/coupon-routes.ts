import { couponContracts, couponTimerContracts } from '../../../core/contracts/coupon';
import { defineRoute } from '../../kit';
import type { ActionContext, Role } from '../../kit/types';
import { claimCoupon } from './claim';
import { couponSummary, getMyCoupon, listClaimCenter, listMyCoupons } from './coupon-queries';
import { expireCoupons } from './expire';
import { grantCoupons } from './grant';
import { getOpsTemplate, listOpsTemplates, saveCouponTemplate, setCouponTemplateStatus } from './templates';
import { verifyCouponInStore } from './verify';

const customers: readonly Role[] = ['customer'];
const staff: readonly Role[] = ['staff'];
const timer: readonly Role[] = ['system'];
const operators: readonly Role[] = ['operator'];

const openidOf = (ctx: ActionContext): string => ctx.caller.openid as string;

/** The `coupon` function: the member's coupons, the claim center, staff verification, expiry. */
export const couponRoutes = {
  list: defineRoute({
    schema: couponContracts.list.input,
    roles: customers,
    handler: (input, ctx) => listMyCoupons(ctx, openidOf(ctx), input),
  }),
  get: defineRoute({
    schema: couponContracts.get.input,
    roles: customers,
    handler: (input, ctx) => getMyCoupon(ctx, openidOf(ctx), input.couponId),
  }),
  summary: defineRoute({
    schema: couponContracts.summary.input,
    roles: customers,
    handler: (_input, ctx) => couponSummary(ctx, openidOf(ctx)),
  }),
  templates: defineRoute({
    schema: couponContracts.templates.input,
    roles: customers,
    handler: (_input, ctx) => listClaimCenter(ctx, openidOf(ctx)),
  }),
  claim: defineRoute({
    schema: couponContracts.claim.input,
    roles: customers,
    handler: (input, ctx) => claimCoupon(ctx, openidOf(ctx), input),
  }),
  verify: defineRoute({
    schema: couponContracts.verify.input,
    roles: staff,
    handler: (input, ctx) =>
      verifyCouponInStore(ctx.db, { couponCode: input.code, storeId: input.storeId, staffOpenid: openidOf(ctx), amount: input.amount }, ctx.now()),
  }),
  listTemplates: defineRoute({
    schema: couponContracts.listTemplates.input,
    roles: operators,
    handler: (input, ctx) => listOpsTemplates(ctx, input),
  }),
  getTemplate: defineRoute({
    schema: couponContracts.getTemplate.input,
    roles: operators,
    handler: (input, ctx) => getOpsTemplate(ctx, input.templateId),
  }),
  saveTemplate: defineRoute({
    schema: couponContracts.saveTemplate.input,
    roles: operators,
    handler: (input, ctx) => saveCouponTemplate(ctx, openidOf(ctx), input),
  }),
  setTemplateStatus: defineRoute({
    schema: couponContracts.setTemplateStatus.input,
    roles: operators,
    handler: (input, ctx) => setCouponTemplateStatus(ctx, openidOf(ctx), input),
  }),
  grant: defineRoute({
    schema: couponContracts.grant.input,
    roles: operators,
    handler: (input, ctx) => grantCoupons(ctx, openidOf(ctx), input),
  }),
  expireCoupons: defineRoute({
    schema: couponTimerContracts.expireCoupons.input,
    roles: timer,
    handler: (_input, ctx) => expireCoupons(ctx),
  }),
};
