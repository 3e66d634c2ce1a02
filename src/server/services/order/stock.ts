import type { DbCommand, Transaction } from '../../db';
import type { OrderItem } from '../../../core/order/types';
import { orderErrors } from '../../../core/order/errors';
import { CatalogCollections, type SkuDoc } from '../catalog/records';
import { refuse, type Refusal } from './transact';

export interface StockLine {
  skuId: string;
  quantity: number;
}

/**
 * Inside the order transaction: reads every SKU first and refuses with
 * OUT_OF_STOCK (naming the SKU) before writing anything, then moves each
 * quantity from `stock` to `sold`. Answers the SKUs as read, for their prices.
 */
export async function reserveStockInTx(
  tx: Transaction,
  command: DbCommand,
  lines: readonly StockLine[],
): Promise<Map<string, SkuDoc> | Refusal> {
  const skus = new Map<string, SkuDoc>();
  for (const line of lines) {
    const { data } = await tx.collection<SkuDoc>(CatalogCollections.skus).doc(line.skuId).get();
    if (!data) return refuse(orderErrors.skuNotFound(line.skuId));
    if (data.stock < line.quantity) return refuse(orderErrors.outOfStock(line.skuId, Math.max(0, data.stock), data.name));
    skus.set(line.skuId, data);
  }
  for (const line of lines) {
    await tx
      .collection<SkuDoc>(CatalogCollections.skus)
      .doc(line.skuId)
      .update({ stock: command.inc(-line.quantity), sold: command.inc(line.quantity) });
  }
  return skus;
}

/** Gives an order's units back; the caller flips `stockReleased` in the same transaction so it happens once. */
export async function releaseStockInTx(tx: Transaction, command: DbCommand, items: readonly OrderItem[]): Promise<void> {
  for (const item of items) {
    await tx
      .collection<SkuDoc>(CatalogCollections.skus)
      .doc(item.skuId)
      .update({ stock: command.inc(item.quantity), sold: command.inc(-item.quantity) });
  }
}
