import type { ExpireReport } from '../../../core/contracts/points';
import { expiredBuckets } from '../../../core/points/buckets';
import type { ServiceDeps } from '../order/deps';
import { forEachDue } from '../order/due-sweep';
import { transact } from '../order/transact';
import { readAccountInTx, readEntryInTx, writeEntryInTx } from './ledger';
import { PointsCollections } from './records';
import { pointsSource } from './sources';

/**
 * Timer `expirePoints` (daily): for every account whose soonest bucket is
 * past its date, one transaction expires its expired buckets oldest first,
 * each as `expire:<last valid day>`. Re-reading the account in the
 * transaction makes concurrent runs harmless.
 */
export async function expirePoints(deps: ServiceDeps): Promise<ExpireReport> {
  const report: ExpireReport = { scanned: 0, changed: 0, expiredPoints: 0 };
  const due = {
    collection: PointsCollections.accounts,
    where: () => ({ nextExpiryAt: deps.db.command.lte(deps.now()) }),
    orderBy: 'nextExpiryAt',
    batch: 100,
    maxBatches: 10, // a daily run: tomorrow's continues
  };
  await forEachDue(deps.db, due, async (openid) => {
    report.scanned += 1;
    try {
      const expired = await expireAccount(deps, openid);
      if (expired > 0) {
        report.changed += 1;
        report.expiredPoints += expired;
      }
    } catch (error) {
      deps.log.error('expirePoints: could not expire account', { openid, error });
    }
  });
  if (report.changed > 0) deps.log.info('expirePoints', { ...report });
  return report;
}

/** Expires one account's past-date buckets; answers the points expired. */
export async function expireAccount(deps: ServiceDeps, openid: string): Promise<number> {
  const now = deps.now();
  return transact(deps.db, async (tx) => {
    let account = await readAccountInTx(tx, openid, now);
    let expired = 0;
    for (const bucket of expiredBuckets(account.buckets, now)) {
      let source = pointsSource.expire(bucket.on);
      // Points re-added to an already expired date (never by our writers) still go, under a distinct id.
      if (await readEntryInTx(tx, openid, source)) source = `${source}:${account.entries + 1}`;
      const note = `${bucket.on} 到期积分`;
      ({ account } = await writeEntryInTx(tx, account, { id: source, openid, delta: -bucket.amount, kind: 'expire', note }, now));
      expired += bucket.amount;
    }
    return expired;
  });
}
