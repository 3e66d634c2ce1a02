import { compareOnTab, liveStatusAt, onLiveTab } from '../../src/core/live/status';
import { liveAttributionOf } from '../../src/core/live/attribution';
import { productIdOfGoodsUrl, statusOfWxLive, type WxLiveRoom } from '../../src/core/live/wechat';
import { createWechatLiveSource, GET_LIVE_INFO_API, parseLiveInfo, toSourcedRoom, WxLiveApiError, type WxOpenApiClient } from '../../src/server/services/live/wechat-source';

const wxRoom = (roomid: number, over: Partial<WxLiveRoom> = {}): WxLiveRoom => ({
  roomid,
  name: `直播 ${roomid}`,
  anchor_name: '主播',
  cover_img: 'https://mmbiz.qpic.cn/cover.jpg',
  live_status: 102,
  start_time: 1_700_000_000,
  end_time: 1_700_003_600,
  goods: [{ goods_id: 9, name: '乌龙茶', cover_img: 'https://mmbiz.qpic.cn/g.jpg', url: 'pages/product/index?id=p-tea-oolong', price: 6800 }],
  ...over,
});

/** A stubbed SDK app: answers pages from `pages` in order and records the requests. */
function stubClient(pages: unknown[]): WxOpenApiClient & { requests: Array<{ apiName: string; requestData: unknown }> } {
  const requests: Array<{ apiName: string; requestData: unknown }> = [];
  return {
    requests,
    async callWxOpenApi(options) {
      requests.push(options);
      return { result: pages[requests.length - 1] };
    },
  };
}

describe('live rooms: status from times, tabs', () => {
  const room = { startAt: 1000, endAt: 2000 };
  it('is upcoming before the start, live until the end, ended from the end', () => {
    expect(liveStatusAt(room, 999)).toBe('upcoming');
    expect(liveStatusAt(room, 1000)).toBe('live');
    expect(liveStatusAt(room, 1999)).toBe('live');
    expect(liveStatusAt(room, 2000)).toBe('ended');
  });
  it('replays are ended rooms with a recording', () => {
    expect(onLiveTab('replay', 'ended', true)).toBe(true);
    expect(onLiveTab('replay', 'ended', false)).toBe(false);
    expect(onLiveTab('live', 'live', false)).toBe(true);
    expect(onLiveTab('upcoming', 'live', false)).toBe(false);
  });
  it('orders upcoming by start, replays latest first', () => {
    const a = { startAt: 1, endAt: 10 };
    const b = { startAt: 2, endAt: 5 };
    expect([b, a].sort((x, y) => compareOnTab('upcoming', x, y))).toEqual([a, b]);
    expect([a, b].sort((x, y) => compareOnTab('replay', x, y))).toEqual([b, a]);
    expect([a, b].sort((x, y) => compareOnTab('live', x, y))).toEqual([b, a]);
  });
  it('attributes an order to a room only when one is given', () => {
    expect(liveAttributionOf('r1')).toEqual({ liveRoomId: 'r1', sourceTag: 'live:r1' });
    expect(liveAttributionOf(undefined)).toEqual({});
  });
});

describe("WeChat's live room API (getliveinfo)", () => {
  it('maps WeChat statuses: 101/105 live, 102 upcoming, the rest ended', () => {
    expect([101, 102, 103, 104, 105, 106, 107].map(statusOfWxLive)).toEqual(['live', 'upcoming', 'ended', 'ended', 'live', 'ended', 'ended']);
  });
  it('reads the product id from a goods page url', () => {
    expect(productIdOfGoodsUrl('pages/product/index?id=p-tea')).toBe('p-tea');
    expect(productIdOfGoodsUrl('/pages/product/index?from=live&productId=p%2Dx')).toBe('p-x');
    expect(productIdOfGoodsUrl('pages/home/index')).toBeNull();
    expect(productIdOfGoodsUrl(undefined)).toBeNull();
  });
  it('turns a WeChat room into ours: ms times, string id, goods', () => {
    expect(toSourcedRoom(wxRoom(7, { live_status: 103 }))).toEqual({
      roomId: '7',
      title: '直播 7',
      anchorName: '主播',
      cover: 'https://mmbiz.qpic.cn/cover.jpg',
      startAt: 1_700_000_000_000,
      endAt: 1_700_003_600_000,
      status: 'ended',
      hasReplay: true,
      goods: [{ productId: 'p-tea-oolong', skuId: null, name: '乌龙茶', price: 6800, image: 'https://mmbiz.qpic.cn/g.jpg' }],
    });
  });
  it('parses answers given as objects, JSON strings or bytes', () => {
    const body = { errcode: 0, room_info: [wxRoom(1)], total: 1 };
    expect(parseLiveInfo(body)).toMatchObject({ errcode: 0, total: 1 });
    expect(parseLiveInfo(JSON.stringify(body))).toMatchObject({ errcode: 0, total: 1 });
    expect(parseLiveInfo(Buffer.from(JSON.stringify(body)))).toMatchObject({ errcode: 0, total: 1 });
    expect(parseLiveInfo('<html>')).toMatchObject({ errcode: -1 });
  });
  it('pages through the list with {start, limit} until total', async () => {
    const first = Array.from({ length: 100 }, (_, i) => wxRoom(i + 1));
    const client = stubClient([{ errcode: 0, room_info: first, total: 101 }, { errcode: 0, room_info: [wxRoom(101)], total: 101 }]);
    const rooms = await createWechatLiveSource(client).fetchRooms();
    expect(rooms).toHaveLength(101);
    expect(client.requests).toEqual([
      { apiName: GET_LIVE_INFO_API, requestData: { start: 0, limit: 100 } },
      { apiName: GET_LIVE_INFO_API, requestData: { start: 100, limit: 100 } },
    ]);
  });
  it('an empty studio (9410000) is no rooms; another errcode is an error', async () => {
    expect(await createWechatLiveSource(stubClient([{ errcode: 9410000, errmsg: 'empty room list' }])).fetchRooms()).toEqual([]);
    await expect(createWechatLiveSource(stubClient([{ errcode: 40001, errmsg: 'invalid credential' }])).fetchRooms()).rejects.toBeInstanceOf(WxLiveApiError);
  });
});
