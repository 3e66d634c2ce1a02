import type { LiveRemindResult } from '../../../core/contracts/live';
import type { ServiceDeps } from '../order/deps';
import { liveErrors } from './errors';
import { LiveCollections, liveReminderDocId, type LiveReminderDoc } from './records';
import { loadRoom, statusOf } from './views';

/** "Remind me" on an upcoming room: one reminder per member and room, however often asked. */
export async function remindRoom(deps: ServiceDeps, openid: string, roomId: string): Promise<LiveRemindResult> {
  const now = deps.now();
  const room = await loadRoom(deps.db, roomId);
  if (statusOf(room, now) !== 'upcoming') throw liveErrors.remindClosed(roomId);
  await deps.db.runTransaction(async (tx) => {
    const ref = tx.collection<LiveReminderDoc>(LiveCollections.reminders).doc(liveReminderDocId(roomId, openid));
    if ((await ref.get()).data) return;
    await ref.set({ roomId, openid, remindAt: room.startAt, status: 'PENDING', createdAt: now });
  });
  return { roomId, reminded: true, remindAt: room.startAt };
}
