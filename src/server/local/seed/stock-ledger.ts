import { stockEntryId } from '../../services/stock/ledger';
import { StockCollections, type StockLedgerDoc } from '../../services/stock/records';
import type { SeedDocuments } from './types';

/**
 * The stock ledger of the seeded shop, derived from the documents the seed
 * writes so that `stock = Σ entries` holds from the start: per SKU an
 * 'initial' entry of everything it was stocked with (`stock + sold`, nothing
 * having been ordered yet), and per seeded flash sale its allocation.
 */
export function stockLedgerSeed(documents: SeedDocuments, now: number): SeedDocuments {
  const skus = new Map<string, { productId?: string; stock: number; sold: number }>();
  for (const sku of documents.skus ?? []) {
    skus.set(sku._id, { productId: sku.productId as string | undefined, stock: Number(sku.stock ?? 0), sold: Number(sku.sold ?? 0) });
  }
  const entries: SeedDocuments[string] = [];
  const add = (entry: StockLedgerDoc) => entries.push({ _id: stockEntryId(entry.kind, entry.refId, entry.skuId), ...entry });
  for (const [skuId, sku] of skus) {
    add({ skuId, productId: sku.productId, kind: 'initial', delta: sku.stock + sku.sold, refId: 'seed', reason: '初始库存', by: 'seed', at: now });
  }
  for (const sale of documents.flash_sales ?? []) {
    const skuId = sale.skuId as string;
    if (!skus.has(skuId)) continue;
    add({ skuId, productId: skus.get(skuId)!.productId, kind: 'flashsale_allocate', delta: -Number(sale.quantity), refId: sale._id, reason: '', by: 'seed', at: now });
  }
  return { [StockCollections.ledger]: entries };
}
