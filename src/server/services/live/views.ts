import type { LiveRoomStatus, LiveRoomView } from '../../../core/contracts/live';
import { liveStatusAt } from '../../../core/live/status';
import type { Db } from '../../db';
import { liveErrors } from './errors';
import { LiveCollections, type LiveRoom, type LiveRoomDoc } from './records';

/** WeChat's own status for its rooms; a local room's status follows its times (the sync may lag a minute). */
export const statusOf = (room: LiveRoomDoc, now: number): LiveRoomStatus => (room.origin === 'wechat' ? room.status : liveStatusAt(room, now));

export function toLiveRoomView(room: LiveRoomDoc, now: number, reminded: boolean): LiveRoomView {
  const status = statusOf(room, now);
  return {
    roomId: room.roomId,
    title: room.title,
    anchorName: room.anchorName,
    cover: room.cover,
    startAt: room.startAt,
    endAt: room.endAt,
    status,
    hasReplay: status === 'ended' && room.hasReplay,
    goods: room.goods,
    reminded,
  };
}

export async function loadRoom(db: Db, roomId: string): Promise<LiveRoom> {
  const { data } = await db.collection<LiveRoomDoc>(LiveCollections.rooms).doc(roomId).get();
  if (!data[0]) throw liveErrors.roomNotFound(roomId);
  return data[0];
}
