import type { Fen } from '../money';
import type { Channel } from './channel';

/**
 * A member's purchase figures (客户画像), kept in the payment's and the
 * refund's transactions and recomputed by the rebuild with the same two
 * functions: every step is commutative (sums, counts, the earliest and the
 * latest), so any order of concurrent events gives what the rebuild gives.
 */
export interface MemberStats {
  firstPaidAt: number | null;
  /** The first paid order (ties on paidAt broken by id): its channel is the acquisition channel. */
  firstOrderId: string | null;
  firstOrderChannel: Channel | null;
  lastPaidAt: number | null;
  paidOrders: number;
  paidFen: Fen;
  /** Orders refunded in full (REFUNDED). */
  refundedOrders: number;
  /** Every completed refund of a paid order, partial ones included. */
  refundedFen: Fen;
  /** Paid orders with a line in each category (refunded orders taken back). */
  categoryOrders: Record<string, number>;
}

export const EMPTY_STATS: MemberStats = {
  firstPaidAt: null,
  firstOrderId: null,
  firstOrderChannel: null,
  lastPaidAt: null,
  paidOrders: 0,
  paidFen: 0,
  refundedOrders: 0,
  refundedFen: 0,
  categoryOrders: {},
};

export interface PaidFacts {
  orderId: string;
  paidAt: number;
  fen: Fen;
  categoryIds: readonly string[];
  channel: Channel;
}

export function withPaidOrder(stats: MemberStats, paid: PaidFacts): MemberStats {
  const first =
    stats.firstPaidAt === null || paid.paidAt < stats.firstPaidAt || (paid.paidAt === stats.firstPaidAt && paid.orderId < (stats.firstOrderId ?? ''));
  const categoryOrders = { ...stats.categoryOrders };
  for (const id of new Set(paid.categoryIds)) categoryOrders[id] = (categoryOrders[id] ?? 0) + 1;
  return {
    ...stats,
    ...(first ? { firstPaidAt: paid.paidAt, firstOrderId: paid.orderId, firstOrderChannel: paid.channel } : {}),
    lastPaidAt: Math.max(stats.lastPaidAt ?? paid.paidAt, paid.paidAt),
    paidOrders: stats.paidOrders + 1,
    paidFen: stats.paidFen + paid.fen,
    categoryOrders,
  };
}

export interface RefundFacts {
  fen: Fen;
  /** This refund ended the order (REFUNDED): it no longer counts as an order or in its categories. */
  endsOrder: boolean;
  categoryIds: readonly string[];
}

export function withRefund(stats: MemberStats, refund: RefundFacts): MemberStats {
  const categoryOrders = { ...stats.categoryOrders };
  if (refund.endsOrder) {
    for (const id of new Set(refund.categoryIds)) {
      const left = (categoryOrders[id] ?? 0) - 1;
      if (left > 0) categoryOrders[id] = left;
      else delete categoryOrders[id];
    }
  }
  return {
    ...stats,
    refundedOrders: stats.refundedOrders + (refund.endsOrder ? 1 : 0),
    refundedFen: stats.refundedFen + refund.fen,
    categoryOrders,
  };
}

export const netOrdersOf = (stats: MemberStats): number => Math.max(0, stats.paidOrders - stats.refundedOrders);
export const netFenOf = (stats: MemberStats): Fen => Math.max(0, stats.paidFen - stats.refundedFen);
/** 客单价: net spend over net orders, in whole fen. */
export const aovFenOf = (stats: MemberStats): Fen => (netOrdersOf(stats) > 0 ? Math.round(netFenOf(stats) / netOrdersOf(stats)) : 0);

/** The categories bought most often, most first (ties by id), at most `n`. */
export function topCategoriesOf(stats: MemberStats, n = 3): string[] {
  return Object.entries(stats.categoryOrders)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .slice(0, n)
    .map(([id]) => id);
}
