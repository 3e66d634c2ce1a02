import type { DbCommand, Transaction } from '../../db';
import type { OrderItem } from '../../../core/order/types';
import { orderErrors } from '../../../core/order/errors';
import { CatalogCollections, type SkuDoc } from '../catalog/records';
import { moveStockInTx } from '../stock/ledger';
import { refuse, type Refusal } from './transact';

export interface StockLine {
  skuId: string;
  quantity: number;
}

/** What caused an order's stock to move, for its ledger entries. */
export interface OrderStockCause {
  orderId: string;
  /** The openid that caused it, or 'system'. */
  by: string;
  at: number;
}

/**
 * Inside the order transaction: reads every SKU first and refuses with
 * OUT_OF_STOCK (naming the SKU) before writing anything, then moves each
 * quantity from `stock` to `sold` with a 'sale' ledger entry keyed by the
 * order. Answers the SKUs as read, for their prices.
 */
export async function reserveStockInTx(
  tx: Transaction,
  command: DbCommand,
  lines: readonly StockLine[],
  cause: OrderStockCause,
): Promise<Map<string, SkuDoc> | Refusal> {
  const skus = new Map<string, SkuDoc>();
  const wanted = quantitiesBySku(lines);
  for (const [skuId, quantity] of wanted) {
    const { data } = await tx.collection<SkuDoc>(CatalogCollections.skus).doc(skuId).get();
    if (!data) return refuse(orderErrors.skuNotFound(skuId));
    if (data.stock < quantity) return refuse(orderErrors.outOfStock(skuId, Math.max(0, data.stock), data.name));
    skus.set(skuId, data);
  }
  for (const [skuId, quantity] of wanted) {
    await moveStockInTx(tx, command, {
      skuId,
      delta: -quantity,
      kind: 'sale',
      refId: cause.orderId,
      orderId: cause.orderId,
      productId: skus.get(skuId)!.productId,
      by: cause.by,
      at: cause.at,
    });
  }
  return skus;
}

/**
 * Gives an order's units back ('cancel' keyed by the order, or 'refund' keyed
 * by the refund so that several partial refunds each restock once); the
 * caller flips `stockReleased` in the same transaction.
 */
export async function releaseStockInTx(
  tx: Transaction,
  command: DbCommand,
  items: readonly Pick<OrderItem, 'skuId' | 'quantity' | 'productId'>[],
  cause: OrderStockCause & { kind: 'cancel' | 'refund'; refId?: string },
): Promise<void> {
  const productOf = new Map(items.map((item) => [item.skuId, item.productId]));
  for (const [skuId, quantity] of quantitiesBySku(items)) {
    await moveStockInTx(tx, command, {
      skuId,
      delta: quantity,
      productId: productOf.get(skuId),
      kind: cause.kind,
      refId: cause.refId ?? cause.orderId,
      orderId: cause.orderId,
      by: cause.by,
      at: cause.at,
    });
  }
}

/** One entry per SKU even if an order lists it twice (the entry id is per SKU). */
function quantitiesBySku(lines: readonly StockLine[]): Map<string, number> {
  const bySku = new Map<string, number>();
  for (const line of lines) bySku.set(line.skuId, (bySku.get(line.skuId) ?? 0) + line.quantity);
  return bySku;
}
