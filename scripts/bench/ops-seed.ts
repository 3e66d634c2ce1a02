/**
 * Orders for the operators' bench and tests, made up but shaped like real
 * ones: a spread over the last `days` days, every status with its history and
 * timestamps, every kind (shop, live, group-buy, flash sale, points mall),
 * delivery and pickup at several stores, members with phones.
 * Deterministic for a seed.
 */
import type { Order, OrderHistoryEntry, OrderSource } from '../../src/core/order/types';
import type { OrderStatus } from '../../src/core/order/status';
import { seededRandom } from '../../src/core/seeded-random';

const DAY = 24 * 60 * 60 * 1000;
const MINUTE = 60 * 1000;

export interface OpsSeedOptions {
  orders: number;
  days: number;
  now: number;
  stores: Array<{ id: string; name: string }>;
  liveRoomIds: string[];
  members: number;
  seed?: number;
}

function pick<T>(random: () => number, table: Array<[T, number]>): T {
  let roll = random() * table.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [value, weight] of table) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return table[table.length - 1][0];
}

const STATUSES: Array<[OrderStatus, number]> = [
  ['PENDING_PAYMENT', 4],
  ['CANCELLED', 10],
  ['PAID', 18],
  ['SHIPPED', 15],
  ['READY_FOR_PICKUP', 8],
  ['COMPLETED', 35],
  ['REFUND_REQUESTED', 2],
  ['REFUNDING', 1],
  ['REFUNDED', 7],
];
type Kind = 'shop' | 'live' | OrderSource;
const KINDS: Array<[Kind, number]> = [
  ['shop', 62],
  ['live', 8],
  ['groupbuy', 10],
  ['flashsale', 12],
  ['mall', 8],
];
const ID_PREFIX: Record<Kind, string> = { shop: 'o', live: 'o', groupbuy: 'g', flashsale: 'fs', mall: 'm' };
const PRODUCTS = [
  ['乌龙茶', '500g', 2900],
  ['月饼礼盒', '6 枚装', 12800],
  ['坚果, 混合', '大包', 5000],
  ['"精选"咖啡豆', '250g', 8800],
  ['蜂蜜', '1 瓶', 6600],
] as const;

export const memberOpenid = (n: number): string => `bench-member-${n}`;
export const memberPhone = (n: number): string => `139${String(n).padStart(8, '0')}`;

export function seedMember(n: number, joinedAt: number): Record<string, unknown> & { _id: string } {
  const openid = memberOpenid(n);
  return { _id: openid, openid, memberId: `M${String(n).padStart(9, '0')}`, nickname: `会员${n}`, phone: memberPhone(n), birthday: null, growth: 0, birthdayGiftYears: [], joinedAt, updatedAt: joinedAt };
}

/** The `i`-th order (0-based) of the set the options describe. */
export function makeOrders(options: OpsSeedOptions): Order[] {
  const random = seededRandom(options.seed ?? 20261201);
  const out: Order[] = [];
  for (let i = 0; i < options.orders; i += 1) out.push(makeOrder(i, options, random));
  return out;
}

function makeOrder(i: number, options: OpsSeedOptions, random: () => number): Order {
  const kind = pick(random, KINDS);
  let status = pick(random, STATUSES);
  const createdAt = Math.floor(options.now - random() * options.days * DAY);
  const member = Math.floor(random() * options.members);
  const pickup = status === 'READY_FOR_PICKUP' || (status !== 'SHIPPED' && random() < 0.4);
  // An unpaid order is only still unpaid within its 15 minutes; older ones were cancelled.
  if (status === 'PENDING_PAYMENT' && options.now - createdAt > 15 * MINUTE) status = 'CANCELLED';
  const store = options.stores[Math.floor(random() * options.stores.length)];
  const [productName, skuName, unitPrice] = PRODUCTS[Math.floor(random() * PRODUCTS.length)];
  const quantity = 1 + Math.floor(random() * 3);
  const itemsTotal = unitPrice * quantity;
  const shippingFee = pickup || itemsTotal >= 9900 ? 0 : 800;
  const payable = itemsTotal + shippingFee;
  const paidAt = status === 'PENDING_PAYMENT' || status === 'CANCELLED' ? null : createdAt + MINUTE + Math.floor(random() * 9 * MINUTE);
  const later = (after: number) => Math.min(options.now, after + Math.floor(random() * 2 * DAY));
  const shippedAt = paidAt !== null && !pickup && ['SHIPPED', 'COMPLETED'].includes(status) ? later(paidAt) : null;
  const readyAt = paidAt !== null && pickup && status !== 'PAID' ? paidAt + MINUTE : null;
  const completedAt = status === 'COMPLETED' ? later(shippedAt ?? readyAt ?? paidAt ?? createdAt) : null;
  const refundRequestedAt = ['REFUND_REQUESTED', 'REFUNDING', 'REFUNDED'].includes(status) && paidAt !== null ? later(paidAt) : null;
  const refundedAt = status === 'REFUNDED' && refundRequestedAt !== null ? later(refundRequestedAt) : null;
  const cancelledAt = status === 'CANCELLED' ? createdAt + 15 * MINUTE : null;
  const id = `${ID_PREFIX[kind]}_${createdAt.toString(36)}${String(i).padStart(6, '0')}`;
  const history: OrderHistoryEntry[] = [{ event: 'create', from: null, to: 'PENDING_PAYMENT', at: createdAt, by: 'customer' }];
  const push = (event: OrderHistoryEntry['event'], from: OrderStatus, to: OrderStatus, at: number | null, by: OrderHistoryEntry['by']) => {
    if (at !== null) history.push({ event, from, to, at, by });
  };
  if (cancelledAt !== null) push('timeout', 'PENDING_PAYMENT', 'CANCELLED', cancelledAt, 'system');
  push('pay', 'PENDING_PAYMENT', 'PAID', paidAt, 'payment');
  push('ship', 'PAID', 'SHIPPED', shippedAt, 'operator');
  push('readyForPickup', 'PAID', 'READY_FOR_PICKUP', readyAt, 'system');
  push(pickup ? 'pickUp' : 'confirm', pickup ? 'READY_FOR_PICKUP' : 'SHIPPED', 'COMPLETED', completedAt, pickup ? 'system' : 'customer');
  push('requestRefund', 'PAID', 'REFUND_REQUESTED', refundRequestedAt, 'customer');
  if (status === 'REFUNDING' || status === 'REFUNDED') push('approveRefund', 'REFUND_REQUESTED', 'REFUNDING', refundRequestedAt, 'operator');
  push('refund', 'REFUNDING', 'REFUNDED', refundedAt, 'system');
  const fulfillment: Order['fulfillment'] = pickup
    ? { type: 'pickup', storeId: store.id, storeName: store.name, pickupCode: String(10_000_000 + ((i * 7919) % 90_000_000)) }
    : { type: 'delivery', address: { name: `顾客${member}`, phone: i % 5 === 0 ? `137${String(i).padStart(8, '0')}` : memberPhone(member), region: '上海市 浦东新区', detail: `世纪大道 ${i % 300} 号` } };
  const last = history[history.length - 1].at;
  return {
    _id: id,
    openid: memberOpenid(member),
    status,
    items: [{ skuId: `sku-${productName}`, productId: `p-${productName}`, productName, skuName, image: null, unitPrice, quantity, lineTotal: itemsTotal }],
    fulfillment,
    amounts: { itemsTotal, discount: 0, shippingFee, payable },
    memberDiscountBps: 0,
    requestId: `bench-${i}`,
    requestKey: `bench:${i}`,
    remark: '',
    createdAt,
    updatedAt: last,
    expiresAt: createdAt + 15 * MINUTE,
    stockReleased: status === 'CANCELLED' || status === 'REFUNDED',
    paidAt,
    payment: paidAt === null ? null : { transactionId: `wx${i}`, outTradeNo: id, amount: payable, at: paidAt, timeEnd: null },
    latePayment: null,
    shippedAt,
    trackingNo: shippedAt === null ? null : `SF${String(i).padStart(10, '0')}`,
    ...(shippedAt === null ? {} : { carrier: '顺丰' }),
    completedAt,
    cancelledAt,
    cancelReason: cancelledAt === null ? null : 'timeout',
    refundNo: refundRequestedAt === null ? null : `R${id}`,
    refundRequestedAt,
    refundedAt,
    ...(refundedAt === null ? {} : { refundedFen: payable }),
    history,
    source: kind === 'live' ? 'shop' : kind,
    ...(kind === 'mall' ? { mall: { itemId: `mall-item-${i % 5}`, kind: 'goods', pointsPrice: 500 + 100 * (i % 5), cashPrice: payable, couponId: null } } : {}),
    ...(kind === 'live' ? { liveRoomId: options.liveRoomIds[i % options.liveRoomIds.length], sourceTag: `live:${options.liveRoomIds[i % options.liveRoomIds.length]}` } : {}),
  } as Order;
}
