import { walletContracts, walletTimerContracts } from '../../../core/contracts/wallet';
import { defineRoute } from '../../kit/define-route';
import type { ActionContext, Role } from '../../kit/types';
import { findPaymentProvider } from '../payment/provider';
import { chargeStatus, confirmCharge, expireCharges, pendingCharges, storeCharge } from './charge';
import { expireGifts } from './expire';
import { walletOverview } from './overview';
import { listOpsPlans, listPlans, savePlan } from './plans';
import { myPrincipalRefunds, opsPrincipalRefunds, processPayouts, requestPrincipalRefund, reviewPrincipalRefund } from './principal-refund';
import { walletBalance, walletLedger } from './queries';
import { createTopUp } from './top-up';
import { adjustWallet } from './adjust';

const customers: readonly Role[] = ['customer'];
const operators: readonly Role[] = ['operator'];
const staff: readonly Role[] = ['staff'];
const timer: readonly Role[] = ['system'];
const openidOf = (ctx: ActionContext): string => ctx.caller.openid as string;

/**
 * The `wallet` function (储值): plans, top-ups (paid through `order.pay`),
 * balance and ledger, principal refunds, in-store charges; `tick` the timer.
 * Paying an order from the wallet is `order.pay {method: 'wallet'}` (services/wallet/pay-order).
 */
export const walletRoutes = {
  plans: defineRoute({ schema: walletContracts.plans.input, roles: customers, handler: (_input, ctx) => listPlans(ctx) }),
  savePlan: defineRoute({ schema: walletContracts.savePlan.input, roles: operators, handler: (input, ctx) => savePlan(ctx, openidOf(ctx), input) }),
  topUp: defineRoute({ schema: walletContracts.topUp.input, roles: customers, handler: (input, ctx) => createTopUp(ctx, openidOf(ctx), input) }),
  balance: defineRoute({ schema: walletContracts.balance.input, roles: customers, handler: (_input, ctx) => walletBalance(ctx, openidOf(ctx)) }),
  ledger: defineRoute({ schema: walletContracts.ledger.input, roles: customers, handler: (input, ctx) => walletLedger(ctx, openidOf(ctx), input) }),
  requestRefund: defineRoute({ schema: walletContracts.requestRefund.input, roles: customers, handler: (input, ctx) => requestPrincipalRefund(ctx, openidOf(ctx), input) }),
  myRefunds: defineRoute({ schema: walletContracts.myRefunds.input, roles: customers, handler: (_input, ctx) => myPrincipalRefunds(ctx, openidOf(ctx)) }),
  opsPlans: defineRoute({ schema: walletContracts.opsPlans.input, roles: operators, handler: (_input, ctx) => listOpsPlans(ctx) }),
  opsOverview: defineRoute({ schema: walletContracts.opsOverview.input, roles: operators, handler: (input, ctx) => walletOverview(ctx, input) }),
  opsRefunds: defineRoute({ schema: walletContracts.opsRefunds.input, roles: operators, handler: (input, ctx) => opsPrincipalRefunds(ctx, input) }),
  reviewRefund: defineRoute({
    schema: walletContracts.reviewRefund.input,
    roles: operators,
    handler: (input, ctx) => reviewPrincipalRefund(ctx, findPaymentProvider(ctx.runtime), openidOf(ctx), input),
  }),
  charge: defineRoute({ schema: walletContracts.charge.input, roles: staff, handler: (input, ctx) => storeCharge(ctx, ctx.caller, input) }),
  chargeStatus: defineRoute({ schema: walletContracts.chargeStatus.input, roles: staff, handler: (input, ctx) => chargeStatus(ctx, ctx.caller, input.chargeId) }),
  pendingCharges: defineRoute({ schema: walletContracts.pendingCharges.input, roles: customers, handler: (_input, ctx) => pendingCharges(ctx, openidOf(ctx)) }),
  confirmCharge: defineRoute({ schema: walletContracts.confirmCharge.input, roles: customers, handler: (input, ctx) => confirmCharge(ctx, openidOf(ctx), input) }),
  adjust: defineRoute({ schema: walletContracts.adjust.input, roles: operators, handler: (input, ctx) => adjustWallet(ctx, openidOf(ctx), input) }),
  /** The function's one timer trigger (every minute): gift expiry, principal refund payouts, unconfirmed charges. */
  tick: defineRoute({
    schema: walletTimerContracts.tick.input,
    roles: timer,
    handler: async (_input, ctx) => ({
      expireGifts: await expireGifts(ctx),
      payouts: await processPayouts(ctx, findPaymentProvider(ctx.runtime)),
      expireCharges: await expireCharges(ctx),
    }),
  }),
};
