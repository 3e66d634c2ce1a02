import type { OpsOrderPage, OrderSearchFilters } from '../../../core/contracts/order-ops';
import { AppError } from '../../../core/errors';
import type { Order } from '../../../core/order/types';
import type { Db, Query } from '../../db';
import { LiveCollections } from '../live/records';
import { MemberCollections, type MemberDoc } from '../member/records';
import type { ServiceDeps } from './deps';
import { toOpsRows } from './ops-rows';
import { OrderCollections } from './records';

/**
 * The operators' order search: newest first (createdAt desc, `_id` desc on
 * ties), a page at a time behind an opaque cursor.
 *
 * Each filter is an indexed field of `orders` (src/server/schema.ts): status,
 * source (the kind), liveRoomId (live), fulfillment.storeId, createdAt; a
 * search text is an order id (the primary key), a 取货码
 * (fulfillment.pickupCode), or a phone (fulfillment.address.phone, or the
 * member's phone → their openid).
 *
 * Hot path: without a search text, the page is read in createdAt windows
 * going back from the cursor (1 hour, then ×4 each time), each one query
 * on the filter's index bounded by createdAt. A page then reads about as many
 * orders as it shows, whatever the collection's size, also on an engine that
 * sorts the matches itself (the local one).
 */

export const FIRST_WINDOW_MS = 60 * 60 * 1000;
const WINDOW_GROWTH = 4;
const CLOCK_SLACK_MS = 60_000;
/** Orders are never older than this (no shop before 2000): the windows stop here. */
const EARLIEST = Date.UTC(2000, 0, 1);
/** Live rooms the `live` kind looks at (`liveRoomId in [...]`). */
const MAX_LIVE_ROOMS = 500;

export interface SearchCursor {
  createdAt: number;
  id: string;
}

export async function searchOrders(deps: ServiceDeps, input: OrderSearchFilters & { cursor?: string; pageSize: number }): Promise<OpsOrderPage> {
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const { orders, more } = await findOrders(deps.db, input, after, input.pageSize, deps.now());
  const items = await toOpsRows(deps.db, orders);
  const last = orders[orders.length - 1];
  return { items, nextCursor: more && last ? encodeCursor({ createdAt: last.createdAt, id: last._id }) : null };
}

/** Up to `limit` orders matching the filters after `after`, and whether there are more. */
export async function findOrders(
  db: Db,
  filters: OrderSearchFilters,
  after: SearchCursor | null,
  limit: number,
  now: number,
): Promise<{ orders: Order[]; more: boolean }> {
  const base = await filterQuery(db, filters);
  if (base === null) return { orders: [], more: false };
  const q = filters.q?.trim();
  const found = q ? await bySearchText(db, q, base, after, limit + 1) : await byWindows(db, base, filters, after, limit + 1, now);
  return { orders: found.slice(0, limit), more: found.length > limit };
}

/** The filters as a query on indexed fields; null when nothing can match (the `live` kind without rooms). */
async function filterQuery(db: Db, filters: OrderSearchFilters): Promise<Record<string, unknown> | null> {
  const _ = db.command;
  const query: Record<string, unknown> = {};
  if (filters.status) query.status = filters.status;
  if (filters.storeId) query['fulfillment.storeId'] = filters.storeId;
  switch (filters.kind) {
    case undefined:
      break;
    case 'normal':
      query.source = 'shop';
      query.liveRoomId = _.exists(false);
      query.community = _.exists(false);
      query.walletTopUp = _.exists(false);
      break;
    case 'community':
      query.source = 'shop';
      query['community.activityId'] = _.exists(true);
      break;
    case 'topup':
      query.source = 'shop';
      query['walletTopUp.planId'] = _.exists(true);
      break;
    case 'live': {
      const rooms = await liveRoomIds(db);
      if (rooms.length === 0) return null;
      query.liveRoomId = _.in(rooms);
      break;
    }
    default:
      query.source = filters.kind;
  }
  return query;
}

async function liveRoomIds(db: Db): Promise<string[]> {
  const { data } = await db.collection<{ _id: string }>(LiveCollections.rooms).field({ _id: true }).limit(MAX_LIVE_ROOMS).get();
  return data.map((room) => room._id);
}

/** Windows of createdAt from the newest allowed time back to the oldest, growing until the page is full. */
async function byWindows(
  db: Db,
  base: Record<string, unknown>,
  filters: OrderSearchFilters,
  after: SearchCursor | null,
  want: number,
  now: number,
): Promise<Order[]> {
  const _ = db.command;
  const oldest = Math.max(filters.from ?? EARLIEST, EARLIEST);
  // Orders are made with the server's clock: none is newer than now (a minute's slack for clocks of other instances).
  let newest = filters.to !== undefined ? filters.to - 1 : now + CLOCK_SLACK_MS;
  if (after) newest = Math.min(newest, after.createdAt);
  const found: Order[] = [];
  let span = FIRST_WINDOW_MS;
  let high = newest;
  while (high >= oldest && found.length < want) {
    const low = Math.max(oldest, high - span + 1);
    const conditions: Query[] = [{ ...base, createdAt: _.gte(low).and(_.lte(high)) }];
    // Ties with the cursor's time: only ids below the cursor's (the same order as the sort).
    if (after && high === after.createdAt) conditions.push(_.or([{ createdAt: _.lt(after.createdAt) }, { _id: _.lt(after.id) }]));
    const { data } = await db
      .collection<Order>(OrderCollections.orders)
      .where(conditions.length === 1 ? conditions[0] : _.and(conditions))
      .orderBy('createdAt', 'desc')
      .orderBy('_id', 'desc')
      .limit(want - found.length)
      .get();
    found.push(...data);
    high = low - 1;
    span *= WINDOW_GROWTH;
  }
  return found;
}

const PICKUP_CODE = /^\d{8}$/;
const PHONE = /^[0-9+\- ]{5,20}$/;

/** Exact matches of an order number, a 取货码 or a phone, each one indexed query, merged newest first. */
async function bySearchText(db: Db, q: string, base: Record<string, unknown>, after: SearchCursor | null, want: number): Promise<Order[]> {
  const _ = db.command;
  const lookups: Array<Record<string, unknown>> = [{ _id: q }];
  if (PICKUP_CODE.test(q)) lookups.push({ 'fulfillment.pickupCode': q });
  if (PHONE.test(q)) {
    lookups.push({ 'fulfillment.address.phone': q });
    const openids = await memberOpenidsByPhone(db, q);
    if (openids.length > 0) lookups.push({ openid: _.in(openids) });
  }
  const batches = await Promise.all(
    lookups.map(async (lookup) => {
      const conditions: Query[] = [{ ...base, ...lookup }];
      if (after) {
        conditions.push({ createdAt: _.lte(after.createdAt) });
        conditions.push(_.or([{ createdAt: _.lt(after.createdAt) }, { _id: _.lt(after.id) }]));
      }
      const { data } = await db
        .collection<Order>(OrderCollections.orders)
        .where(_.and(conditions))
        .orderBy('createdAt', 'desc')
        .orderBy('_id', 'desc')
        .limit(want)
        .get();
      return data;
    }),
  );
  const byId = new Map<string, Order>();
  for (const order of batches.flat()) byId.set(order._id, order);
  return [...byId.values()].sort(newestFirst).slice(0, want);
}

async function memberOpenidsByPhone(db: Db, phone: string): Promise<string[]> {
  const { data } = await db.collection<MemberDoc>(MemberCollections.members).where({ phone }).field({ openid: true }).limit(20).get();
  return data.map((member) => member.openid);
}

export const newestFirst = (a: Order, b: Order): number => b.createdAt - a.createdAt || (a._id < b._id ? 1 : a._id > b._id ? -1 : 0);

export function encodeCursor(cursor: SearchCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id]), 'utf8').toString('base64url');
}

export function decodeCursor(text: string): SearchCursor {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as [unknown, unknown];
    if (Number.isSafeInteger(createdAt) && typeof id === 'string' && id.length > 0 && id.length <= 64) return { createdAt: createdAt as number, id };
  } catch {
    // falls through to the refusal
  }
  throw new AppError('CURSOR_INVALID', '分页位置无效，请从第一页重新查询');
}
