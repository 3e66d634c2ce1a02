import type { TimerReport } from '../../../core/contracts/order';
import type { PaymentProvider } from '../payment/port';
import { settleExpiredOrder } from '../payment/settle-expired';
import type { ServiceDeps } from './deps';
import { forEachDue } from './due-sweep';
import { OrderCollections } from './records';

/**
 * Timer `cancelExpired`: gives up unpaid orders past their deadline. One
 * that has a trade with the provider is asked about first, outside any
 * transaction (payment/settle-expired.ts): paid, its payment is applied;
 * not paid, the trade is closed, then the order cancelled. Each change is
 * its own transaction that re-reads the order, so two runs at once, or a
 * payment arriving at that moment, change it once. `changed` counts orders
 * cancelled or found paid.
 */
export async function cancelExpiredOrders(deps: ServiceDeps, provider: PaymentProvider | null = null): Promise<TimerReport> {
  const report: TimerReport = { scanned: 0, changed: 0 };
  const expired = {
    collection: OrderCollections.orders,
    where: () => ({ status: 'PENDING_PAYMENT', expiresAt: deps.db.command.lte(deps.now()) }),
    orderBy: 'expiresAt',
    batch: 100,
    maxBatches: 5,
  };
  await forEachDue(deps.db, expired, async (orderId) => {
    report.scanned += 1;
    try {
      if ((await settleExpiredOrder(deps, provider, orderId)) !== 'UNCHANGED') report.changed += 1;
    } catch (error) {
      deps.log.error('cancelExpired: could not cancel order', { orderId, error });
    }
  });
  if (report.changed > 0) deps.log.info('cancelExpired', { ...report });
  return report;
}
