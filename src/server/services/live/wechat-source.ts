import {
  hasWxReplay,
  productIdOfGoodsUrl,
  statusOfWxLive,
  WX_LIVE_EMPTY_LIST,
  type WxLiveInfoPage,
  type WxLiveRoom,
} from '../../../core/live/wechat';
import type { LiveRoomSource, SourcedLiveRoom } from './source';

/** The slice of the @cloudbase/node-sdk app this source uses (`app.callWxOpenApi`). */
export interface WxOpenApiClient {
  callWxOpenApi(options: { apiName: string; requestData: unknown }): Promise<{ result?: unknown }>;
}

/** Needs `wxa.business.getliveinfo` in `cloudfunctions/live/config.json` permissions. */
export const GET_LIVE_INFO_API = 'wxa.business.getliveinfo';
/** WeChat answers at most 100 rooms a page. */
const PAGE_SIZE = 100;
/** A guard against a source that never stops paging. */
const MAX_PAGES = 20;

export class WxLiveApiError extends Error {
  constructor(
    readonly errcode: number,
    errmsg: string,
  ) {
    super(`getliveinfo failed: ${errcode} ${errmsg}`);
  }
}

/** Production: every room of the mini-program's live studio, page by page. */
export function createWechatLiveSource(client: WxOpenApiClient): LiveRoomSource {
  return {
    async fetchRooms() {
      const rooms: SourcedLiveRoom[] = [];
      for (let page = 0; page < MAX_PAGES; page += 1) {
        const answer = await client.callWxOpenApi({ apiName: GET_LIVE_INFO_API, requestData: { start: page * PAGE_SIZE, limit: PAGE_SIZE } });
        const body = parseLiveInfo(answer.result);
        if (body.errcode === WX_LIVE_EMPTY_LIST) break;
        if (body.errcode !== 0) throw new WxLiveApiError(body.errcode, body.errmsg ?? '');
        const list = body.room_info ?? [];
        rooms.push(...list.map(toSourcedRoom));
        if (list.length < PAGE_SIZE || rooms.length >= (body.total ?? 0)) break;
      }
      return rooms;
    },
  };
}

/** The SDK gives WeChat's answer parsed, as a JSON string or as bytes, depending on the path. */
export function parseLiveInfo(result: unknown): WxLiveInfoPage {
  let value: unknown = result;
  if (value instanceof Uint8Array) value = Buffer.from(value).toString('utf8');
  if (typeof value === 'string') {
    const text = value;
    try {
      value = JSON.parse(text);
    } catch {
      return { errcode: -1, errmsg: `unreadable answer: ${text.slice(0, 100)}` };
    }
  }
  const body = (value ?? {}) as Partial<WxLiveInfoPage>;
  return { ...body, errcode: typeof body.errcode === 'number' ? body.errcode : 0 } as WxLiveInfoPage;
}

export function toSourcedRoom(room: WxLiveRoom): SourcedLiveRoom {
  return {
    roomId: String(room.roomid),
    title: room.name,
    anchorName: room.anchor_name,
    cover: room.cover_img || room.share_img || null,
    startAt: room.start_time * 1000,
    endAt: room.end_time * 1000,
    status: statusOfWxLive(room.live_status),
    hasReplay: hasWxReplay(room.live_status),
    goods: (room.goods ?? []).map((goods) => ({
      productId: productIdOfGoodsUrl(goods.url) ?? String(goods.goods_id ?? ''),
      skuId: null,
      name: goods.name,
      price: goods.price,
      image: goods.cover_img ?? null,
    })),
  };
}
