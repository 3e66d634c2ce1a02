import type { CrmTickReport } from '../../../core/contracts/crm';
import type { ServiceDeps } from '../order/deps';
import { deliverDueCampaigns } from './campaign-run';
import { fireIdleCartJourneys } from './idle-carts';
import { rescoreChunk } from './rescore';

/** CloudBase stops a call at 60 s: a tick spends at most this much, then the next minute's run continues. */
export const TICK_BUDGET_MS = 40_000;

/**
 * The `crm` timer (every minute): campaign deliveries first (they have a start
 * time the operator chose), then the idle-cart journeys, then the daily
 * re-score, which fires the other journeys as it goes. Each part resumes
 * from stored progress, so a tick cut short loses nothing.
 */
export async function runCrmTick(deps: ServiceDeps, options: { budgetMs?: number } = {}): Promise<CrmTickReport> {
  const started = Date.now();
  const deadline = started + (options.budgetMs ?? TICK_BUDGET_MS);
  const report: CrmTickReport = { delivered: 0, rescored: 0, journeysFired: 0, idleCarts: 0, elapsedMs: 0 };
  report.delivered = await deliverDueCampaigns(deps, deadline);
  if (Date.now() < deadline) {
    const carts = await fireIdleCartJourneys(deps, deadline);
    report.idleCarts = carts.carts;
    report.journeysFired += carts.fired;
  }
  while (Date.now() < deadline) {
    const chunk = await rescoreChunk(deps);
    report.rescored += chunk.scored;
    report.journeysFired += chunk.fired;
    if (chunk.done) break;
  }
  report.elapsedMs = Date.now() - started;
  if (report.delivered + report.rescored + report.journeysFired > 0) deps.log.info('crm tick', { ...report });
  return report;
}
