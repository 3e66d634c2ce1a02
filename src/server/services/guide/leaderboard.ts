import { readPages } from '../../kit/read-pages';
import type { GuideLeaderboardView } from '../../../core/contracts/guide';
import { chinaMonth } from '../../../core/points/china-day';
import type { Db } from '../../db';
import { CommissionCollections, type CommissionOrderDoc } from '../commission';
import { loadStaffRecords, namesOf } from '../staff/people';
import { storeNames } from './codes';
import { GuideCollections, type GuideBindingDoc } from './records';

const PAGE = 500;
const MAX_ORDERS = 10_000;

/**
 * guide.leaderboard (operator): a store's guides in a month, by GMV: their
 * orders paid in the month and their commission less what refunds of those
 * orders reversed so far, and the customers bound to them now; guides who left are listed as such and their
 * customers counted as the store's. Pages through the month's commission
 * records of the store (index kind_storeId_period).
 */
export async function guideLeaderboard(db: Db, storeId: string, period: string | undefined, now: number): Promise<GuideLeaderboardView> {
  const month = period ?? chinaMonth(now);
  const rows = new Map<string, { orders: number; gmvFen: number; commissionFen: number }>();
  const query = db.collection<CommissionOrderDoc>(CommissionCollections.orders).where({ kind: 'guide', storeId, period: month });
  const orders = await readPages(async (skip, limit) => (await query.orderBy('createdAt', 'asc').skip(skip).limit(limit).get()).data, PAGE, MAX_ORDERS);
  for (const o of orders) {
    const row = rows.get(o.beneficiaryId) ?? { orders: 0, gmvFen: 0, commissionFen: 0 };
    row.orders += 1;
    row.gmvFen += o.baseFen;
    row.commissionFen += o.accruedFen - o.reversedFen;
    rows.set(o.beneficiaryId, row);
  }
  const staff = (await loadStaffRecords(db)).filter((r) => r.roles.includes('staff') && r.staffStoreIds.includes(storeId)).map((r) => r.openid);
  const active = new Set(staff);
  for (const id of staff) if (!rows.has(id)) rows.set(id, { orders: 0, gmvFen: 0, commissionFen: 0 });
  const ids = [...rows.keys()];
  const bindings = db.collection<GuideBindingDoc>(GuideCollections.bindings);
  const counts = new Map<string, number>();
  await Promise.all(ids.map(async (id) => counts.set(id, (await bindings.where({ guideId: id, storeId }).count()).total)));
  const [names, stores, all] = await Promise.all([namesOf(db, ids), storeNames(db, [storeId]), bindings.where({ storeId }).count()]);
  const activeCustomers = ids.filter((id) => active.has(id)).reduce((n, id) => n + (counts.get(id) ?? 0), 0);
  const sorted = ids
    .map((id) => ({ id, ...rows.get(id)!, customers: active.has(id) ? counts.get(id) ?? 0 : 0 }))
    .sort((a, b) => b.gmvFen - a.gmvFen || b.orders - a.orders || b.customers - a.customers || a.id.localeCompare(b.id));
  return {
    storeId,
    storeName: stores.get(storeId) ?? '门店',
    period: month,
    rows: sorted.map((r, i) => ({
      rank: i + 1,
      nickname: names.get(r.id)?.nickname ?? '未知用户',
      active: active.has(r.id),
      customers: r.customers,
      orders: r.orders,
      gmvFen: r.gmvFen,
      commissionFen: r.commissionFen,
    })),
    storeHeldCustomers: Math.max(0, all.total - activeCustomers),
  };
}
