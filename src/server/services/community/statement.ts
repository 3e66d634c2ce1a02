import { readPages } from '../../kit/read-pages';
import type { StatementView } from '../../../core/contracts/community';
import { communityErrors } from '../../../core/community/errors';
import { monthIsOver, statementTotals } from '../../../core/community/statement';
import type { StatementConfirmationDoc } from '../../../core/community/types';
import type { Db } from '../../db';
import { CommissionCollections, type CommissionEntryDoc } from '../commission/records';
import type { ServiceDeps } from '../order/deps';
import { transact } from '../order/transact';
import { CommunityCollections, leaderIdOf, loadLeader } from './records';

const PAGE = 1000;
const MAX_PAGES = 20;

/** The leader's commission ledger entries counted in `month` (kind 'leader'; accruals of the month and reversals made in it). */
async function leaderEntries(db: Db, leaderId: string, month: string): Promise<Array<CommissionEntryDoc & { _id: string }>> {
  const query = db.collection<CommissionEntryDoc>(CommissionCollections.entries).where({ kind: 'leader', beneficiaryId: leaderId, period: month });
  return readPages(async (skip, limit) => (await query.orderBy('createdAt', 'desc').skip(skip).limit(limit).get()).data, PAGE, MAX_PAGES * PAGE);
}

export const statementId = (leaderId: string, month: string): string => `${leaderId}:${month}`;

async function loadConfirmation(db: Db, leaderId: string, month: string): Promise<StatementConfirmationDoc | null> {
  const { data } = await db.collection<StatementConfirmationDoc>(CommunityCollections.statements).doc(statementId(leaderId, month)).get();
  return data[0] ?? null;
}

/**
 * A leader's monthly settlement statement (月结单): the sum of their
 * commission ledger entries of the month. Once the operator confirmed it,
 * its totals are the confirmed ones; entries count in the month they are made
 * and a month is confirmed only once it is over, so a later reversal lands in
 * a later statement, never in a confirmed one.
 */
export async function leaderStatement(deps: ServiceDeps, leaderId: string, month: string): Promise<StatementView> {
  const leader = await loadLeader(deps.db, leaderId);
  if (!leader) throw communityErrors.leaderNotFound();
  const [entries, confirmation] = await Promise.all([leaderEntries(deps.db, leaderId, month), loadConfirmation(deps.db, leaderId, month)]);
  const totals = statementTotals(entries);
  return {
    leaderId,
    leaderName: leader.realName,
    pointName: leader.point.name,
    month,
    ...totals,
    ...(confirmation
      ? { accruedFen: confirmation.accruedFen, reversedFen: confirmation.reversedFen, netFen: confirmation.netFen, entries: confirmation.entries }
      : {}),
    lines: entries.map((entry) => ({
      orderNo: entry.orderNo,
      type: entry.type,
      amountFen: entry.amountFen,
      baseFen: entry.baseFen,
      rateBps: entry.rateBps,
      at: entry.createdAt,
    })),
    confirmable: !confirmation && monthIsOver(month, deps.now()),
    confirmed: confirmation ? { at: confirmation.confirmedAt } : null,
  };
}

/** The leader's own statement. */
export const myStatement = (deps: ServiceDeps, openid: string, month: string): Promise<StatementView> => leaderStatement(deps, leaderIdOf(openid), month);

/**
 * The operator confirms a leader's month (STATEMENT_MONTH_OPEN before it is
 * over): one record per leader and month, written once; a repeat, or two
 * operators at once, answer the first confirmation.
 */
export async function confirmStatement(deps: ServiceDeps, operator: string, leaderId: string, month: string): Promise<StatementView> {
  const now = deps.now();
  if (!monthIsOver(month, now)) throw communityErrors.statementMonthOpen(month);
  const leader = await loadLeader(deps.db, leaderId);
  if (!leader) throw communityErrors.leaderNotFound();
  const totals = statementTotals(await leaderEntries(deps.db, leaderId, month));
  await transact(deps.db, async (tx) => {
    const ref = tx.collection<StatementConfirmationDoc>(CommunityCollections.statements).doc(statementId(leaderId, month));
    if ((await ref.get()).data) return null;
    await ref.set({
      leaderId,
      month,
      accruedFen: totals.accruedFen,
      reversedFen: totals.reversedFen,
      netFen: totals.netFen,
      entries: totals.entries,
      confirmedAt: now,
      confirmedBy: operator,
    });
    return null;
  });
  return leaderStatement(deps, leaderId, month);
}
