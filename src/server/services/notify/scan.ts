import { formatFen } from '../../../core/money';
import { chinaTime, outboxId, quotaId } from '../../../core/notify/rules';
import { FLASH_SALE_LEAD_MS, LIVE_LEAD_MS, pageFor, POINTS_EXPIRY_NOTICE_MS } from '../../../core/notify/templates';
import { FlashSaleCollections, type FlashSaleDoc, type FlashSaleReminderDoc } from '../../../core/flashsale/types';
import type { Transaction } from '../../db';
import { LiveCollections, type LiveReminderDoc, type LiveRoomDoc } from '../live/records';
import type { ServiceDeps } from '../order/deps';
import { PointsCollections, type PointsAccountDoc } from '../points/records';
import { enqueueInTx } from './outbox';
import { NotifyCollections, type OutboxEntry, type QuotaDoc } from './records';

const BATCH = 100;
/** A reminder found this long after its sale started is dropped, not sent late. */
const STALE_REMINDER_MS = 30 * 60_000;

/** What a reminder scan needs from its context: the reminder collection, the lead time and the message of one reminder. */
interface ReminderSource<R extends { openid: string; remindAt: number; status: string }> {
  collection: string;
  leadMs: number;
  /** The outbox entry for `reminder`, or null when what it reminds of is gone (the reminder is cancelled). */
  message(tx: Transaction, reminder: R): Promise<Omit<OutboxEntry, 'openid'> | null>;
}

/**
 * Reminders due within their lead time: each PENDING reminder is enqueued
 * and marked SENT in one transaction, so two scans enqueue it once; a stale
 * one (found long after its start) is dropped, not sent late. Answers how many were enqueued.
 */
async function enqueueReminders<R extends { openid: string; remindAt: number; status: string }>(deps: ServiceDeps, source: ReminderSource<R>): Promise<number> {
  const now = deps.now();
  const _ = deps.db.command;
  const { data } = await deps.db
    .collection<R>(source.collection)
    .where({ status: 'PENDING', remindAt: _.lte(now + source.leadMs) })
    .orderBy('remindAt', 'asc')
    .limit(BATCH)
    .get();
  let enqueued = 0;
  for (const reminder of data) {
    const done = await deps.db.runTransaction(async (tx) => {
      const ref = tx.collection<R>(source.collection).doc(reminder._id);
      const current = (await ref.get()).data;
      if (!current || current.status !== 'PENDING') return false;
      const message = current.remindAt < now - STALE_REMINDER_MS ? null : await source.message(tx, current);
      if (!message) {
        await ref.update({ status: 'CANCELLED' });
        return false;
      }
      await enqueueInTx(tx, { ...message, openid: current.openid }, now);
      await ref.update({ status: 'SENT' });
      return true;
    });
    if (done) enqueued += 1;
  }
  return enqueued;
}

/** Flash-sale reminders (`sale:<saleId>:<openid>`), a lead time before the sale starts; none for a stopped sale. */
export function enqueueFlashSaleReminders(deps: ServiceDeps): Promise<number> {
  return enqueueReminders<FlashSaleReminderDoc>(deps, {
    collection: FlashSaleCollections.reminders,
    leadMs: FLASH_SALE_LEAD_MS,
    async message(tx, reminder) {
      const sale = (await tx.collection<FlashSaleDoc>(FlashSaleCollections.sales).doc(reminder.saleId).get()).data;
      if (!sale || sale.stoppedAt !== null) return null;
      return {
        id: outboxId.sale(reminder.saleId, reminder.openid),
        template: 'flashSaleStart',
        data: { goods: sale.title || sale.productName, price: `${formatFen(sale.salePrice)}元`, time: chinaTime(sale.startAt) },
        page: pageFor('flashSaleStart', reminder.saleId),
      };
    },
  });
}

/** Live-room reminders (`live:<roomId>:<openid>`), a lead time before the room goes live. */
export function enqueueLiveReminders(deps: ServiceDeps): Promise<number> {
  return enqueueReminders<LiveReminderDoc>(deps, {
    collection: LiveCollections.reminders,
    leadMs: LIVE_LEAD_MS,
    async message(tx, reminder) {
      const room = (await tx.collection<LiveRoomDoc>(LiveCollections.rooms).doc(reminder.roomId).get()).data;
      if (!room) return null;
      return {
        id: outboxId.live(reminder.roomId, reminder.openid),
        template: 'liveStart',
        data: { room: room.title, anchor: room.anchorName, time: chinaTime(room.startAt) },
        page: pageFor('liveStart', reminder.roomId),
      };
    },
  });
}

/**
 * Members whose soonest points expire within the notice window and who hold
 * quota for it: one message per member and expiry day
 * (`expiring:<openid>:<day>`), however often the scan runs.
 */
export async function enqueuePointsExpiring(deps: ServiceDeps): Promise<number> {
  const now = deps.now();
  const _ = deps.db.command;
  const { data } = await deps.db
    .collection<PointsAccountDoc>(PointsCollections.accounts)
    .where({ nextExpiryAt: _.and(_.gt(now), _.lte(now + POINTS_EXPIRY_NOTICE_MS)) })
    .orderBy('nextExpiryAt', 'asc')
    .limit(BATCH)
    .get();
  let enqueued = 0;
  for (const account of data) {
    const expiring = account.buckets.filter((b) => b.at === account.nextExpiryAt);
    const points = expiring.reduce((sum, b) => sum + b.amount, 0);
    const day = expiring[0]?.on;
    if (!day || points <= 0) continue;
    const done = await deps.db.runTransaction(async (tx) => {
      const quota = (await tx.collection<QuotaDoc>(NotifyCollections.quota).doc(quotaId(account.openid, 'pointsExpiring')).get()).data;
      if (!quota || quota.available < 1) return false;
      return enqueueInTx(
        tx,
        {
          id: outboxId.expiring(account.openid, day),
          openid: account.openid,
          template: 'pointsExpiring',
          data: { points: String(points), date: day, note: '积分即将过期，快去积分商城兑换吧' },
          page: pageFor('pointsExpiring', null),
        },
        now,
      );
    });
    if (done) enqueued += 1;
  }
  return enqueued;
}
