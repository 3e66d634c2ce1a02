import { seededRandom } from '../../../core/seeded-random';
import type { PaymentNotification } from '../../../core/contracts/payment';
import type { Db } from '../../db';
import type { Caller, Logger } from '../../kit/types';
import { joinMember } from '../../services/member/join';
import { createOrder } from '../../services/order/create';
import type { ServiceDeps } from '../../services/order/deps';
import { cancelOrder, confirmOrder, requestRefund, shipOrder } from '../../services/order/lifecycle';
import { payOrder } from '../../services/order/pay';
import { processDueRefunds } from '../../services/order/refunds';
import { reviewRefund } from '../../services/order/review';
import { ACKNOWLEDGED } from '../../services/payment/callback';
import { applyPaymentNotification } from '../../services/payment/notification';
import { verifyPickup } from '../../services/staff/pickup';
import { createSandboxPay } from '../pay/sandbox';
import { DEMO_PRODUCTS } from './catalog';
import { DEMO_STORES } from './stores';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;
export const HISTORY_DAYS = 30;
export const HISTORY_MEMBERS = 60;
/** The openids of the demo history's members (never the demo accounts the e2e tests sign in as). */
export const historyMemberId = (n: number): string => `demo-member-${String(n).padStart(3, '0')}`;
const OPERATOR = 'demo-operator';
const SURNAMES = '张王李赵刘陈杨黄周吴徐孙马朱胡郭何林高罗';
const GIVEN = ['小雨', '子涵', '欣怡', '浩然', '思远', '梓萱', '一诺', '雨桐', '宇轩', '佳琪', '俊杰', '晓彤'];
/** SKUs other demo data or tests count on keep their seeded stock: flash sales', the one sold out, 普洱 (31 > stock). */
const KEPT_SKUS = new Set(['p-tea-puer-s1', 'p-tea-oolong-s1', 'p-fresh-kiwi-s1', 'p-fresh-kiwi-s2', 'p-tea-oolong-s2']);
const ADDRESSES = [
  { region: '上海市 浦东新区', detail: '世纪大道 88 号 12 楼' },
  { region: '上海市 徐汇区', detail: '漕溪北路 398 号 5 室' },
  { region: '上海市 静安区', detail: '南京西路 1601 号 2203 室' },
  { region: '上海市 长宁区', detail: '愚园路 1107 号 301 室' },
];

type Step = { at: number; run: () => Promise<void> };

/**
 * About 30 days of shop activity before `now`, driven through the real
 * services with the clock set to each moment (members join, orders are
 * placed, paid through the sandbox's notification path, shipped, received,
 * picked up, cancelled, refunded; a few refund requests left waiting), so
 * the stock and points ledgers, pickup codes and the dashboard's rollups are
 * what the running shop would have written. The plan is seeded-random:
 * the same every time (ids and transaction numbers still carry random parts).
 */
export async function seedHistory(db: Db, now: number): Promise<{ members: number; orders: number }> {
  const random = seededRandom(20260101);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  let clock = now;
  const log: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const deps: ServiceDeps = { db, now: () => clock, log };
  const pay = createSandboxPay({
    db,
    now: () => clock,
    payCallback: async (event) => {
      await applyPaymentNotification(deps, event as PaymentNotification, true);
      return ACKNOWLEDGED;
    },
  });
  const skus = DEMO_PRODUCTS.flatMap((p) => p.skus.map((s, i) => ({ skuId: `${p.id}-s${i + 1}`, stock: s.stock }))).filter(
    (s) => s.stock >= 50 && !KEPT_SKUS.has(s.skuId),
  );
  // China midnights: the days the dashboard counts in.
  const today = Math.floor((now + 8 * HOUR) / DAY) * DAY - 8 * HOUR;
  const start = today - (HISTORY_DAYS - 1) * DAY;
  const steps: Step[] = [];
  let orders = 0;

  for (let n = 1; n <= HISTORY_MEMBERS; n += 1) {
    const openid = historyMemberId(n);
    // A third were members before the period; the rest join over it.
    const joinedAt = n <= HISTORY_MEMBERS / 3 ? start - Math.floor(random() * 60 * DAY) - DAY : start + Math.floor(random() * (HISTORY_DAYS - 1) * DAY);
    const nickname = `${pick([...SURNAMES])}${pick(GIVEN)}`;
    steps.push({ at: joinedAt, run: async () => void (await joinMember(deps, openid, { nickname })) });
    const address = { name: nickname, phone: `139${String(10_000_000 + n * 7919).slice(-8)}`, ...pick(ADDRESSES) };
    const activity = 0.3 + random() * 1.4;
    for (let day = 0; day < HISTORY_DAYS; day += 1) {
      const dayStart = start + day * DAY;
      if (dayStart + DAY < joinedAt) continue;
      const weekday = new Date(dayStart + 8 * HOUR).getUTCDay();
      const chance = 0.22 * activity * (weekday === 0 || weekday === 6 ? 1.6 : 1);
      if (random() >= chance) continue;
      const at = Math.max(joinedAt + MINUTE, dayStart + chinaHourMs(random));
      if (at >= now - 10 * MINUTE) continue;
      orders += 1;
      steps.push(...orderSteps(at));
    }

    function orderSteps(at: number): Step[] {
      const lines = new Map<string, number>();
      const count = random() < 0.7 ? 1 : random() < 0.7 ? 2 : 3;
      for (let i = 0; i < count; i += 1) {
        const sku = pick(skus);
        lines.set(sku.skuId, (lines.get(sku.skuId) ?? 0) + (random() < 0.85 ? 1 : 2));
      }
      const pickup = random() < 0.45;
      const storeId = pick(DEMO_STORES)._id;
      const fate = random();
      const age = now - at;
      let orderId = '';
      const out: Step[] = [
        {
          at,
          run: async () => {
            const order = await createOrder(deps, openid, {
              items: [...lines].map(([skuId, quantity]) => ({ skuId, quantity })),
              fulfillment: pickup ? { type: 'pickup', storeId } : { type: 'delivery', address },
              requestId: `history-${orderId || at}-${lines.size}`,
              source: 'buyNow',
              remark: '',
              couponId: null,
            });
            orderId = order._id;
          },
        },
      ];
      if (fate < 0.05) {
        out.push({ at: at + 3 * MINUTE, run: async () => void (await cancelOrder(deps, pay, openid, orderId)) });
        return out;
      }
      const paidAt = at + MINUTE + Math.floor(random() * 3 * MINUTE);
      out.push({
        at: paidAt,
        run: async () => {
          await payOrder(deps, pay, openid, orderId);
          await pay.deliverPaymentNotification(orderId, 'SUCCESS', 1);
        },
      });
      if (fate < 0.09 && age > 2 * DAY) {
        const requestedAt = paidAt + 2 * HOUR + Math.floor(random() * 10 * HOUR);
        out.push({ at: requestedAt, run: async () => void (await requestRefund(deps, openid, { orderId, reason: pick(['不想要了', '拍错规格', '商品质量问题']) })) });
        out.push({
          at: requestedAt + 3 * HOUR,
          run: async () => {
            await reviewRefund(deps, OPERATOR, { orderId, decision: 'approve' });
            await processDueRefunds(deps, pay);
          },
        });
        return out;
      }
      // Some pick up within the hour, some the next day: the latest pickups still wait at the store.
      const handedAt = paidAt + (pickup ? HOUR + Math.floor(random() * 36 * HOUR) : 20 * HOUR + Math.floor(random() * 6 * HOUR));
      if (handedAt >= now) return out;
      if (pickup) {
        const staff: Caller = { openid: `demo-history-staff-${storeId}`, roles: ['staff'], staffStoreIds: [storeId] };
        out.push({ at: handedAt, run: async () => void (await verifyPickup(deps, staff, orderId, storeId)) });
        return out;
      }
      out.push({ at: handedAt, run: async () => void (await shipOrder(deps, orderId, `SF${String(handedAt).slice(-10)}`, { carrier: '顺丰速运' })) });
      const receivedAt = handedAt + 2 * DAY + Math.floor(random() * 2 * DAY);
      if (receivedAt < now) out.push({ at: receivedAt, run: async () => void (await confirmOrder(deps, openid, orderId)) });
      return out;
    }
  }

  // Three refund requests waiting for the operator: orders of the last day, asked a little before now.
  for (let n = 1; n <= 3; n += 1) {
    const openid = historyMemberId(n);
    let orderId = '';
    const at = now - (n * 5 + 3) * HOUR;
    orders += 1;
    steps.push({
      at,
      run: async () => {
        const skuId = skus[n * 3]!.skuId;
        orderId = (await createOrder(deps, openid, { items: [{ skuId, quantity: 1 }], fulfillment: { type: 'delivery', address: { name: '顾客', phone: '13900000000', ...ADDRESSES[n]! } }, requestId: `history-pending-${n}`, source: 'buyNow', remark: '', couponId: null }))._id;
      },
    });
    steps.push({ at: at + 2 * MINUTE, run: async () => { await payOrder(deps, pay, openid, orderId); await pay.deliverPaymentNotification(orderId, 'SUCCESS', 1); } });
    steps.push({ at: at + 2 * HOUR, run: async () => void (await requestRefund(deps, openid, { orderId, reason: pick(['不想要了', '地址填错了', '拍错规格']) })) });
  }

  // One timeline, oldest first (a stable sort keeps each order's steps in their order).
  steps.sort((a, b) => a.at - b.at);
  for (const step of steps) {
    clock = step.at;
    await step.run();
  }
  // Notices for past events were due weeks ago: sending them now would only queue hundreds of stale
  // messages ahead of the demo's live ones (the worker delivers oldest first).
  const members = Array.from({ length: HISTORY_MEMBERS }, (_, i) => historyMemberId(i + 1));
  await db.collection('notify_outbox').where({ openid: db.command.in(members) }).remove();
  return { members: HISTORY_MEMBERS, orders };
}

/** A time of day (ms after China midnight): busiest at lunch and in the evening. */
function chinaHourMs(random: () => number): number {
  const r = random();
  const hour = r < 0.15 ? 8 + random() * 3 : r < 0.45 ? 11 + random() * 3 : r < 0.6 ? 14 + random() * 4 : 18 + random() * 4;
  return Math.floor(hour * HOUR);
}
