/** The demo 直播间 without their times (src/server/local/seed/live.ts places them around "now"); their covers are drawn from the goods. */
export interface DemoLiveRoom {
  roomId: string;
  title: string;
  anchorName: string;
  productIds: string[];
}

export const DEMO_LIVE_ROOMS: readonly DemoLiveRoom[] = [
  { roomId: 'live-demo-tea', title: '春茶品鉴直播间', anchorName: '茶艺师 小禾', productIds: ['p-tea-oolong', 'p-tea-jasmine', 'p-tea-coldbrew'] },
  { roomId: 'live-demo-bakery', title: '周末烘焙课 · 可颂与贝果', anchorName: '烘焙师 阿麦', productIds: ['p-bakery-croissant', 'p-bakery-bagel'] },
  { roomId: 'live-demo-snacks', title: '零食囤货节回放', anchorName: '店长 思思', productIds: ['p-snack-nuts', 'p-snack-mango', 'p-snack-chocolate'] },
];
