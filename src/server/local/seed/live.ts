import type { LiveGoodsView, LiveRoomStatus } from '../../../core/contracts/live';
import { liveStatusAt } from '../../../core/live/status';
import { DEMO_PRODUCTS } from './catalog';
import { demoLiveCover, demoProductImage } from './images';
import { DEMO_LIVE_ROOMS, type DemoLiveRoom } from './live-rooms';
import type { SeedDocuments } from './types';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

interface DemoRoom extends DemoLiveRoom {
  startAt: number;
  endAt: number;
  hasReplay: boolean;
}

/** One live now, one tomorrow, one two days ago with a replay. */
const TIMES: Record<string, (now: number) => Pick<DemoRoom, 'startAt' | 'endAt' | 'hasReplay'>> = {
  'live-demo-tea': (now) => ({ startAt: now - 20 * MINUTE_MS, endAt: now + 2 * HOUR_MS, hasReplay: false }),
  'live-demo-bakery': (now) => ({ startAt: now + 1 * DAY_MS, endAt: now + 1 * DAY_MS + 90 * MINUTE_MS, hasReplay: false }),
  'live-demo-snacks': (now) => ({ startAt: now - 2 * DAY_MS, endAt: now - 2 * DAY_MS + 2 * HOUR_MS, hasReplay: true }),
};

function demoRooms(now: number): DemoRoom[] {
  return DEMO_LIVE_ROOMS.map((room) => ({ ...room, ...TIMES[room.roomId](now) }));
}

function goodsOf(productId: string): LiveGoodsView {
  const product = DEMO_PRODUCTS.find((p) => p.id === productId);
  const first = product?.skus[0];
  if (!product || !first) throw new Error(`live seed: no product ${productId} in the demo catalog`);
  return { productId, skuId: `${productId}-s1`, name: product.name, price: first.price, image: demoProductImage(productId) };
}

/** Demo 直播间: one live now, one upcoming, one ended with a replay, with goods from the demo catalog. */
export function liveSeed(now: number): SeedDocuments {
  return {
    live_rooms: demoRooms(now).map((room) => {
      const status: LiveRoomStatus = liveStatusAt(room, now);
      return {
        _id: room.roomId,
        roomId: room.roomId,
        title: room.title,
        anchorName: room.anchorName,
        cover: demoLiveCover(room.roomId),
        startAt: room.startAt,
        endAt: room.endAt,
        status,
        hasReplay: room.hasReplay,
        goods: room.productIds.map(goodsOf),
        origin: 'local',
        syncedAt: now,
      };
    }),
  };
}
