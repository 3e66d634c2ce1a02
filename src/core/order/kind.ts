import type { OrderSource } from './types';

/**
 * The kind of an order as operators filter it, derived from what the order
 * already stores: `source` (shop, mall, flashsale, groupbuy) and, for a shop
 * order, the live room it is attributed to (`liveRoomId`), its community
 * group-buy (`community`, 社区团购) or its stored-value plan (`walletTopUp`, 储值充值).
 */
export const ORDER_KINDS = ['normal', 'groupbuy', 'flashsale', 'mall', 'live', 'community', 'topup'] as const;
export type OrderKind = (typeof ORDER_KINDS)[number];

/** The kinds the dashboard's 成交构成 shows: a top-up is money held, not a sale (it runs no stats hook; its spending is counted). */
export const SALES_KINDS: readonly OrderKind[] = ORDER_KINDS.filter((kind) => kind !== 'topup');

export const ORDER_KIND_LABELS: Record<OrderKind, string> = {
  normal: '普通订单',
  groupbuy: '拼团',
  flashsale: '秒杀',
  mall: '积分商城',
  live: '直播',
  community: '社区团购',
  topup: '储值充值',
};

const KIND_OF_SOURCE: Record<OrderSource, OrderKind> = { shop: 'normal', mall: 'mall', flashsale: 'flashsale', groupbuy: 'groupbuy' };

/** Orders from before `source` was recorded are shop orders. */
export function orderKindOf(order: { source?: OrderSource; liveRoomId?: string | null; community?: unknown; walletTopUp?: unknown }): OrderKind {
  if (order.walletTopUp) return 'topup';
  if (order.community) return 'community';
  if (order.liveRoomId) return 'live';
  return KIND_OF_SOURCE[order.source ?? 'shop'];
}
