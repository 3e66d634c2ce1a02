import type { FlashSaleShardStats, FlashSaleView } from '../contracts/flashsale';
import { saleState } from './state';
import type { FlashSale, FlashSaleShardDoc } from './types';

export interface SaleTotals {
  sold: number;
  paid: number;
  /** Units in the shards, not yet held by orders. */
  available: number;
  /** Units given back to the SKU. */
  returned: number;
}

/** Sums of a sale's shards. `sold + available + returned === quantity` when every shard is given. */
export function saleTotals(shards: readonly FlashSaleShardDoc[]): SaleTotals {
  const totals: SaleTotals = { sold: 0, paid: 0, available: 0, returned: 0 };
  for (const s of shards) {
    totals.sold += s.sold;
    totals.paid += s.paid;
    totals.available += s.remaining;
    totals.returned += s.returned;
  }
  return totals;
}

export interface CallerInSale {
  myCount: number;
  reminded: boolean;
}

/** `remaining` is every unit not held by an order (`quantity - sold`), whether still in the shards or back in the SKU. */
export function toFlashSaleView(sale: FlashSale, totals: SaleTotals, caller: CallerInSale, now: number): FlashSaleView {
  const remaining = Math.max(0, sale.quantity - totals.sold);
  return {
    saleId: sale._id,
    title: sale.title || sale.productName,
    skuId: sale.skuId,
    productId: sale.productId,
    productName: sale.productName,
    skuName: sale.skuName,
    image: sale.image,
    listPrice: sale.listPrice,
    salePrice: sale.salePrice,
    quantity: sale.quantity,
    sold: totals.sold,
    remaining,
    paid: totals.paid,
    state: saleState({ startAt: sale.startAt, endAt: sale.endAt, stoppedAt: sale.stoppedAt, remaining }, now),
    startAt: sale.startAt,
    endAt: sale.endAt,
    stoppedAt: sale.stoppedAt,
    perMemberLimit: sale.perMemberLimit,
    shards: sale.shardCount,
    paymentMinutes: sale.paymentMinutes,
    myCount: caller.myCount,
    reminded: caller.reminded,
    serverNow: now,
  };
}

export const toShardStats = (s: FlashSaleShardDoc): FlashSaleShardStats => ({ shard: s.shard, remaining: s.remaining, sold: s.sold, paid: s.paid });
