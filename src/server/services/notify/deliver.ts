import type { DeliverReport } from '../../../core/contracts/notify';
import { backoffMs, classifyError, LEASE_MS, MAX_ATTEMPTS, NO_SUBSCRIPTION_CODE, quotaId } from '../../../core/notify/rules';
import { NOTIFY_TEMPLATES } from '../../../core/notify/templates';
import { newId } from '../../kit';
import type { Db } from '../../db';
import type { ServiceDeps } from '../order/deps';
import type { Notifier, SendResult } from './port';
import { NotifyCollections, type OutboxDoc, type QuotaDoc } from './records';
import { enqueueFlashSaleReminders, enqueueLiveReminders, enqueuePointsExpiring } from './scan';

const BATCH = 50;

type Outcome = 'lost' | 'sent' | 'skipped' | 'failed' | 'retrying';
type Entry = OutboxDoc & { _id: string };

/**
 * The `deliver` timer: enqueues due reminders, then sends PENDING entries
 * that are due. Each entry is claimed by a conditional update (a lease), so
 * concurrent runs send it once; one quota unit is taken by a conditional
 * decrement before sending (none: SKIPPED, never sent); the send happens
 * outside any transaction; a transient failure gives the unit back and
 * retries with backoff, a permanent one ends FAILED with its reason.
 */
export async function deliver(deps: ServiceDeps, notifier: Notifier | undefined): Promise<DeliverReport> {
  const enqueued = {
    flashSale: await enqueueFlashSaleReminders(deps),
    live: await enqueueLiveReminders(deps),
    pointsExpiring: await enqueuePointsExpiring(deps),
  };
  const report: DeliverReport = { claimed: 0, sent: 0, skipped: 0, failed: 0, retrying: 0, enqueued, noNotifier: !notifier };
  if (!notifier) {
    deps.log.warn('notify: no notifier configured, nothing sent');
    return report;
  }
  const now = deps.now();
  const { data } = await outbox(deps.db)
    .where({ status: 'PENDING', nextAttemptAt: deps.db.command.lte(now) })
    .orderBy('nextAttemptAt', 'asc')
    .limit(BATCH)
    .get();
  const run = newId('run', now);
  for (const entry of data) {
    const outcome = await deliverOne(deps, notifier, entry, run);
    if (outcome !== 'lost') report.claimed += 1;
    if (outcome !== 'lost') report[outcome] += 1;
  }
  return report;
}

async function deliverOne(deps: ServiceDeps, notifier: Notifier, entry: Entry, run: string): Promise<Outcome> {
  const _ = deps.db.command;
  const now = deps.now();
  const claimed = await outbox(deps.db)
    .where({ _id: entry._id, status: 'PENDING', nextAttemptAt: _.lte(now) })
    .update({ claim: run, nextAttemptAt: now + LEASE_MS, updatedAt: now });
  if (claimed.updated !== 1) return 'lost';
  const mine = { _id: entry._id, claim: run };

  if (!entry.quotaHeld) {
    const taken = await quota(deps.db)
      .where({ _id: quotaId(entry.openid, entry.template), available: _.gte(1) })
      .update({ available: _.inc(-1), updatedAt: now });
    if (taken.updated !== 1) {
      await outbox(deps.db).where(mine).update(finish('SKIPPED', now, { code: 'NO_QUOTA', message: '用户未订阅或订阅次数已用完' }));
      return 'skipped';
    }
    const held = await outbox(deps.db).where(mine).update({ quotaHeld: true });
    if (held.updated !== 1) {
      await giveQuotaBack(deps.db, entry, now);
      return 'lost';
    }
  }

  const result = await send(notifier, entry);
  const attempts = entry.attempts + 1;
  if (result.ok) {
    await outbox(deps.db).where(mine).update({ ...finish('SENT', now, null), attempts, sentAt: now });
    return 'sent';
  }
  const error = { code: String(result.code), message: result.message.slice(0, 200) };
  const permanent = classifyError(result.code) === 'permanent';
  if (!permanent && attempts < MAX_ATTEMPTS) {
    await releaseQuota(deps.db, entry, run, now, { status: 'PENDING', attempts, nextAttemptAt: now + backoffMs(attempts), lastError: error, claim: null, updatedAt: now });
    deps.log.warn('notify: send failed, will retry', { id: entry._id, attempts, error });
    return 'retrying';
  }
  if (result.code === NO_SUBSCRIPTION_CODE) {
    // WeChat holds no subscription: our count was wrong; the unit is not given back and the rest is void.
    await outbox(deps.db).where(mine).update({ ...finish('FAILED', now, error), attempts });
    await quota(deps.db).doc(quotaId(entry.openid, entry.template)).update({ available: 0, updatedAt: now });
  } else {
    await releaseQuota(deps.db, entry, run, now, { ...finish('FAILED', now, error), attempts });
  }
  deps.log.warn('notify: send failed for good', { id: entry._id, attempts, error });
  return 'failed';
}

async function send(notifier: Notifier, entry: Entry): Promise<SendResult> {
  try {
    return await notifier.send({
      outboxId: entry._id,
      touser: entry.openid,
      template: entry.template,
      templateId: NOTIFY_TEMPLATES[entry.template].templateId,
      page: entry.page,
      data: entry.data,
    });
  } catch (error) {
    return { ok: false, code: 'EXCEPTION', message: error instanceof Error ? error.message : String(error) };
  }
}

/** WeChat takes a unit only for a message it sent: the entry drops its unit (once, guarded by `quotaHeld`) and the quota gets it back. */
async function releaseQuota(db: Db, entry: Entry, run: string, now: number, patch: Partial<OutboxDoc>): Promise<void> {
  const released = await outbox(db).where({ _id: entry._id, claim: run, quotaHeld: true }).update({ ...patch, quotaHeld: false });
  if (released.updated === 1) await giveQuotaBack(db, entry, now);
}

async function giveQuotaBack(db: Db, entry: Entry, now: number): Promise<void> {
  await quota(db).doc(quotaId(entry.openid, entry.template)).update({ available: db.command.inc(1), updatedAt: now });
}

function finish(status: OutboxDoc['status'], now: number, lastError: OutboxDoc['lastError']): Partial<OutboxDoc> {
  return { status, lastError, claim: null, quotaHeld: false, updatedAt: now };
}

const outbox = (db: Db) => db.collection<OutboxDoc>(NotifyCollections.outbox);
const quota = (db: Db) => db.collection<QuotaDoc>(NotifyCollections.quota);
