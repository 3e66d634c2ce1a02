import type { LiveSyncReport } from '../../../core/contracts/live';
import { liveStatusAt } from '../../../core/live/status';
import type { ServiceDeps } from '../order/deps';
import { LiveCollections, type LiveReminderDoc, type LiveRoomDoc } from './records';
import type { LiveRoomSource, SourcedLiveRoom } from './source';

const LOCAL_ROOMS_LIMIT = 100;

/**
 * The timer: with a source (production), every room WeChat lists is written
 * when it changed, and reminders follow a moved start; without one (local),
 * seeded rooms get the status their times give now.
 */
export async function syncRooms(deps: ServiceDeps, source: LiveRoomSource | null): Promise<LiveSyncReport> {
  return source ? syncFromSource(deps, source) : syncLocalStatuses(deps);
}

async function syncFromSource(deps: ServiceDeps, source: LiveRoomSource): Promise<LiveSyncReport> {
  const rooms = await source.fetchRooms();
  const now = deps.now();
  let changed = 0;
  for (const room of rooms) {
    const ref = deps.db.collection<LiveRoomDoc>(LiveCollections.rooms).doc(room.roomId);
    const before = (await ref.get()).data[0];
    if (before && sameRoom(before, room)) continue;
    await ref.set({ ...room, origin: 'wechat', syncedAt: now });
    if (before && before.startAt !== room.startAt) await moveReminders(deps, room.roomId, room.startAt);
    changed += 1;
  }
  deps.log.info('live rooms synchronised', { rooms: rooms.length, changed });
  return { source: 'wechat', rooms: rooms.length, changed };
}

async function syncLocalStatuses(deps: ServiceDeps): Promise<LiveSyncReport> {
  const now = deps.now();
  const rooms = deps.db.collection<LiveRoomDoc>(LiveCollections.rooms);
  const { data } = await rooms.where({ origin: 'local' }).limit(LOCAL_ROOMS_LIMIT).get();
  let changed = 0;
  for (const room of data) {
    const status = liveStatusAt(room, now);
    if (status === room.status) continue;
    await rooms.doc(room._id).update({ status, syncedAt: now });
    changed += 1;
  }
  return { source: 'local', rooms: data.length, changed };
}

function sameRoom(stored: LiveRoomDoc, room: SourcedLiveRoom): boolean {
  const { origin: _origin, syncedAt: _syncedAt, ...rest } = stored as LiveRoomDoc & { _id?: string };
  delete (rest as { _id?: string })._id;
  return JSON.stringify(sortedKeys(rest)) === JSON.stringify(sortedKeys(room));
}

const sortedKeys = (value: object): Array<[string, unknown]> => Object.entries(value).sort(([a], [b]) => a.localeCompare(b));

async function moveReminders(deps: ServiceDeps, roomId: string, remindAt: number): Promise<void> {
  await deps.db.collection<LiveReminderDoc>(LiveCollections.reminders).where({ roomId, status: 'PENDING' }).update({ remindAt });
}
