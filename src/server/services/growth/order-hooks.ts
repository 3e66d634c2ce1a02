import type { OrderHooks } from '../order/hooks';
import { markFirstOrderInTx, rewardOnCompletionInTx, voidOnRefundInTx } from './rewards';
import { attributeShareInTx, refundShareInTx } from './shares';

/**
 * Growth's part of an order's events, in the order's transaction: an
 * invitee's first paid order starts the reward's clock, its completion makes
 * the reward due, its refund voids it; a share that sold the order is
 * credited on payment and debited on refund.
 */
export const growthOrderHooks: OrderHooks = {
  async paid(tx, order, deps, now) {
    await markFirstOrderInTx(tx, order, now);
    await attributeShareInTx(tx, order, deps, now);
  },
  async completed(tx, order, deps, now) {
    await rewardOnCompletionInTx(tx, order, now, deps.log);
  },
  async refunded(tx, order, deps, now) {
    await voidOnRefundInTx(tx, order, now);
    await refundShareInTx(tx, order, deps, now);
  },
};
