import type { WalletBalanceView } from '../../../core/contracts/wallet';
import { walletCause } from '../../../core/wallet/entries';
import { loadMember } from '../member/access';
import type { ServiceDeps } from '../order/deps';
import { transact } from '../order/transact';
import { writeAudit } from '../staff/audit';
import { walletErrors } from './errors';
import { applyWalletInTx } from './ledger';
import { walletBalance } from './queries';

/**
 * `wallet.adjust` (operator): adds to or takes from one bucket of a member's
 * wallet with a reason (a correction, a goodwill credit), once per requestId
 * (cause `adjust:<requestId>`); a take larger than the bucket refuses
 * WALLET_INSUFFICIENT. Audited with the reason.
 */
export async function adjustWallet(
  deps: ServiceDeps,
  operator: string,
  input: { openid: string; bucket: 'principal' | 'gift'; deltaFen: number; reason: string; requestId: string },
): Promise<WalletBalanceView> {
  if (!(await loadMember(deps.db, input.openid))) throw walletErrors.memberRequired();
  const cause = walletCause.adjust(`${operator}:${input.requestId}`);
  const change = { deltaFen: input.deltaFen, kind: 'adjust' as const };
  const applied = await transact(deps.db, (tx) =>
    applyWalletInTx(
      tx,
      deps,
      { openid: input.openid, cause, ...(input.bucket === 'principal' ? { principal: change } : { gift: change }), refId: input.requestId, title: input.reason },
      deps.now(),
    ),
  );
  if (applied.applied) {
    await writeAudit(deps.db, { staffOpenid: operator, storeId: '', action: 'walletAdjust', target: input.openid, result: 'ok', detail: `${input.bucket} ${input.deltaFen} 分：${input.reason}`, at: deps.now() });
  }
  return walletBalance(deps, input.openid);
}
