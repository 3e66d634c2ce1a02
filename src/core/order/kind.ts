import type { OrderSource } from './types';

/**
 * The kind of an order as operators filter it, derived from what the order
 * already stores: `source` (shop, mall, flashsale, groupbuy) and, for a shop
 * order, the live room it is attributed to (`liveRoomId`).
 */
export const ORDER_KINDS = ['normal', 'groupbuy', 'flashsale', 'mall', 'live'] as const;
export type OrderKind = (typeof ORDER_KINDS)[number];

export const ORDER_KIND_LABELS: Record<OrderKind, string> = {
  normal: '普通订单',
  groupbuy: '拼团',
  flashsale: '秒杀',
  mall: '积分商城',
  live: '直播',
};

const KIND_OF_SOURCE: Record<OrderSource, OrderKind> = { shop: 'normal', mall: 'mall', flashsale: 'flashsale', groupbuy: 'groupbuy' };

/** Orders from before `source` was recorded are shop orders. */
export function orderKindOf(order: { source?: OrderSource; liveRoomId?: string | null }): OrderKind {
  if (order.liveRoomId) return 'live';
  return KIND_OF_SOURCE[order.source ?? 'shop'];
}
