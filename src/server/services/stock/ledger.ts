import { createHash } from 'crypto';
import type { DbCommand, Transaction } from '../../db';
import { CatalogCollections, type SkuDoc } from '../catalog/records';
import { SALE_LIKE_KINDS, StockCollections, type StockLedgerDoc, type StockMoveKind } from './records';

/**
 * The one way a SKU's stock changes: the SKU update and its ledger entry in the
 * same transaction. The entry's `_id` comes from its cause (kind, refId, skuId),
 * so a re-run callback or a replayed request finds it and applies nothing twice.
 */
export interface StockMove {
  skuId: string;
  /** Signed units added to `stock` (negative takes units out). */
  delta: number;
  kind: StockMoveKind;
  refId: string;
  reason?: string;
  /** An openid, or 'system' when absent. */
  by?: string;
  at: number;
  /** Stored on the entry when known; read from the SKU when `mustCover` reads it anyway. */
  productId?: string;
  /** The order this change belongs to, stored on the entry. */
  orderId?: string;
  /** Refuse (status 'insufficient') when a negative delta would take stock below zero. Costs one read. */
  mustCover?: boolean;
}

export type StockMoveOutcome =
  /** `stockAfter`: the SKU's stock after the move, when it was read (`mustCover`). */
  | { status: 'applied'; stockAfter: number | null }
  /** The entry exists already: this cause was applied before. */
  | { status: 'replayed' }
  | { status: 'sku_not_found' }
  | { status: 'insufficient'; stock: number };

const READABLE_ID = /^[A-Za-z0-9_:.-]{1,96}$/;

/** Deterministic from the cause; hashed when long or not id-safe. */
export function stockEntryId(kind: StockMoveKind, refId: string, skuId: string): string {
  const plain = `${kind}:${refId}:${skuId}`;
  if (READABLE_ID.test(plain)) return plain;
  return `sl_${createHash('sha256').update(`${kind}\n${refId}\n${skuId}`).digest('hex').slice(0, 40)}`;
}

export async function moveStockInTx(tx: Transaction, command: DbCommand, move: StockMove): Promise<StockMoveOutcome> {
  const entryRef = tx.collection<StockLedgerDoc>(StockCollections.ledger).doc(stockEntryId(move.kind, move.refId, move.skuId));
  const { data: existing } = await entryRef.get();
  if (existing) return { status: 'replayed' };

  const skuRef = tx.collection<SkuDoc>(CatalogCollections.skus).doc(move.skuId);
  let productId = move.productId;
  let stockAfter: number | null = null;
  if (move.mustCover) {
    const { data: sku } = await skuRef.get();
    if (!sku) return { status: 'sku_not_found' };
    if (move.delta < 0 && sku.stock + move.delta < 0) return { status: 'insufficient', stock: Math.max(0, sku.stock) };
    productId ??= sku.productId;
    stockAfter = sku.stock + move.delta;
  }

  const update: Record<string, unknown> = { stock: command.inc(move.delta) };
  if (SALE_LIKE_KINDS.has(move.kind)) update.sold = command.inc(-move.delta);
  const { updated } = await skuRef.update(update);
  if (updated !== 1) return { status: 'sku_not_found' };

  const entry: StockLedgerDoc = {
    skuId: move.skuId,
    kind: move.kind,
    delta: move.delta,
    refId: move.refId,
    reason: move.reason ?? '',
    by: move.by ?? 'system',
    at: move.at,
  };
  if (productId) entry.productId = productId;
  if (move.orderId) entry.orderId = move.orderId;
  await entryRef.set(entry);
  return { status: 'applied', stockAfter };
}
