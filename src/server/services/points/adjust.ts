import { isAppError } from '../../../core/errors';
import { inputFingerprint, reusedKeyError } from '../../kit/input-fingerprint';
import type { AdjustView } from '../../../core/contracts/points';
import { loadMember } from '../member/access';
import { memberErrors } from '../member/errors';
import type { ServiceDeps } from '../order/deps';
import { refuse, transact } from '../order/transact';
import { readAccountInTx, readEntryInTx, writeEntryInTx } from './ledger';
import { ledgerEntryId } from './records';
import { pointsSource } from './sources';

export const POINTS_ADJUST_SCOPE = 'points.adjust';

export interface AdjustRequest {
  openid: string;
  delta: number;
  reason: string;
  requestId: string;
}

/**
 * An operator adds or takes a member's points with a reason, as `adjust:<requestId>`:
 * a repeat answers `applied: false`; a repeat with another member, delta, reason or
 * operator is IDEMPOTENCY_KEY_REUSED. Taking more than the balance is INSUFFICIENT_POINTS.
 */
export async function adjustPoints(deps: ServiceDeps, operatorOpenid: string | null, input: AdjustRequest): Promise<AdjustView> {
  if (!(await loadMember(deps.db, input.openid))) throw memberErrors.memberNotFound();
  const now = deps.now();
  const source = pointsSource.adjust(input.requestId);
  const entryId = ledgerEntryId(input.openid, source);
  const fingerprint = inputFingerprint(POINTS_ADJUST_SCOPE, operatorOpenid, input);
  const adjusted = await transact(deps.db, async (tx) => {
    const account = await readAccountInTx(tx, input.openid, now);
    const earlier = await readEntryInTx(tx, input.openid, source);
    if (earlier) {
      const reused = reusedKeyError(earlier.inputHash, fingerprint);
      return reused ? refuse(reused) : { applied: false, balance: account.balance, entryId };
    }
    try {
      const entry = {
        id: source,
        openid: input.openid,
        delta: input.delta,
        kind: 'adjust' as const,
        note: input.reason,
        refId: operatorOpenid ?? undefined,
        inputHash: fingerprint,
      };
      const { balance } = await writeEntryInTx(tx, account, entry, now);
      return { applied: true, balance, entryId };
    } catch (error) {
      if (isAppError(error)) return refuse(error);
      throw error;
    }
  });
  // Logged after the commit: the callback may run more than once.
  if (adjusted.applied) deps.log.info('points adjusted', { openid: input.openid, delta: input.delta, requestId: input.requestId, by: operatorOpenid });
  return adjusted;
}
