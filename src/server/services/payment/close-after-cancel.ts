import type { Order } from '../../../core/order/types';
import type { ServiceDeps } from '../order/deps';
import { liveAttemptOf } from './attempts';
import { applyPaidTrade } from './paid-trade';
import type { PaymentProvider } from './port';

/**
 * What closing a cancelled order's trade did: CLOSED (it can never be paid),
 * PAID (paid before the close: that payment is now applied, so refunded as
 * PAID_AFTER_CANCEL), NO_TRADE (none the provider could take), FAILED (the
 * provider refused or failed, e.g. WeChat's closeorder in a trade's first 5
 * minutes: the trade stays open until its time_expire).
 */
export type CancelCloseOutcome = 'CLOSED' | 'PAID' | 'NO_TRADE' | 'FAILED';

/**
 * After an order's cancel has committed (never inside its transaction),
 * closes its live trade with the provider (`closeorder`, the call the sweep
 * uses) so the customer cannot pay a cancelled order. Never throws: the
 * cancel stands whatever happens here, and a payment that still gets
 * through is refunded by the PAID_AFTER_CANCEL path.
 */
export async function closeTradeOfCancelledOrder(deps: ServiceDeps, provider: PaymentProvider | null, order: Order): Promise<CancelCloseOutcome> {
  const attempt = order.status === 'CANCELLED' ? liveAttemptOf(order) : null;
  if (!attempt) return 'NO_TRADE';
  if (order.latePayment && (order.latePayment.outTradeNo ?? order._id) === attempt.outTradeNo) return 'PAID';
  const fields = { orderId: order._id, outTradeNo: attempt.outTradeNo };
  if (!provider) {
    deps.log.error('cancelled order has a trade but no payment provider to close it; a late payment will be refunded', fields);
    return 'FAILED';
  }
  try {
    if ((await provider.closeTrade(attempt.outTradeNo)) === 'CLOSED') return 'CLOSED';
    // Paid just before the close: apply it now (a refund due), in case its notification never comes.
    const trade = await provider.queryTrade(attempt.outTradeNo);
    if (trade.state === 'PAID') await applyPaidTrade(deps, order._id, attempt.outTradeNo, trade);
    return 'PAID';
  } catch (error) {
    deps.log.warn('trade of a cancelled order could not be closed; a late payment will be refunded', { ...fields, error });
    return 'FAILED';
  }
}
