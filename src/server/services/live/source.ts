import type { LiveRoomDoc } from './records';

/** A room as its source describes it (before we stamp `origin` and `syncedAt`). */
export type SourcedLiveRoom = Omit<LiveRoomDoc, 'origin' | 'syncedAt'>;

/**
 * Where live rooms come from in production (WeChat's live room API through
 * the cloud open API). Locally there is none: the seeded rooms are kept
 * current from their times instead.
 */
export interface LiveRoomSource {
  fetchRooms(): Promise<SourcedLiveRoom[]>;
}
