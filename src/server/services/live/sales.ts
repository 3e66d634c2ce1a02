import type { LiveRoomSales, LiveSalesReport } from '../../../core/contracts/live';
import type { OrderStatus } from '../../../core/order/status';
import type { Order } from '../../../core/order/types';
import type { Db } from '../../db';
import { forEachPage } from '../../kit/read-pages';
import type { ServiceDeps } from '../order/deps';
import { OrderCollections } from '../order/records';
import { LiveCollections, type LiveRoomDoc } from './records';
import { loadRoom } from './views';

/** Paid and not given back: what counts as a room's sale. */
const SOLD: OrderStatus[] = ['PAID', 'SHIPPED', 'READY_FOR_PICKUP', 'COMPLETED', 'REFUND_REQUESTED', 'REFUNDING'];
const PAGE = 100;
const ROOMS_LIMIT = 100;

/** Orders attributed to each room (`liveRoomId`) that were paid and not refunded: count and paid fen. */
export async function salesByRoom(deps: ServiceDeps, roomId?: string): Promise<LiveSalesReport> {
  const rooms = roomId
    ? [await loadRoom(deps.db, roomId)]
    : (await deps.db.collection<LiveRoomDoc>(LiveCollections.rooms).orderBy('startAt', 'desc').limit(ROOMS_LIMIT).get()).data;
  const report = await Promise.all(rooms.map((room) => salesOf(deps.db, room.roomId, room.title)));
  return { rooms: report, serverNow: deps.now() };
}

async function salesOf(db: Db, roomId: string, title: string): Promise<LiveRoomSales> {
  const _ = db.command;
  const query = db.collection<Order>(OrderCollections.orders).where({ liveRoomId: roomId, status: _.in(SOLD) });
  let orders = 0;
  let paidAmount = 0;
  await forEachPage(async (skip, limit) => (await query.orderBy('createdAt', 'asc').skip(skip).limit(limit).field({ payment: true, amounts: true }).get()).data, PAGE, (page) => {
    for (const order of page) {
      orders += 1;
      paidAmount += order.payment?.amount ?? order.amounts.payable;
    }
  });
  return { roomId, title, orders, paidAmount };
}
