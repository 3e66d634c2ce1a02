import type { TimerReport } from '../../../core/contracts/order';
import { walletCause } from '../../../core/wallet/entries';
import { expiredLots } from '../../../core/wallet/lots';
import type { ServiceDeps } from '../order/deps';
import { forEachDue } from '../order/due-sweep';
import { Refusal, transact } from '../order/transact';
import { applyWalletInTx, readWalletInTx } from './ledger';
import { WalletCollections } from './records';

/**
 * The tick's gift expiry: accounts whose soonest gift lot expired
 * (`nextGiftExpiryAt <= now`, its index), a page at a time, a bounded number
 * of pages a run. Each expired lot leaves the gift bucket once (cause
 * `expire:<lotId>`, in the account's transaction); re-runs and overlapping
 * runs find the lot gone and the cause applied.
 */
export async function expireGifts(deps: ServiceDeps): Promise<TimerReport> {
  const _ = deps.db.command;
  const report: TimerReport = { scanned: 0, changed: 0 };
  await forEachDue(
    deps.db,
    { collection: WalletCollections.accounts, where: () => ({ nextGiftExpiryAt: _.lte(deps.now()) }), orderBy: 'nextGiftExpiryAt', batch: 50, maxBatches: 10 },
    async (openid) => {
      report.scanned += 1;
      try {
        for (let lot = 0; lot < 10; lot += 1) {
        const changed = await transact(deps.db, async (tx) => {
          const now = deps.now();
          const account = await readWalletInTx(tx, openid, now);
          let any = false;
          // One cause per lot: expire the first expired lot; the account's next expiry brings the sweep back for the rest.
          for (const lot of expiredLots(account.giftLots, now).slice(0, 1)) {
            const applied = await applyWalletInTx(tx, deps, { openid, cause: walletCause.expire(lot.id), gift: { deltaFen: -lot.fen, kind: 'giftExpiry' }, refId: lot.id, title: '赠送金到期' }, now);
            if (applied instanceof Refusal) return applied;
            any = applied.applied;
          }
          return any;
        });
        if (!changed) break;
        report.changed += 1;
        }
      } catch (error) {
        deps.log.error('wallet gift expiry failed', { openid, error });
      }
    },
  );
  return report;
}
