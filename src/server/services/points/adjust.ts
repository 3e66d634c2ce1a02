import { isAppError } from '../../../core/errors';
import type { AdjustView } from '../../../core/contracts/points';
import { loadMember } from '../member/access';
import { memberErrors } from '../member/errors';
import type { ServiceDeps } from '../order/deps';
import { refuse, transact } from '../order/transact';
import { readAccountInTx, readEntryInTx, writeEntryInTx } from './ledger';
import { ledgerEntryId } from './records';
import { pointsSource } from './sources';

export interface AdjustRequest {
  openid: string;
  delta: number;
  reason: string;
  requestId: string;
}

/**
 * An operator adds or takes a member's points with a reason, as `adjust:<requestId>`:
 * a repeat answers `applied: false`. Taking more than the balance is INSUFFICIENT_POINTS.
 */
export async function adjustPoints(deps: ServiceDeps, operatorOpenid: string | null, input: AdjustRequest): Promise<AdjustView> {
  if (!(await loadMember(deps.db, input.openid))) throw memberErrors.memberNotFound();
  const now = deps.now();
  const source = pointsSource.adjust(input.requestId);
  const entryId = ledgerEntryId(input.openid, source);
  return transact(deps.db, async (tx) => {
    const account = await readAccountInTx(tx, input.openid, now);
    if (await readEntryInTx(tx, input.openid, source)) return { applied: false, balance: account.balance, entryId };
    try {
      const entry = { id: source, openid: input.openid, delta: input.delta, kind: 'adjust' as const, note: input.reason, refId: operatorOpenid ?? undefined };
      const { balance } = await writeEntryInTx(tx, account, entry, now);
      deps.log.info('points adjusted', { openid: input.openid, delta: input.delta, requestId: input.requestId, by: operatorOpenid });
      return { applied: true, balance, entryId };
    } catch (error) {
      if (isAppError(error)) return refuse(error);
      throw error;
    }
  });
}
