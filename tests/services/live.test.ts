import { randomUUID } from 'crypto';
import { join } from 'path';
import type { Envelope } from '../../src/core/envelope';
import type { FunctionContext } from '../../src/server/kit/types';
import { createFunction } from '../../src/server/kit';
import { liveSeed } from '../../src/server/local/seed/live';
import { createLiveRoutes } from '../../src/server/services/live/routes';
import { createWechatLiveSource } from '../../src/server/services/live/wechat-source';
import { newRequestId, PICKUP, startShopBench, type Bench } from './order-harness';

type Main = (event: unknown, context?: FunctionContext) => Promise<Envelope<any>>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const liveMain = (require(join(__dirname, '../../cloudfunctions/live/index.ts')) as { main: Main }).main;
const context = (openid: string | null): FunctionContext => ({ request_id: randomUUID(), environ: openid === null ? '' : `WX_OPENID=${openid};WX_APPID=wxtest` });
const call = (openid: string, action: string, data: unknown = {}) => liveMain({ action, data }, context(openid));
async function ok(openid: string, action: string, data: unknown = {}): Promise<any> {
  const envelope = await call(openid, action, data);
  if (!envelope.ok) throw new Error(`live.${action} failed: ${JSON.stringify(envelope.error)}`);
  return envelope.data;
}
const codeOf = (r: Envelope<unknown>): string => (r.ok ? 'OK' : r.error.code);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('live rooms: tabs by time, remind me, sync, sales per room', () => {
  let bench: Bench;
  beforeEach(async () => {
    bench = await startShopBench();
    for (const { _id, ...room } of liveSeed(bench.clock()).live_rooms) await bench.db.collection('live_rooms').doc(_id).set(room);
  });
  afterEach(() => bench.close());

  const tab = async (name: string) => ((await ok('u1', 'list', { tab: name })).rooms as any[]).map((room) => room.roomId);
  const sync = () => liveMain({ Type: 'Timer', TriggerName: 'syncRooms', Time: new Date(bench.clock()).toISOString() }, context(null));

  it('lists rooms on their tab by the server clock: live now, upcoming, replays', async () => {
    const live = await ok('u1', 'list', { tab: 'live' });
    expect(live).toMatchObject({ tab: 'live', serverNow: bench.clock() });
    expect(live.rooms).toEqual([expect.objectContaining({ roomId: 'live-demo-tea', status: 'live', reminded: false, goods: expect.arrayContaining([expect.objectContaining({ productId: 'p-tea-oolong', price: 6800 })]) })]);
    expect(await tab('upcoming')).toEqual(['live-demo-bakery']);
    expect(await tab('replay')).toEqual(['live-demo-snacks']);

    bench.clock.advance(DAY + MINUTE);
    expect(await tab('live')).toEqual(['live-demo-bakery']);
    expect(await tab('upcoming')).toEqual([]);
    expect(await tab('replay')).toEqual(['live-demo-snacks']);
  });

  it('get answers one room, LIVE_ROOM_NOT_FOUND otherwise', async () => {
    expect(await ok('u1', 'get', { roomId: 'live-demo-snacks' })).toMatchObject({ room: { status: 'ended', hasReplay: true }, serverNow: bench.clock() });
    expect(codeOf(await call('u1', 'get', { roomId: 'nope' }))).toBe('LIVE_ROOM_NOT_FOUND');
  });

  it('remind records once per member, only before the start', async () => {
    const results = await Promise.all([1, 2, 3].map(() => ok('u1', 'remind', { roomId: 'live-demo-bakery' })));
    expect(results[0]).toMatchObject({ roomId: 'live-demo-bakery', reminded: true, remindAt: bench.clock() + DAY });
    await ok('u2', 'remind', { roomId: 'live-demo-bakery' });
    expect(await bench.count('live_reminders', { roomId: 'live-demo-bakery', status: 'PENDING' })).toBe(2);
    expect(await bench.count('live_reminders', { openid: 'u1' })).toBe(1);
    expect((await ok('u1', 'list', { tab: 'upcoming' })).rooms[0]).toMatchObject({ reminded: true });
    expect((await ok('u3', 'list', { tab: 'upcoming' })).rooms[0]).toMatchObject({ reminded: false });
    expect(codeOf(await call('u1', 'remind', { roomId: 'live-demo-tea' }))).toBe('REMIND_CLOSED');
    expect(codeOf(await call('u1', 'remind', { roomId: 'live-demo-snacks' }))).toBe('REMIND_CLOSED');
  });

  it('the timer keeps local rooms’ stored status current from their times', async () => {
    expect(await sync()).toMatchObject({ ok: true, data: { source: 'local', rooms: 3, changed: 0 } });
    bench.clock.advance(3 * HOUR);
    expect(await sync()).toMatchObject({ ok: true, data: { source: 'local', changed: 1 } });
    expect((await bench.db.collection('live_rooms').doc('live-demo-tea').get()).data[0]).toMatchObject({ status: 'ended' });
    expect(codeOf(await call('u1', 'syncRooms'))).toBe('FORBIDDEN');
  });

  it('an order created from a room is attributed to it, and salesByRoom counts paid ones', async () => {
    const place = async (openid: string, liveRoomId?: string, pay = true) => {
      const order = await bench.ok('order', openid, 'create', { items: [{ skuId: 'sku-tea-l', quantity: 2 }], fulfillment: PICKUP, requestId: newRequestId(), liveRoomId });
      if (pay) {
        await bench.ok('order', openid, 'pay', { orderId: order._id });
        await bench.pay.deliverPaymentNotification(order._id, 'SUCCESS', 1);
      }
      return order._id as string;
    };
    const attributed = await place('u1', 'live-demo-tea');
    await place('u2', 'live-demo-tea');
    await place('u3', 'live-demo-tea', false);
    await place('u4');
    expect(await bench.order(attributed)).toMatchObject({ liveRoomId: 'live-demo-tea', sourceTag: 'live:live-demo-tea', source: 'shop' });

    const report = await ok('ops-1', 'salesByRoom', {});
    expect(report.rooms).toEqual(
      expect.arrayContaining([
        { roomId: 'live-demo-tea', title: '春茶品鉴直播间', orders: 2, paidAmount: 2 * 7800 },
        { roomId: 'live-demo-snacks', title: '零食囤货节回放', orders: 0, paidAmount: 0 },
      ]),
    );
    expect((await ok('ops-1', 'salesByRoom', { roomId: 'live-demo-tea' })).rooms).toHaveLength(1);
    expect(codeOf(await call('u1', 'salesByRoom', {}))).toBe('FORBIDDEN');
  });

  it('in production the timer writes the rooms WeChat lists (stubbed SDK), and a moved start moves the reminders', async () => {
    const start = Math.floor((bench.clock() + 2 * HOUR) / 1000);
    let wxRooms = [{ roomid: 42, name: '新品发布', anchor_name: '店长', cover_img: 'c.jpg', live_status: 102, start_time: start, end_time: start + 3600, goods: [] }];
    const client = { callWxOpenApi: async () => ({ result: JSON.stringify({ errcode: 0, room_info: wxRooms, total: wxRooms.length }) }) };
    const main = createFunction(createLiveRoutes({ roomSource: () => createWechatLiveSource(client) })) as Main;
    const timer = () => main({ Type: 'Timer', TriggerName: 'syncRooms', Time: new Date(bench.clock()).toISOString() }, context(null));

    expect(await timer()).toMatchObject({ ok: true, data: { source: 'wechat', rooms: 1, changed: 1 } });
    expect(await timer()).toMatchObject({ ok: true, data: { changed: 0 } });
    expect(await ok('u1', 'get', { roomId: '42' })).toMatchObject({ room: { title: '新品发布', status: 'upcoming', startAt: start * 1000 } });
    await ok('u1', 'remind', { roomId: '42' });

    wxRooms = [{ ...wxRooms[0], start_time: start + 1800, live_status: 102 }];
    expect(await timer()).toMatchObject({ ok: true, data: { changed: 1 } });
    expect((await bench.db.collection('live_reminders').doc('42:u1').get()).data[0]).toMatchObject({ remindAt: (start + 1800) * 1000 });

    wxRooms = [{ ...wxRooms[0], live_status: 101 }];
    await timer();
    expect(await tab('live')).toContain('42');
  });
});
