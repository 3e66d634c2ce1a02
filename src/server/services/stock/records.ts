import type { StockMoveKind } from '../../../core/contracts/stock';

export type { StockMoveKind };

/** The stock ledger as stored: one entry per change of a SKU's stock, append-only. */

export const StockCollections = {
  ledger: 'stock_ledger',
} as const;

/** Kinds that move units between `stock` and `sold` (so `sold + stock` stays put); the others change the SKU's total. */
export const SALE_LIKE_KINDS: ReadonlySet<StockMoveKind> = new Set<StockMoveKind>([
  'sale',
  'cancel',
  'refund',
  'flashsale_allocate',
  'flashsale_return',
]);

/** `_id` = stockEntryId(kind, refId, skuId). For every SKU, `stock` = Σ `delta` of its entries. */
export interface StockLedgerDoc {
  skuId: string;
  productId?: string;
  kind: StockMoveKind;
  /** Signed units added to the SKU's stock. */
  delta: number;
  /** The cause: an order id, a refund id, a flash sale id, an operator's request… */
  refId: string;
  /** The order the change belongs to (sale, cancel, refund), for the operator's link. */
  orderId?: string;
  reason: string;
  /** Who caused it: an openid, or 'system'. */
  by: string;
  /** Epoch ms. */
  at: number;
}
