import type { LiveRoomStatus } from '../contracts/live';
import type { Fen } from '../money';

/**
 * WeChat's live room list (`POST /wxa/business/getliveinfo`, {start, limit}):
 * one room as the API answers it. Times are epoch SECONDS, prices fen.
 */
export interface WxLiveRoom {
  roomid: number;
  name: string;
  anchor_name: string;
  cover_img?: string;
  share_img?: string;
  /** 101 live, 102 not started, 103 ended, 104 banned, 105 paused, 106 error, 107 expired. */
  live_status: number;
  start_time: number;
  end_time: number;
  goods?: WxLiveGoods[];
}

export interface WxLiveGoods {
  goods_id?: number;
  name: string;
  cover_img?: string;
  /** Mini-program page of the goods, e.g. `pages/product/index?id=p-tea`. */
  url?: string;
  price: Fen;
}

export interface WxLiveInfoPage {
  errcode: number;
  errmsg?: string;
  room_info?: WxLiveRoom[];
  total?: number;
}

/** 9410000: WeChat's "empty room list" (no room created yet), not a failure. */
export const WX_LIVE_EMPTY_LIST = 9410000;

/** Our status of a WeChat live status; banned, expired and broken rooms count as ended (never shown live). */
export function statusOfWxLive(liveStatus: number): LiveRoomStatus {
  if (liveStatus === 101 || liveStatus === 105) return 'live';
  if (liveStatus === 102) return 'upcoming';
  return 'ended';
}

/** A replay exists only for rooms that ended normally (103); banned or expired rooms have none to show. */
export const hasWxReplay = (liveStatus: number): boolean => liveStatus === 103;

/** The product id in a goods page url (`?id=` or `?productId=`), else null. */
export function productIdOfGoodsUrl(url: string | undefined): string | null {
  if (!url) return null;
  const query = url.split('?')[1] ?? '';
  for (const pair of query.split('&')) {
    const [key, value] = pair.split('=');
    if ((key === 'id' || key === 'productId') && value) return decodeURIComponent(value);
  }
  return null;
}
