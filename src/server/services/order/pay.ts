import type { OrderView, PayView } from '../../../core/contracts/order';
import { orderErrors } from '../../../core/order/errors';
import { transitionOrder } from '../../../core/order/status';
import { cashDueOf } from '../../../core/wallet/split';
import { openPaymentAttempt } from '../payment/attempts';
import type { PaymentProvider } from '../payment/port';
import { loadOwnOrder } from './access';
import type { ServiceDeps } from './deps';

/**
 * Payment parameters for the customer's unpaid order, from the payment port
 * (outside any transaction), for the order's live trade (a new out_trade_no
 * after a payment of the wrong amount was refused). Refuses an order that is
 * not PENDING_PAYMENT (ORDER_STATE_INVALID) or whose deadline passed (ORDER_EXPIRED).
 */
export async function payOrder(deps: ServiceDeps, provider: PaymentProvider, openid: string, orderId: string): Promise<PayView> {
  const order = await loadOwnOrder(deps.db, openid, orderId);
  transitionOrder(order.status, 'pay');
  if (deps.now() >= order.expiresAt) throw orderErrors.orderExpired(orderId);
  const attempt = await openPaymentAttempt(deps, openid, orderId);
  const amount = cashDueOf(order); // less a split payment's held wallet part (core/wallet/split)
  const payment = await provider.createPayment({
    orderId: order._id,
    outTradeNo: attempt.outTradeNo,
    amount,
    description: paymentDescription(order.items),
    openid: order.openid,
    expiresAt: order.expiresAt,
  });
  const walletFen = order.amounts.payable - amount;
  return { orderId: order._id, amount, ...(walletFen > 0 ? { walletFen } : {}), expiresAt: order.expiresAt, payment };
}

/** WeChat's `body`: at most 128 characters. */
function paymentDescription(items: OrderView['items']): string {
  const first = items[0]?.productName ?? '商品';
  const text = items.length > 1 ? `${first} 等 ${items.length} 件商品` : first;
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}
