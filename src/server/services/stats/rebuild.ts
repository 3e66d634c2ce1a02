import type { StatsRebuildReport } from '../../../core/contracts/stats';
import { addDays, chinaDay, dayStartMs } from '../../../core/points/china-day';
import { emptyDaily } from '../../../core/stats/figures';
import { GAP_NONE, PAID_DAYS_KEPT } from '../../../core/stats/payers';
import { dailyFromHistory, wasPaid, type OrderFacts, type RefundFacts } from '../../../core/stats/recompute';
import { dailyDocId, STATS_SHARDS } from '../../../core/stats/shards';
import type { Db, Query } from '../../db';
import { readPages } from '../../kit/read-pages';
import type { ServiceDeps } from '../order/deps';
import { MemberCollections } from '../member/records';
import { OrderCollections } from '../order/records';
import { StatsCollections, type DailyShardDoc, type PayerDoc } from './records';

const PAGE = 1000;
const ORDER_FIELDS = { openid: true, status: true, paidAt: true, payment: true, amounts: true, source: true, liveRoomId: true };
const REFUND_FIELDS = { reason: true, status: true, amount: true, partial: true, doneAt: true };

/**
 * `stats.rebuild` (operator, or `npm run stats:rebuild`): recomputes the
 * rollups of the last `days` days from the orders (paid by `paidAt`), the
 * completed refunds, partial ones too (`refunds` by `doneAt`, each its own
 * amount) and the members (`joinedAt`), through indexed
 * range queries, and rewrites each day as shard 0 (the other shards
 * removed), and the paying-day markers of the members who paid lately.
 * Running it twice writes the same. It is a repair tool, not a hot path:
 * payments that land while it runs may be counted as of before or after, so
 * run it at a quiet hour (or again).
 */
export async function rebuildStats(deps: ServiceDeps, days: number): Promise<StatsRebuildReport> {
  const now = deps.now();
  const to = chinaDay(now);
  const from = addDays(to, -(days - 1));
  // Gaps to earlier paying days matter up to GAP_NONE days back; markers keep PAID_DAYS_KEPT days.
  const earliest = [from, addDays(to, -PAID_DAYS_KEPT)].sort()[0];
  const lookbackStart = dayStartMs(addDays(earliest, -GAP_NONE));
  const _ = deps.db.command;
  const paid = await loadAll<OrderFacts>(deps.db, OrderCollections.orders, { paidAt: _.gte(lookbackStart) }, 'paidAt', ORDER_FIELDS);
  const refunds = await loadAll<RefundFacts>(deps.db, OrderCollections.refunds, { status: 'DONE', doneAt: _.gte(dayStartMs(from)) }, 'doneAt', REFUND_FIELDS);
  const members = await loadAll<{ joinedAt: number }>(deps.db, MemberCollections.members, { joinedAt: _.gte(dayStartMs(from)) }, 'joinedAt', { joinedAt: true });

  const byDay = dailyFromHistory(paid, refunds, members.map((m) => m.joinedAt));

  const daily = deps.db.collection<DailyShardDoc>(StatsCollections.daily);
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const figures = byDay.get(day) ?? emptyDaily(day);
    await daily.doc(dailyDocId(day, 0)).set({ ...figures, shard: 0, updatedAt: now });
    for (let shard = 1; shard < STATS_SHARDS; shard += 1) await daily.doc(dailyDocId(day, shard)).remove();
  }
  await rewritePayerMarkers(deps, paid, addDays(to, -PAID_DAYS_KEPT), now);
  deps.log.info('stats rebuilt', { from, to, orders: paid.length, refunds: refunds.length, members: members.length });
  return { from, to, days, orders: paid.length, members: members.length };
}

async function rewritePayerMarkers(deps: ServiceDeps, orders: OrderFacts[], oldestKept: string, now: number): Promise<void> {
  const daysByMember = new Map<string, Set<string>>();
  for (const order of orders) {
    if (!wasPaid(order)) continue;
    const day = chinaDay(order.paidAt);
    if (day < oldestKept) continue;
    const set = daysByMember.get(order.openid) ?? new Set<string>();
    set.add(day);
    daysByMember.set(order.openid, set);
  }
  const payers = deps.db.collection<PayerDoc>(StatsCollections.payers);
  for (const [openid, set] of daysByMember) await payers.doc(openid).set({ openid, paidDays: [...set].sort(), updatedAt: now });
}

function loadAll<T>(db: Db, collection: string, where: Query, order: string, fields: Record<string, boolean>): Promise<Array<T & { _id: string }>> {
  const query = db.collection<T>(collection).where(where);
  return readPages(async (skip, limit) => (await query.orderBy(order, 'asc').skip(skip).limit(limit).field(fields).get()).data as Array<T & { _id: string }>, PAGE);
}
