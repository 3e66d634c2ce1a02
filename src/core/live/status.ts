import type { LiveRoomStatus, LiveTab } from '../contracts/live';

export interface LiveRoomTimes {
  startAt: number;
  endAt: number;
}

/** A room's status from its times: upcoming before the start, live until the end, then ended. */
export function liveStatusAt(room: LiveRoomTimes, now: number): LiveRoomStatus {
  if (now < room.startAt) return 'upcoming';
  if (now < room.endAt) return 'live';
  return 'ended';
}

/** Whether a room of this status (and replay) belongs on the tab. */
export function onLiveTab(tab: LiveTab, status: LiveRoomStatus, hasReplay: boolean): boolean {
  if (tab === 'replay') return status === 'ended' && hasReplay;
  return status === tab;
}

/** Live now: soonest to end first; upcoming: soonest to start first; replays: latest first. */
export function compareOnTab(tab: LiveTab, a: LiveRoomTimes, b: LiveRoomTimes): number {
  if (tab === 'live') return a.endAt - b.endAt;
  if (tab === 'upcoming') return a.startAt - b.startAt;
  return b.startAt - a.startAt;
}
