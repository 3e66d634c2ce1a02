import type { LiveGoodsView, LiveRoomStatus } from '../../../core/contracts/live';

export const LiveCollections = {
  /** `live_rooms/{roomId}`: a room as synchronised from WeChat (or seeded locally). */
  rooms: 'live_rooms',
  /** `{roomId}:{openid}`: a member asked to be reminded; the notify worker sends PENDING ones at `remindAt`. */
  reminders: 'live_reminders',
} as const;

export interface LiveRoomDoc {
  roomId: string;
  title: string;
  anchorName: string;
  cover: string | null;
  startAt: number;
  endAt: number;
  /** WeChat's status (wechat rooms) or the one the sync last derived from the times (local rooms). */
  status: LiveRoomStatus;
  hasReplay: boolean;
  goods: LiveGoodsView[];
  /** Where the room comes from: WeChat's live room API or the local seed. */
  origin: 'wechat' | 'local';
  syncedAt: number;
}

export type LiveRoom = LiveRoomDoc & { _id: string };

export interface LiveReminderDoc {
  roomId: string;
  openid: string;
  remindAt: number;
  status: 'PENDING' | 'SENT' | 'CANCELLED';
  createdAt: number;
}

export const liveReminderDocId = (roomId: string, openid: string): string => `${roomId}:${openid}`;
