// Namespace import keeps esbuild from bundling every zod locale (see system.ts).
import * as z from 'zod';
import type { Fen } from '../money';
import { Id } from './fields';

/**
 * Contracts of the `live` function (直播): rooms synchronised from WeChat's
 * live room API in production, seeded locally. Times are epoch ms; every
 * answer carries `serverNow`. Orders created with `liveRoomId` are
 * attributed to the room (`sourceTag: 'live:<roomId>'`).
 */


export const LIVE_ROOM_STATUSES = ['live', 'upcoming', 'ended'] as const;
export type LiveRoomStatus = (typeof LIVE_ROOM_STATUSES)[number];

export const LIVE_TABS = ['live', 'upcoming', 'replay'] as const;
export type LiveTab = (typeof LIVE_TABS)[number];

export const ListLiveRoomsInput = z.object({ tab: z.enum(LIVE_TABS).default('live') });
export const LiveRoomIdInput = z.object({ roomId: Id });
/** `salesByRoom` (operator): every room, or one. */
export const LiveSalesInput = z.object({ roomId: Id.optional() });

export const liveContracts = {
  list: { input: ListLiveRoomsInput },
  get: { input: LiveRoomIdInput },
  remind: { input: LiveRoomIdInput },
  salesByRoom: { input: LiveSalesInput },
};

/** The function's one timer trigger (`cloudfunctions/live/config.json`). */
export const liveTimerContracts = {
  syncRooms: { input: z.object({}) },
};

export const LiveErrorCode = {
  RoomNotFound: 'LIVE_ROOM_NOT_FOUND',
  /** remind on a room that is live or ended. */
  RemindClosed: 'REMIND_CLOSED',
} as const;

export interface LiveGoodsView {
  productId: string;
  skuId: string | null;
  name: string;
  price: Fen;
  image: string | null;
}

export interface LiveRoomView {
  roomId: string;
  title: string;
  anchorName: string;
  cover: string | null;
  startAt: number;
  endAt: number;
  status: LiveRoomStatus;
  /** Ended rooms with a recording (the replay tab). */
  hasReplay: boolean;
  goods: LiveGoodsView[];
  /** The caller asked to be reminded of the start. */
  reminded: boolean;
}

export interface LiveRoomList {
  tab: LiveTab;
  rooms: LiveRoomView[];
  serverNow: number;
}

export interface LiveRoomDetail {
  room: LiveRoomView;
  serverNow: number;
}

export interface LiveRemindResult {
  roomId: string;
  reminded: true;
  /** When the reminder is due (the room's start). */
  remindAt: number;
}

export interface LiveRoomSales {
  roomId: string;
  title: string;
  /** Orders attributed to the room that were paid (not cancelled, not pending). */
  orders: number;
  /** Paid fen of those orders (refunded ones excluded). */
  paidAmount: Fen;
}

export interface LiveSalesReport {
  rooms: LiveRoomSales[];
  serverNow: number;
}

export interface LiveSyncReport {
  source: 'wechat' | 'local';
  rooms: number;
  changed: number;
}

export interface LiveOutputs {
  list: LiveRoomList;
  get: LiveRoomDetail;
  remind: LiveRemindResult;
  salesByRoom: LiveSalesReport;
  syncRooms: LiveSyncReport;
}

export type ListLiveRoomsInput = z.input<typeof ListLiveRoomsInput>;
export type LiveRoomIdInput = z.input<typeof LiveRoomIdInput>;
