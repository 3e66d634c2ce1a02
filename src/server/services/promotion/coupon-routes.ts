import { couponContracts, couponTimerContracts } from '../../../core/contracts/coupon';
import { defineRoute } from '../../kit';
import type { ActionContext, Role } from '../../kit/types';
import { claimCoupon } from './claim';
import { couponSummary, getMyCoupon, listClaimCenter, listMyCoupons } from './coupon-queries';
import { expireCoupons } from './expire';
import { verifyCouponInStore } from './verify';

const customers: readonly Role[] = ['customer'];
const staff: readonly Role[] = ['staff'];
const timer: readonly Role[] = ['system'];

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
  expireCoupons: defineRoute({
    schema: couponTimerContracts.expireCoupons.input,
    roles: timer,
    handler: (_input, ctx) => expireCoupons(ctx),
  }),
};
