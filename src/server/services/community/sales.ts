import { readPages } from '../../kit/read-pages';
import type { SalesRow, SalesView } from '../../../core/contracts/community';
import type { CommunityActivityDoc, LeaderDoc } from '../../../core/community/types';
import type { OrderStatus } from '../../../core/order/status';
import type { OrderDoc } from '../../../core/order/types';
import type { WithId } from '../../db';
import { loadByIds } from '../catalog/records';
import type { ServiceDeps } from '../order/deps';
import { OrderCollections } from '../order/records';
import { CommunityCollections } from './records';

/** Orders that were paid (whatever happened after): GMV counts their payable, refunds are shown beside it. */
const PAID_STATUSES: OrderStatus[] = ['PAID', 'READY_FOR_PICKUP', 'COMPLETED', 'REFUND_REQUESTED', 'REFUNDING', 'REFUNDED'];
const PAGE = 1000;
/** Without an activity: the latest activities by cut-off. */
const RECENT_ACTIVITIES = 30;
/** At most this many orders are read per activity (10 pages of 1000). */
const MAX_PAGES = 10;

/**
 * Operators' community sales, per activity and per leader, read from the
 * orders (indexed `community.activityId`): one activity, or the latest
 * RECENT_ACTIVITIES. Read on demand (an operator's screen, not a payment's
 * hot path), so no counter is touched at payment.
 */
export async function communitySales(deps: ServiceDeps, activityId?: string): Promise<SalesView> {
  const activities = activityId
    ? [...(await loadByIds<CommunityActivityDoc>(deps.db, CommunityCollections.activities, [activityId])).values()]
    : (await deps.db.collection<CommunityActivityDoc>(CommunityCollections.activities).orderBy('cutoffAt', 'desc').limit(RECENT_ACTIVITIES).get()).data;

  const byActivity = new Map<string, SalesRow>();
  const byLeader = new Map<string, SalesRow>();
  const totals = { orders: 0, gmvFen: 0, refundedFen: 0 };
  for (const activity of activities) {
    byActivity.set(activity._id, emptyRow(activity._id, activity.title));
    for (const order of await paidOrdersOf(deps, activity._id)) {
      const refunded = order.status === 'REFUNDED' ? order.amounts.payable : Math.min(order.refundedFen ?? 0, order.amounts.payable);
      const units = order.items.reduce((sum, item) => sum + item.quantity, 0);
      const leaderId = order.community!.leaderId;
      if (!byLeader.has(leaderId)) byLeader.set(leaderId, emptyRow(leaderId, order.community!.pointName));
      for (const row of [byActivity.get(activity._id)!, byLeader.get(leaderId)!]) {
        row.orders += 1;
        row.gmvFen += order.amounts.payable;
        row.refundedFen += refunded;
        row.units += units;
      }
      totals.orders += 1;
      totals.gmvFen += order.amounts.payable;
      totals.refundedFen += refunded;
    }
  }
  const leaders = await loadByIds<LeaderDoc>(deps.db, CommunityCollections.leaders, [...byLeader.keys()]);
  for (const [leaderId, row] of byLeader) {
    const leader = leaders.get(leaderId);
    if (leader) row.label = `${leader.point.name}（${leader.realName}）`;
  }
  const byGmv = (a: SalesRow, b: SalesRow) => b.gmvFen - a.gmvFen || a.label.localeCompare(b.label);
  return { byActivity: [...byActivity.values()], byLeader: [...byLeader.values()].sort(byGmv), totals };
}

const emptyRow = (key: string, label: string): SalesRow => ({ key, label, orders: 0, gmvFen: 0, refundedFen: 0, units: 0 });

async function paidOrdersOf(deps: ServiceDeps, activityId: string): Promise<Array<WithId<OrderDoc>>> {
  const _ = deps.db.command;
  const query = deps.db.collection<OrderDoc>(OrderCollections.orders).where({ 'community.activityId': activityId, status: _.in(PAID_STATUSES) });
  return readPages(async (skip, limit) => (await query.orderBy('createdAt', 'asc').skip(skip).limit(limit).get()).data, PAGE, MAX_PAGES * PAGE);
}
