import type { AuditAction } from '../../../core/contracts/staff';
import type { MyDayEntryView, MyDayKind, MyDayResult } from '../../../core/contracts/staff-admin';
import { addDays, chinaDay, dayStartMs } from '../../../core/points/china-day';
import type { Db } from '../../db';
import { forEachPage } from '../../kit/read-pages';
import { StaffCollections, type StaffAuditDoc } from './records';

/** A staff member verifies tens a day, not thousands: pages of 100, at most 1,000 entries read. */
const PAGE = 100;
const MAX_ENTRIES = 1000;

const KIND_OF: Partial<Record<AuditAction, MyDayKind>> = {
  verifyPickup: 'pickup',
  verifyCoupon: 'coupon',
  recordPurchase: 'purchase',
};

/**
 * 今日核销: the caller's own pickups, coupons and in-store purchases at this
 * store since 00:00 Asia/Shanghai, newest first, and how many succeeded of
 * each. Read from the audit log by (staffOpenid, at) (index staffOpenid_at):
 * nobody else's entries can appear.
 */
export async function myDay(db: Db, staffOpenid: string, storeId: string, now: number): Promise<MyDayResult> {
  const _ = db.command;
  const day = chinaDay(now);
  const start = dayStartMs(day);
  const end = dayStartMs(addDays(day, 1));
  const items: MyDayEntryView[] = [];
  const counts: Record<MyDayKind, number> = { pickup: 0, coupon: 0, purchase: 0 };
  const query = db.collection<StaffAuditDoc>(StaffCollections.audit).where({ staffOpenid, storeId, at: _.gte(start).and(_.lt(end)) });
  const page = async (skip: number, limit: number) => (await query.orderBy('at', 'desc').skip(skip).limit(limit).get()).data;
  await forEachPage(page, PAGE, (entries) => {
    for (const entry of entries) {
      const kind = KIND_OF[entry.action];
      if (!kind) continue;
      if (entry.result === 'ok') counts[kind] += 1;
      items.push({ id: entry._id, kind, result: entry.result, target: entry.targetLabel ?? entry.target, ...(entry.detail ? { detail: entry.detail } : {}), at: entry.at });
    }
  }, MAX_ENTRIES);
  return { day, counts, items };
}
