import type { ExpireReport } from '../../../core/contracts/points';
import { expiredBuckets } from '../../../core/points/buckets';
import type { ServiceDeps } from '../order/deps';
import { transact } from '../order/transact';
import { readAccountInTx, readEntryInTx, writeEntryInTx } from './ledger';
import { PointsCollections, type PointsAccountDoc } from './records';
import { pointsSource } from './sources';

const BATCH = 100;
/** Stay well inside CloudBase's 60 s per call; tomorrow's run continues. */
const MAX_BATCHES = 10;

/**
 * Timer `expirePoints` (daily): for every account whose soonest bucket is
 * past its date, one transaction expires its expired buckets oldest first,
 * each as `expire:<last valid day>`. Re-reading the account in the
 * transaction makes concurrent runs harmless.
 */
export async function expirePoints(deps: ServiceDeps): Promise<ExpireReport> {
  const report: ExpireReport = { scanned: 0, changed: 0, expiredPoints: 0 };
  const seen = new Set<string>();
  for (let batch = 0; batch < MAX_BATCHES; batch += 1) {
    const { data } = await deps.db
      .collection<PointsAccountDoc>(PointsCollections.accounts)
      .where({ nextExpiryAt: deps.db.command.lte(deps.now()) })
      .orderBy('nextExpiryAt', 'asc')
      .limit(BATCH)
      .field({ _id: true })
      .get();
    const fresh = data.filter((account) => !seen.has(account._id));
    if (fresh.length === 0) break;
    for (const { _id: openid } of fresh) {
      seen.add(openid);
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
    }
    if (data.length < BATCH) break;
  }
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
