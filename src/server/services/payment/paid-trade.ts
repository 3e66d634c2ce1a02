import type { PaymentNotification } from '../../../core/contracts/payment';
import type { ServiceDeps } from '../order/deps';
import { applyPaymentNotification, type AppliedNotification } from './notification';
import type { TradeStatus } from './port';

/**
 * A payment learnt by asking the provider (`orderquery`) rather than from
 * its notification: applied exactly as the notification would be, under
 * the same notification id, so the notification arriving later is a replay.
 */
export async function applyPaidTrade(deps: ServiceDeps, orderId: string, outTradeNo: string, trade: TradeStatus): Promise<AppliedNotification> {
  const applied = await applyPaymentNotification(deps, paidNotification(outTradeNo, trade), true, 'orderquery');
  deps.log.warn('payment found by asking the provider (its notification had not arrived)', {
    orderId,
    outTradeNo,
    transactionId: trade.transactionId,
    outcome: applied.outcome,
    replay: applied.replay,
  });
  return applied;
}

/** The notification WeChat would have sent for a trade `orderquery` reports paid. */
export function paidNotification(outTradeNo: string, trade: TradeStatus): PaymentNotification {
  return {
    returnCode: 'SUCCESS',
    resultCode: 'SUCCESS',
    outTradeNo,
    ...(trade.transactionId !== null ? { transactionId: trade.transactionId } : {}),
    ...(trade.amount !== null ? { totalFee: trade.amount } : {}),
    ...(trade.timeEnd !== null ? { timeEnd: trade.timeEnd } : {}),
  };
}
