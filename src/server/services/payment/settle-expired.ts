import type { Order } from '../../../core/order/types';
import { loadOrder } from '../order/access';
import type { ServiceDeps } from '../order/deps';
import { cancelIfExpired } from '../order/lifecycle';
import { liveAttemptOf } from './attempts';
import { applyPaidTrade } from './paid-trade';
import type { PaymentProvider } from './port';

/**
 * What became of an unpaid order's trade: PAID (the payment is now applied),
 * CLOSED (closed at the provider: it can never be paid), NO_TRADE (nothing
 * the provider could still take: never opened, or spent on a refused
 * payment), WAIT (being paid right now, refunded at the provider, no
 * provider to ask, or the close failed: leave the order to the next run).
 */
export type TradeOutcome = 'PAID' | 'CLOSED' | 'NO_TRADE' | 'WAIT';

/**
 * Before an unpaid order is given up, asks the provider about its live trade
 * (WeChat `orderquery`; the sandbox's books), never inside a transaction.
 * Paid: the payment is applied exactly as its notification would apply it,
 * with the same notification id, so the notification arriving later is a
 * replay. Not paid: the trade is closed (`closeorder`) so it can never be
 * paid later; a payment that slipped in before the close is applied instead.
 * A close that fails (WeChat refuses `closeorder` in a trade's first 5
 * minutes, or any error) leaves the order unpaid for the next run: an order
 * is never cancelled while its trade may still take money.
 */
export async function settleUnpaidTrade(deps: ServiceDeps, provider: PaymentProvider | null, order: Order): Promise<TradeOutcome> {
  const attempt = liveAttemptOf(order);
  if (!attempt) return 'NO_TRADE';
  const outTradeNo = attempt.outTradeNo;
  if (!provider) {
    deps.log.error('unpaid order has a trade but no payment provider can be asked about it; left as it is', { orderId: order._id, outTradeNo });
    return 'WAIT';
  }
  let trade = await provider.queryTrade(outTradeNo);
  if (trade.state === 'CLOSED') return 'CLOSED';
  if (trade.state === 'UNPAID' || trade.state === 'NOT_FOUND') {
    try {
      if ((await provider.closeTrade(outTradeNo)) === 'CLOSED') return 'CLOSED';
    } catch (error) {
      deps.log.warn('trade could not be closed; unpaid order left for the next run', { orderId: order._id, outTradeNo, error });
      return 'WAIT';
    }
    trade = await provider.queryTrade(outTradeNo);
  }
  if (trade.state === 'PAID') {
    const applied = await applyPaidTrade(deps, order._id, outTradeNo, trade);
    // A refused amount spent the trade (its refund is due): nothing is left that could pay the order.
    return applied.outcome === 'AMOUNT_MISMATCH' ? 'NO_TRADE' : 'PAID';
  }
  deps.log.warn('unpaid order left for the next run', { orderId: order._id, outTradeNo, state: trade.state });
  return 'WAIT';
}

export type ExpiredOrderOutcome = 'PAID' | 'CANCELLED' | 'UNCHANGED';

/**
 * The order sweep's step for one order of any kind (ordinary, flash-sale,
 * points-mall and group-buy orders all live in `orders`; the flash-sale and
 * group-buy timers give back units and seats, never cancel orders): a
 * PENDING_PAYMENT order past its deadline is settled with the provider
 * first, then cancelled only if its trade can no longer pay it, and only if
 * that trade is still the order's when the cancel runs.
 */
export async function settleExpiredOrder(deps: ServiceDeps, provider: PaymentProvider | null, orderId: string): Promise<ExpiredOrderOutcome> {
  const order = await loadOrder(deps.db, orderId);
  if (!order || order.status !== 'PENDING_PAYMENT' || order.expiresAt > deps.now()) return 'UNCHANGED';
  const trade = await settleUnpaidTrade(deps, provider, order);
  if (trade === 'PAID') return 'PAID';
  if (trade === 'WAIT') return 'UNCHANGED';
  const closedTradeNo = trade === 'CLOSED' ? liveAttemptOf(order)?.outTradeNo ?? null : null;
  const cancelled = await cancelIfExpired(deps, orderId, (current) => (liveAttemptOf(current)?.outTradeNo ?? null) === closedTradeNo);
  return cancelled ? 'CANCELLED' : 'UNCHANGED';
}
