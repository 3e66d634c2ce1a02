import { sweepDecision, WAIT_RETRY_MS } from '../../../core/growth/reward';
import type { Order, OrderDoc } from '../../../core/order/types';
import type { ServiceDeps } from '../order/deps';
import { OrderCollections } from '../order/records';
import { GrowthCollections, type InviteDoc } from './records';
import { grantInviteRewardInTx, readInviteInTx, voidInviteInTx } from './rewards';
import { loadInviteSettings, loadInviteSettingsInTx } from './settings';

/** Bindings read per query. */
export const SWEEP_PAGE = 50;
/** Stop starting new work after this long: the call must end well inside CloudBase's 60 s. */
export const SWEEP_BUDGET_MS = 40_000;

export interface InviteSweepReport {
  looked: number;
  rewarded: number;
  voided: number;
  waiting: number;
  done: boolean;
}

/**
 * The timer (`growth.tick`, every 10 minutes): `ordered` bindings whose due
 * time has come, oldest first, one transaction each. Each reads its binding
 * and its order again inside the transaction and decides there: grant (the
 * order completed, or N days passed with no refund), void (refunded) or wait
 * (a refund is in review: looked at again in an hour). Granting also stamps
 * the order, so a refund request committing at the same moment conflicts with
 * the grant and one of the two re-runs on the other's result. A binding that
 * was handled leaves the query, so the query is the cursor: a second or
 * overlapping run finds nothing to do twice.
 */
export async function sweepInviteRewards(deps: ServiceDeps): Promise<InviteSweepReport> {
  const started = Date.now();
  const report: InviteSweepReport = { looked: 0, rewarded: 0, voided: 0, waiting: 0, done: true };
  if (!(await loadInviteSettings(deps.db)).enabled) return report;
  const _ = deps.db.command;
  const seen = new Set<string>();
  for (;;) {
    const now = deps.now();
    const { data } = await deps.db
      .collection<InviteDoc>(GrowthCollections.invites)
      .where({ state: 'ordered', dueAt: _.lte(now) })
      .orderBy('dueAt', 'asc')
      .limit(SWEEP_PAGE)
      .get();
    const fresh = data.filter((b) => !seen.has(b._id));
    if (fresh.length === 0) break;
    for (const binding of fresh) {
      if (Date.now() - started > SWEEP_BUDGET_MS) return { ...report, done: false };
      seen.add(binding._id);
      report.looked += 1;
      const outcome = await settleOne(deps, binding.invitee, now);
      if (outcome === 'grant') report.rewarded += 1;
      else if (outcome === 'void') report.voided += 1;
      else if (outcome === 'wait') report.waiting += 1;
    }
    if (data.length < SWEEP_PAGE) break;
  }
  return report;
}

async function settleOne(deps: ServiceDeps, invitee: string, now: number): Promise<'grant' | 'void' | 'wait' | 'skip'> {
  return deps.db.runTransaction(async (tx) => {
    const binding = await readInviteInTx(tx, invitee);
    if (!binding || binding.state !== 'ordered' || binding.dueAt === null || binding.dueAt > now || !binding.orderId) return 'skip';
    const orderRef = tx.collection<OrderDoc>(OrderCollections.orders).doc(binding.orderId);
    const order = (await orderRef.get()).data as Order | null;
    const decision = sweepDecision(order?.status ?? null, binding.dueAt, now);
    if (decision === 'not-yet') return 'skip';
    if (decision === 'void') {
      await voidInviteInTx(tx, binding, now);
      return 'void';
    }
    if (decision === 'wait') {
      await tx.collection<InviteDoc>(GrowthCollections.invites).doc(invitee).update({ dueAt: now + WAIT_RETRY_MS, updatedAt: now });
      return 'wait';
    }
    const settings = await loadInviteSettingsInTx(tx);
    await grantInviteRewardInTx(tx, binding, settings, now, deps.log);
    await tx.collection(OrderCollections.orders).doc(binding.orderId).update({ inviteRewardedAt: now });
    return 'grant';
  });
}
