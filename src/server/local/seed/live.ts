import type { LiveGoodsView, LiveRoomStatus } from '../../../core/contracts/live';
import { liveStatusAt } from '../../../core/live/status';
import { DEMO_PRODUCTS } from './catalog';
import { demoProductImage } from './images';
import type { SeedDocuments } from './types';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

interface DemoRoom {
  roomId: string;
  title: string;
  anchorName: string;
  startAt: number;
  endAt: number;
  hasReplay: boolean;
  productIds: string[];
}

function demoRooms(now: number): DemoRoom[] {
  return [
    { roomId: 'live-demo-tea', title: '春茶品鉴直播间', anchorName: '茶艺师 小禾', startAt: now - 20 * MINUTE_MS, endAt: now + 2 * HOUR_MS, hasReplay: false, productIds: ['p-tea-oolong', 'p-tea-jasmine', 'p-tea-coldbrew'] },
    { roomId: 'live-demo-bakery', title: '周末烘焙课 · 可颂与贝果', anchorName: '烘焙师 阿麦', startAt: now + 1 * DAY_MS, endAt: now + 1 * DAY_MS + 90 * MINUTE_MS, hasReplay: false, productIds: ['p-bakery-croissant', 'p-bakery-bagel'] },
    { roomId: 'live-demo-snacks', title: '零食囤货节回放', anchorName: '店长 思思', startAt: now - 2 * DAY_MS, endAt: now - 2 * DAY_MS + 2 * HOUR_MS, hasReplay: true, productIds: ['p-snack-nuts', 'p-snack-mango', 'p-snack-chocolate'] },
  ];
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
        cover: demoProductImage(room.productIds[0]),
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
