import { chinaDay } from '../../../core/points/china-day';
import { DEMO_PRODUCTS } from './catalog';
import { DEMO_STORES } from './stores';

/**
 * The demo history's plan: who the members are, when they joined and when
 * they ordered what, over a year before `now`. Pure and seeded-random (the
 * same plan every time); history.ts drives it through the services.
 *
 * Members come in personas chosen to land in every RFM class and lifecycle
 * stage with the default CRM settings (src/core/crm/settings.ts): R high =
 * last order ≤ 90 days, F high = ≥ 2 orders, M high = ≥ ¥300; 导入期 = no
 * order or first order ≤ 30 days, 休眠期 = 60–180 days, 流失期 > 180 days,
 * 成熟期 from 4 orders.
 */

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;

export const HISTORY_DAYS = 365;

type Basket = 'small' | 'regular' | 'big';

interface Persona {
  id: string;
  members: number;
  /** Days before now: [from, to]. */
  joined: [number, number];
  orders: [number, number];
  /** Days before now the last order falls in (never before joining). */
  last: [number, number];
  basket: Basket | ((random: () => number) => Basket);
}

const mostlyRegular = (bigShare: number) => (random: () => number): Basket => (random() < bigShare ? 'big' : 'regular');

/** In this order: members 1… are the first persona's (the pending refunds of the last day are loyal members'). */
export const PERSONAS: readonly Persona[] = [
  // 重要价值 · 成熟期: a purchase every month or so all year.
  { id: 'loyal', members: 24, joined: [250, 365], orders: [5, 8], last: [1, 20], basket: mostlyRegular(0.15) },
  // 一般价值 · 成熟期: small baskets, often.
  { id: 'frequent', members: 16, joined: [100, 200], orders: [4, 4], last: [1, 20], basket: 'small' },
  // 重要价值 / 重要发展: few orders, big baskets (gift boxes, several of a kind).
  { id: 'big-spender', members: 16, joined: [120, 330], orders: [2, 3], last: [3, 50], basket: 'big' },
  { id: 'big-once', members: 10, joined: [35, 85], orders: [1, 1], last: [32, 85], basket: 'big' },
  // 成长期: joined in the last months, a second or third order recently.
  { id: 'growing', members: 34, joined: [40, 150], orders: [2, 3], last: [2, 45], basket: mostlyRegular(0.2) },
  // 休眠期 (重要保持, 一般保持, 一般价值 while R is still 3): bought a few times, then nothing for 2–6 months.
  { id: 'dormant', members: 36, joined: [200, 365], orders: [2, 3], last: [61, 175], basket: mostlyRegular(0.25) },
  { id: 'dormant-once', members: 22, joined: [65, 200], orders: [1, 1], last: [61, 175], basket: 'regular' },
  // 流失期 (一般挽留, 重要挽留): one order long ago.
  { id: 'lost', members: 50, joined: [190, 365], orders: [1, 1], last: [185, 360], basket: mostlyRegular(0.2) },
  // 导入期: joined this month, a first order (some from the live room) or none yet.
  { id: 'new-buyer', members: 32, joined: [1, 29], orders: [1, 2], last: [0, 28], basket: 'regular' },
  { id: 'new-idle', members: 40, joined: [0, 29], orders: [0, 0], last: [0, 0], basket: 'regular' },
  // 导入期 · 未消费: joined long ago, never bought.
  { id: 'idle', members: 40, joined: [40, 365], orders: [0, 0], last: [0, 0], basket: 'regular' },
];

export const HISTORY_MEMBERS = PERSONAS.reduce((sum, p) => sum + p.members, 0);

/** The openids of the demo history's members (never the demo accounts the e2e tests sign in as). */
export const historyMemberId = (n: number): string => `demo-member-${String(n).padStart(3, '0')}`;

/** SKUs other demo data or tests count on keep their seeded stock: flash sales', the one sold out, 普洱 (31 > stock). */
export const KEPT_SKUS = new Set(['p-tea-puer-s1', 'p-tea-oolong-s1', 'p-fresh-kiwi-s1', 'p-fresh-kiwi-s2', 'p-tea-oolong-s2']);

export interface PlannedSku {
  skuId: string;
  price: number;
  stock: number;
}

/** The SKUs history orders buy from: in stock, not kept. */
export const HISTORY_SKUS: readonly PlannedSku[] = DEMO_PRODUCTS.flatMap((p) =>
  p.skus.map((s, i) => ({ skuId: `${p.id}-s${i + 1}`, price: s.price, stock: s.stock })),
).filter((s) => s.stock >= 50 && !KEPT_SKUS.has(s.skuId));

/** The ended live room with a replay (live.ts): some of this month's members came from it. */
export const LIVE_ROOM = { roomId: 'live-demo-snacks', startAgo: 2 * DAY, minutes: 120, skuIds: ['p-snack-nuts-s1', 'p-snack-mango-s1', 'p-snack-chocolate-s1'] };

const SURNAMES = '张王李赵刘陈杨黄周吴徐孙马朱胡郭何林高罗梁宋郑谢韩唐冯于董萧程曹';
const GIVEN = ['小雨', '子涵', '欣怡', '浩然', '思远', '梓萱', '一诺', '雨桐', '宇轩', '佳琪', '俊杰', '晓彤', '若曦', '嘉懿', '明轩', '诗涵', '可馨', '天佑'];
export const ADDRESSES = [
  { region: '上海市 浦东新区', detail: '世纪大道 88 号 12 楼' },
  { region: '上海市 徐汇区', detail: '漕溪北路 398 号 5 室' },
  { region: '上海市 静安区', detail: '南京西路 1601 号 2203 室' },
  { region: '上海市 长宁区', detail: '愚园路 1107 号 301 室' },
];

export type Fate = 'keep' | 'cancel' | 'refund';

export interface PlannedOrder {
  openid: string;
  /** Unique per member: the order's requestId. */
  key: string;
  at: number;
  lines: Array<{ skuId: string; quantity: number }>;
  pickup: boolean;
  storeId: string;
  liveRoomId?: string;
  fate: Fate;
  paidAt: number;
  /** Refund asked (fate 'refund'). */
  refundAt: number;
  /** Picked up or shipped; ≥ now: not yet. */
  handedAt: number;
  /** Delivery received; ≥ now: not yet. */
  receivedAt: number;
}

export interface PlannedMember {
  n: number;
  openid: string;
  persona: string;
  nickname: string;
  phone: string | undefined;
  birthday: string | undefined;
  joinedAt: number;
  address: { name: string; phone: string; region: string; detail: string };
}

export interface HistoryPlan {
  members: PlannedMember[];
  orders: PlannedOrder[];
}

export function planHistory(now: number, random: () => number): HistoryPlan {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const between = (lo: number, hi: number): number => lo + random() * (hi - lo);
  const intBetween = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
  // China midnights: the days the dashboard counts in.
  const today = Math.floor((now + 8 * HOUR) / DAY) * DAY - 8 * HOUR;
  const thisMonth = chinaDay(now).slice(5, 7);
  const members: PlannedMember[] = [];
  const orders: PlannedOrder[] = [];
  let n = 0;

  for (const persona of PERSONAS) {
    for (let k = 0; k < persona.members; k += 1) {
      n += 1;
      const openid = historyMemberId(n);
      const nickname = `${pick([...SURNAMES])}${pick(GIVEN)}`;
      const phone = `139${String(10_000_000 + n * 7919).slice(-8)}`;
      const joinedAgo = between(persona.joined[0], persona.joined[1]);
      const joinedAt = Math.min(now - 30 * MINUTE, today - Math.floor(joinedAgo) * DAY + chinaHourMs(random));
      members.push({
        n,
        openid,
        persona: persona.id,
        nickname,
        phone: random() < 0.75 ? phone : undefined,
        birthday: birthdayOf(random, thisMonth),
        joinedAt,
        address: { name: nickname, phone, ...pick(ADDRESSES) },
      });

      const count = intBetween(persona.orders[0], persona.orders[1]);
      if (count === 0) continue;
      const joinedDay = Math.floor((now - joinedAt) / DAY);
      const lastAgo = Math.min(joinedDay, intBetween(persona.last[0], persona.last[1]));
      // The first order a few days to weeks after joining (a one-order member: the last is the first).
      const firstAgo = count === 1 ? lastAgo : Math.max(lastAgo + count, joinedDay - intBetween(0, 20));
      const days = count === 1 ? [lastAgo] : [firstAgo, lastAgo];
      for (let i = 2; i < count; i += 1) days.push(Math.floor(between(lastAgo, firstAgo)));
      days.sort((a, b) => b - a);
      const live = persona.id === 'new-buyer' && k % 4 === 0;
      days.forEach((ago, i) => {
        const basket = typeof persona.basket === 'function' ? persona.basket(random) : persona.basket;
        let at = Math.max(joinedAt + 10 * MINUTE, today - ago * DAY + chinaHourMs(random));
        let liveRoomId: string | undefined;
        if (live && i === 0) {
          // Their first order: in the live room's two hours.
          at = Math.max(liveAt(), joinedAt + 10 * MINUTE);
          liveRoomId = LIVE_ROOM.roomId;
        }
        if (at >= now - 15 * MINUTE) at = now - 15 * MINUTE - Math.floor(random() * 12 * HOUR);
        if (at <= joinedAt) return;
        orders.push(planOrder(openid, `history-${openid}-${i + 1}`, at, basket, liveRoomId));
      });
    }
  }

  // Regulars who watched the live room bought there too.
  for (let m = 1; m <= 8; m += 1) {
    const openid = historyMemberId(m * 3);
    const at = liveAt();
    if (at < now - 15 * MINUTE) orders.push(planOrder(openid, `history-${openid}-live`, at, 'regular', LIVE_ROOM.roomId));
  }
  return { members, orders };

  /** A moment of the live room's broadcast (it started `startAgo` before now). */
  function liveAt(): number {
    return now - LIVE_ROOM.startAgo + (5 + Math.floor(random() * (LIVE_ROOM.minutes - 10))) * MINUTE;
  }

  function planOrder(openid: string, key: string, at: number, basket: Basket, liveRoomId?: string): PlannedOrder {
    const lines = new Map<string, number>();
    const pool = liveRoomId
      ? HISTORY_SKUS.filter((s) => LIVE_ROOM.skuIds.includes(s.skuId))
      : basket === 'small'
        ? HISTORY_SKUS.filter((s) => s.price <= 4000)
        : basket === 'big'
          ? HISTORY_SKUS.filter((s) => s.price >= 5900)
          : HISTORY_SKUS;
    const count = basket === 'small' ? 1 : basket === 'big' ? intBetween(2, 4) : random() < 0.7 ? 1 : random() < 0.7 ? 2 : 3;
    for (let i = 0; i < count; i += 1) {
      const sku = pick(pool);
      // A big basket: gifts for the office or the family, several of each.
      const quantity = basket === 'big' ? intBetween(2, 4) : random() < 0.85 ? 1 : 2;
      lines.set(sku.skuId, (lines.get(sku.skuId) ?? 0) + quantity);
    }
    const pickup = random() < 0.45;
    const storeId = pick(DEMO_STORES)._id;
    const roll = random();
    const age = now - at;
    const fate: Fate = roll < 0.05 ? 'cancel' : roll < 0.09 && age > 2 * DAY ? 'refund' : 'keep';
    const paidAt = at + MINUTE + Math.floor(random() * 3 * MINUTE);
    // Some pick up within the hour, some the next day: the latest pickups still wait at the store.
    const handedAt = paidAt + (pickup ? HOUR + Math.floor(random() * 36 * HOUR) : 20 * HOUR + Math.floor(random() * 6 * HOUR));
    return {
      openid,
      key,
      at,
      lines: [...lines].map(([skuId, quantity]) => ({ skuId, quantity })),
      pickup,
      storeId,
      ...(liveRoomId ? { liveRoomId } : {}),
      fate,
      paidAt,
      refundAt: paidAt + 2 * HOUR + Math.floor(random() * 10 * HOUR),
      handedAt,
      receivedAt: handedAt + 2 * DAY + Math.floor(random() * 2 * DAY),
    };
  }
}

/** Half the members gave a birthday; about one in ten has it this month (the birthday tag and journey). */
function birthdayOf(random: () => number, thisMonth: string): string | undefined {
  const roll = random();
  if (roll >= 0.5) return undefined;
  const month = roll < 0.1 ? thisMonth : String(1 + Math.floor(random() * 12)).padStart(2, '0');
  const year = 1970 + Math.floor(random() * 35);
  return `${year}-${month}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
}

/** A time of day (ms after China midnight): busiest at lunch and in the evening. */
export function chinaHourMs(random: () => number): number {
  const r = random();
  const hour = r < 0.15 ? 8 + random() * 3 : r < 0.45 ? 11 + random() * 3 : r < 0.6 ? 14 + random() * 4 : 18 + random() * 4;
  return Math.floor(hour * HOUR);
}
