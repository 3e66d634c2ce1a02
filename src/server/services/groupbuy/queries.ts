import type {
  ActivityDetailView,
  ActivityListView,
  ActivityStats,
  ActivityStatsView,
  GroupBuyActivityView,
  GroupState,
  GroupView,
} from '../../../core/contracts/groupbuy';
import { groupBuyErrors } from '../../../core/groupbuy/errors';
import { activityPhase } from '../../../core/groupbuy/state';
import type { ActivityDoc, GroupDoc, SeatDoc, SeatState } from '../../../core/groupbuy/types';
import { seatsLeft, toActivityView, toGroupView, toOpenGroupSummary } from '../../../core/groupbuy/view';
import { forEachPage } from '../../kit/read-pages';
import { CatalogCollections, loadByIds, loadOne, type SkuDoc } from '../catalog/records';
import type { ServiceDeps } from '../order/deps';
import { GroupBuyCollections, loadActivity, loadGroup, loadMemberSeats, type Activity } from './records';

/** Operators see at most this many activities, newest first (stats cost a few counts each). */
const OPERATOR_PAGE = 50;
const CUSTOMER_PAGE = 100;
const OPEN_GROUPS_SHOWN = 20;

/** The activity as answered: the SKU's price now as the list price; stats for operators. */
export async function activityViewOf(deps: ServiceDeps, activity: Activity, withStats: boolean): Promise<GroupBuyActivityView> {
  const sku = await loadOne<SkuDoc>(deps.db, CatalogCollections.skus, activity.skuId);
  const stats = withStats ? await statsOf(deps, activity._id) : null;
  return toActivityView(activity, sku?.price ?? activity.groupPrice, deps.now(), stats);
}

/** `listActivities`: customers the ACTIVE ones; operators (view 'operator') every one with stats. */
export async function listActivities(deps: ServiceDeps, view: 'customer' | 'operator'): Promise<ActivityListView> {
  const now = deps.now();
  const activities = deps.db.collection<ActivityDoc>(GroupBuyCollections.activities);
  const { data } =
    view === 'operator'
      ? await activities.orderBy('createdAt', 'desc').limit(OPERATOR_PAGE).get()
      : await activities.where({ stoppedAt: null, endAt: deps.db.command.gt(now) }).orderBy('endAt', 'asc').limit(CUSTOMER_PAGE).get();
  const shown = view === 'operator' ? data : data.filter((a) => activityPhase(a, now) === 'ACTIVE');
  const skus = await loadByIds<SkuDoc>(deps.db, CatalogCollections.skus, shown.map((a) => a.skuId));
  const items: GroupBuyActivityView[] = [];
  for (const activity of shown) {
    const stats = view === 'operator' ? await statsOf(deps, activity._id) : null;
    items.push(toActivityView(activity, skus.get(activity.skuId)?.price ?? activity.groupPrice, now, stats));
  }
  return { items, serverNow: now };
}

/** `getActivity`: the activity with the OPEN groups one can join, closing soonest first. */
export async function getActivity(deps: ServiceDeps, openid: string | null, activityId: string): Promise<ActivityDetailView> {
  const activity = await loadActivity(deps, activityId);
  if (!activity) throw groupBuyErrors.activityNotFound(activityId);
  const now = deps.now();
  const { data: groups } = await deps.db
    .collection<GroupDoc>(GroupBuyCollections.groups)
    .where({ activityId, state: 'OPEN', expiresAt: deps.db.command.gt(now) })
    .orderBy('expiresAt', 'asc')
    .limit(100)
    .get();
  const [mySeats, sold] = await Promise.all([
    openid ? loadMemberSeats(deps, activityId, openid) : Promise.resolve(0),
    deps.db.collection<SeatDoc>(GroupBuyCollections.seats).where({ activityId, state: 'PAID' }).count(),
  ]);
  return {
    activity: await activityViewOf(deps, activity, false),
    openGroups: groups
      .filter((g) => seatsLeft(g) > 0)
      .slice(0, OPEN_GROUPS_SHOWN)
      .map((g) => toOpenGroupSummary(g, openid)),
    mySeats,
    limitReached: mySeats >= activity.perMemberLimit,
    soldCount: sold.total,
    serverNow: now,
  };
}

/** `get`: the share page. A PENDING group (leader unpaid) is seen by its leader only. */
export async function getGroup(deps: ServiceDeps, openid: string | null, groupId: string): Promise<GroupView> {
  const group = await loadGroup(deps, groupId);
  if (!group || (group.state === 'PENDING' && group.leaderOpenid !== openid)) throw groupBuyErrors.groupNotFound(groupId);
  const activity = await loadActivity(deps, group.activityId);
  if (!activity) throw groupBuyErrors.activityNotFound(group.activityId);
  return toGroupView(group, await activityViewOf(deps, activity, false), openid, deps.now());
}

/** `stats` (operator). */
export async function activityStats(deps: ServiceDeps, activityId: string): Promise<ActivityStatsView> {
  const activity = await loadActivity(deps, activityId);
  if (!activity) throw groupBuyErrors.activityNotFound(activityId);
  const now = deps.now();
  return { activityId, phase: activityPhase(activity, now), stats: await statsOf(deps, activityId), serverNow: now };
}

/** Counted from the groups and seats (no counter on the activity: it would be written by every payment). */
export async function statsOf(deps: ServiceDeps, activityId: string): Promise<ActivityStats> {
  const groups = (state: GroupState) =>
    deps.db.collection<GroupDoc>(GroupBuyCollections.groups).where({ activityId, state }).count().then((r) => r.total);
  const seats = (state: SeatState) =>
    deps.db.collection<SeatDoc>(GroupBuyCollections.seats).where({ activityId, state }).count().then((r) => r.total);
  const [groupsPending, groupsOpen, groupsSucceeded, groupsSucceededVirtual, groupsFailed, paid, refundedMembers] = await Promise.all([
    groups('PENDING'),
    groups('OPEN'),
    groups('SUCCEEDED'),
    groups('SUCCEEDED_VIRTUAL'),
    groups('FAILED'),
    paidSeatsOf(deps, activityId),
    seats('REFUNDED'),
  ]);
  return {
    groupsPending,
    groupsOpen,
    groupsSucceeded,
    groupsSucceededVirtual,
    groupsFailed,
    paidMembers: paid.seats,
    refundedMembers,
    paidFen: paid.fen,
    paidBuyers: paid.buyers,
  };
}

const SEAT_PAGE = 1000;

/**
 * The activity's PAID seats (paid, not refunded): how many, their fen (成交额)
 * and distinct buyers, read by the `activityId_state` index, only the price
 * and openid of each: bounded by the seats the activity sold.
 */
async function paidSeatsOf(deps: ServiceDeps, activityId: string): Promise<{ seats: number; fen: number; buyers: number }> {
  const query = deps.db.collection<SeatDoc>(GroupBuyCollections.seats).where({ activityId, state: 'PAID' });
  const buyers = new Set<string>();
  let seats = 0;
  let fen = 0;
  await forEachPage(async (skip, limit) => (await query.orderBy('_id', 'asc').skip(skip).limit(limit).field({ price: true, openid: true }).get()).data, SEAT_PAGE, (page) => {
    for (const seat of page) {
      seats += 1;
      fen += seat.price;
      buyers.add(seat.openid);
    }
  });
  return { seats, fen, buyers: buyers.size };
}
