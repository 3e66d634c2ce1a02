import type { TimerReport } from '../../../core/contracts/order';
import type { OrderDoc } from '../../../core/order/types';
import type { PaymentProvider } from '../payment/port';
import { settleExpiredOrder } from '../payment/settle-expired';
import type { ServiceDeps } from './deps';
import { OrderCollections } from './records';

const BATCH = 100;
/** Stay well inside CloudBase's 60 s per call; the next minute's run continues. */
const MAX_BATCHES = 5;

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
  const seen = new Set<string>();
  for (let batch = 0; batch < MAX_BATCHES; batch += 1) {
    const { data } = await deps.db
      .collection<OrderDoc>(OrderCollections.orders)
      .where({ status: 'PENDING_PAYMENT', expiresAt: deps.db.command.lte(deps.now()) })
      .orderBy('expiresAt', 'asc')
      .limit(BATCH)
      .field({ _id: true })
      .get();
    const fresh = data.filter((o) => !seen.has(o._id));
    if (fresh.length === 0) break;
    for (const { _id } of fresh) {
      seen.add(_id);
      report.scanned += 1;
      try {
        if ((await settleExpiredOrder(deps, provider, _id)) !== 'UNCHANGED') report.changed += 1;
      } catch (error) {
        deps.log.error('cancelExpired: could not cancel order', { orderId: _id, error });
      }
    }
    if (data.length < BATCH) break;
  }
  if (report.changed > 0) deps.log.info('cancelExpired', { ...report });
  return report;
}
