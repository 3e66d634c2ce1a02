import { orderContracts, orderTimerContracts } from '../../../core/contracts/order';
import { defineRoute } from '../../kit';
import type { ActionContext, Role } from '../../kit/types';
import { findPaymentProvider, paymentProviderOf } from '../payment/provider';
import { deleteAddress, listAddresses, saveAddress, setDefaultAddress } from './addresses';
import { createOrder } from './create';
import { cancelExpiredOrders } from './expire';
import { cancelOrder, confirmOrder, requestRefund } from './lifecycle';
import { exportOrders } from './export';
import { getOpsOrder } from './ops-detail';
import { searchOrders } from './search';
import { shipBatch, shipOneAudited } from './ship-batch';
import { payOrder } from './pay';
import { closeSupersededTrade, holdWalletPart } from '../wallet/hold';
import { payOrderFromWallet } from '../wallet/pay-order';
import { getOrder, listOrders } from './queries';
import { quoteOrder } from './quote';
import { processDueRefunds } from './refunds';
import { autoApproveRefunds } from './auto-approve';
import { reviewRefund, withdrawRefund } from './review';
import { listRefundRequests } from './review-list';

const customers: readonly Role[] = ['customer'];
const operators: readonly Role[] = ['operator'];
const timer: readonly Role[] = ['system'];

/** Customer routes always have an openid; orders are looked up by it (others' answer ORDER_NOT_FOUND). */
const openidOf = (ctx: ActionContext): string => ctx.caller.openid as string;

export const orderRoutes = {
  quote: defineRoute({
    schema: orderContracts.quote.input,
    roles: customers,
    handler: (input, ctx) => quoteOrder(ctx, openidOf(ctx), input),
  }),
  create: defineRoute({
    schema: orderContracts.create.input,
    roles: customers,
    handler: (input, ctx) => createOrder(ctx, openidOf(ctx), input),
  }),
  pay: defineRoute({
    schema: orderContracts.pay.input,
    roles: customers,
    // `method: 'wallet'`: paid at once from the stored value; `'split'`: the balance held, WeChat Pay for the rest (issue 14, services/wallet).
    handler: async (input, ctx) => {
      if (input.method === 'wallet') return payOrderFromWallet(ctx, openidOf(ctx), input.orderId);
      const provider = paymentProviderOf(ctx.runtime);
      if (input.method === 'split') {
        const { supersededTradeNo } = await holdWalletPart(ctx, openidOf(ctx), input.orderId);
        if (supersededTradeNo) await closeSupersededTrade(ctx, provider, input.orderId, supersededTradeNo);
      }
      return payOrder(ctx, provider, openidOf(ctx), input.orderId);
    },
  }),
  cancel: defineRoute({
    schema: orderContracts.cancel.input,
    roles: customers,
    handler: (input, ctx) => cancelOrder(ctx, findPaymentProvider(ctx.runtime), openidOf(ctx), input.orderId),
  }),
  confirm: defineRoute({
    schema: orderContracts.confirm.input,
    roles: customers,
    handler: (input, ctx) => confirmOrder(ctx, openidOf(ctx), input.orderId),
  }),
  requestRefund: defineRoute({
    schema: orderContracts.requestRefund.input,
    roles: customers,
    handler: (input, ctx) => requestRefund(ctx, openidOf(ctx), input),
  }),
  withdrawRefund: defineRoute({
    schema: orderContracts.withdrawRefund.input,
    roles: customers,
    handler: (input, ctx) => withdrawRefund(ctx, openidOf(ctx), input.orderId),
  }),
  // Refund review (issue 10): services/order/{review,review-list,auto-approve}.
  reviewRefund: defineRoute({
    schema: orderContracts.reviewRefund.input,
    roles: operators,
    handler: (input, ctx) => reviewRefund(ctx, openidOf(ctx), input),
  }),
  listRefundRequests: defineRoute({
    schema: orderContracts.listRefundRequests.input,
    roles: operators,
    handler: (input, ctx) => listRefundRequests(ctx, input),
  }),
  // The address book (issue 12): services/order/addresses.
  addresses: defineRoute({
    schema: orderContracts.addresses.input,
    roles: customers,
    handler: (_input, ctx) => listAddresses(ctx, openidOf(ctx)),
  }),
  saveAddress: defineRoute({
    schema: orderContracts.saveAddress.input,
    roles: customers,
    handler: (input, ctx) => saveAddress(ctx, openidOf(ctx), input),
  }),
  deleteAddress: defineRoute({
    schema: orderContracts.deleteAddress.input,
    roles: customers,
    handler: (input, ctx) => deleteAddress(ctx, openidOf(ctx), input.addressId),
  }),
  setDefaultAddress: defineRoute({
    schema: orderContracts.setDefaultAddress.input,
    roles: customers,
    handler: (input, ctx) => setDefaultAddress(ctx, openidOf(ctx), input.addressId),
  }),
  get: defineRoute({
    schema: orderContracts.get.input,
    roles: customers,
    handler: (input, ctx) => getOrder(ctx, openidOf(ctx), input.orderId),
  }),
  list: defineRoute({
    schema: orderContracts.list.input,
    roles: customers,
    handler: (input, ctx) => listOrders(ctx, openidOf(ctx), input),
  }),
  ship: defineRoute({
    schema: orderContracts.ship.input,
    roles: operators,
    handler: (input, ctx) => shipOneAudited(ctx, openidOf(ctx), { orderId: input.orderId, carrier: input.carrier ?? '', trackingNo: input.trackingNo }),
  }),
  // The operators' orders (issue 10): services/order/{search,ops-detail,ship-batch,export}.
  search: defineRoute({
    schema: orderContracts.search.input,
    roles: operators,
    handler: (input, ctx) => searchOrders(ctx, input),
  }),
  opsGet: defineRoute({
    schema: orderContracts.opsGet.input,
    roles: operators,
    handler: (input, ctx) => getOpsOrder(ctx, input.orderId),
  }),
  shipBatch: defineRoute({
    schema: orderContracts.shipBatch.input,
    roles: operators,
    handler: (input, ctx) => shipBatch(ctx, openidOf(ctx), input),
  }),
  exportCsv: defineRoute({
    schema: orderContracts.exportCsv.input,
    roles: operators,
    handler: (input, ctx) => exportOrders(ctx, openidOf(ctx), input),
  }),
  cancelExpired: defineRoute({
    schema: orderTimerContracts.cancelExpired.input,
    roles: timer,
    handler: (_input, ctx) => cancelExpiredOrders(ctx, findPaymentProvider(ctx.runtime)),
  }),
  /** The function's one timer trigger (CloudBase allows one per function): expired orders, overdue refund requests, then due refunds. */
  sweep: defineRoute({
    schema: orderTimerContracts.sweep.input,
    roles: timer,
    handler: async (_input, ctx) => ({
      cancelExpired: await cancelExpiredOrders(ctx, findPaymentProvider(ctx.runtime)),
      autoApproveRefunds: await autoApproveRefunds(ctx),
      processRefunds: await processDueRefunds(ctx, findPaymentProvider(ctx.runtime)),
    }),
  }),
  processRefunds: defineRoute({
    schema: orderTimerContracts.processRefunds.input,
    roles: timer,
    handler: (_input, ctx) => processDueRefunds(ctx, findPaymentProvider(ctx.runtime)),
  }),
};
