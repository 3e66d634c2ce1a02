import type { LiveRoomDetail, LiveRoomList, LiveTab } from '../../../core/contracts/live';
import { compareOnTab, onLiveTab } from '../../../core/live/status';
import type { Db } from '../../db';
import type { ServiceDeps } from '../order/deps';
import { LiveCollections, liveReminderDocId, type LiveReminderDoc, type LiveRoomDoc } from './records';
import { loadRoom, statusOf, toLiveRoomView } from './views';

const ROOMS_LIMIT = 100;

/** The rooms of a tab (live now, upcoming, replays), with whether the caller asked to be reminded. */
export async function listRooms(deps: ServiceDeps, openid: string, tab: LiveTab): Promise<LiveRoomList> {
  const now = deps.now();
  const { data } = await deps.db.collection<LiveRoomDoc>(LiveCollections.rooms).orderBy('startAt', 'desc').limit(ROOMS_LIMIT).get();
  const shown = data.filter((room) => onLiveTab(tab, statusOf(room, now), room.hasReplay)).sort((a, b) => compareOnTab(tab, a, b));
  const reminded = await remindedRooms(deps.db, openid, shown.map((room) => room.roomId));
  return { tab, rooms: shown.map((room) => toLiveRoomView(room, now, reminded.has(room.roomId))), serverNow: now };
}

export async function getRoom(deps: ServiceDeps, openid: string, roomId: string): Promise<LiveRoomDetail> {
  const now = deps.now();
  const room = await loadRoom(deps.db, roomId);
  const reminded = await remindedRooms(deps.db, openid, [roomId]);
  return { room: toLiveRoomView(room, now, reminded.has(roomId)), serverNow: now };
}

async function remindedRooms(db: Db, openid: string, roomIds: string[]): Promise<Set<string>> {
  if (roomIds.length === 0) return new Set();
  const _ = db.command;
  const ids = roomIds.map((roomId) => liveReminderDocId(roomId, openid));
  const { data } = await db
    .collection<LiveReminderDoc>(LiveCollections.reminders)
    .where({ _id: _.in(ids), status: _.neq('CANCELLED') })
    .limit(ROOMS_LIMIT)
    .get();
  return new Set(data.map((reminder) => reminder.roomId));
}
