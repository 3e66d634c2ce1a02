import type { TimerReport } from '../../../core/contracts/order';
import { changeOrder } from './change';
import type { ServiceDeps } from './deps';
import { forEachDue } from './due-sweep';
import { OrderCollections } from './records';
import { approval } from './review';
import { refundAutoApproveHours } from './settings';

/**
 * Sweep step `autoApproveRefunds`: a customer's refund request nobody decided
 * within `refundAutoApproveHours` (settings/order, default 48) is approved by
 * the system, as Youzan does. Chunked (index status + refundRequest.requestedAt);
 * each approval is its own transaction that re-reads the order, so a second
 * or concurrent run, or an operator deciding at that moment, approves once:
 * only one of them finds the request still pending.
 */
export async function autoApproveRefunds(deps: ServiceDeps): Promise<TimerReport> {
  const report: TimerReport = { scanned: 0, changed: 0 };
  const deadline = deps.now() - (await refundAutoApproveHours(deps)) * 3_600_000;
  const overdue = {
    collection: OrderCollections.orders,
    where: () => ({ status: 'REFUND_REQUESTED', 'refundRequest.requestedAt': deps.db.command.lte(deadline) }),
    orderBy: 'refundRequest.requestedAt',
    batch: 100,
    maxBatches: 5,
  };
  await forEachDue(deps.db, overdue, async (orderId) => {
    report.scanned += 1;
    try {
      if (await approveIfOverdue(deps, orderId, deadline)) report.changed += 1;
    } catch (error) {
      deps.log.error('autoApproveRefunds: could not approve', { orderId, error });
    }
  });
  if (report.changed > 0) deps.log.info('autoApproveRefunds', { ...report });
  return report;
}

async function approveIfOverdue(deps: ServiceDeps, orderId: string, deadline: number): Promise<boolean> {
  const now = deps.now();
  let approved = false;
  await changeOrder(deps, orderId, null, (current) => {
    approved = false; // the transaction may run this again: only the committed run counts
    const request = current.refundRequest;
    if (current.status !== 'REFUND_REQUESTED' || !request || request.state !== 'PENDING' || request.requestedAt > deadline) return null;
    const decision = approval(deps, current, 'system', '', now);
    approved = decision !== null && 'patch' in decision;
    return decision;
  });
  return approved;
}
