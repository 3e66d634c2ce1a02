import { STOCK_KIND_LABELS, type StockEntryView, type StockSkuView } from '../../../core/contracts/stock';
import type { WithId } from '../../db';
import type { ProductDoc, SkuDoc } from '../catalog/records';
import type { StockLedgerDoc } from './records';

/** `orderNos`: the numbers of the entries' orders (an entry whose order is not there shows none). */
export function stockEntryView(entry: WithId<StockLedgerDoc>, orderNos: ReadonlyMap<string, string> = new Map()): StockEntryView {
  return {
    id: entry._id,
    kind: entry.kind,
    label: STOCK_KIND_LABELS[entry.kind] ?? entry.kind,
    delta: entry.delta,
    reason: entry.reason,
    orderId: entry.orderId ?? null,
    orderNo: (entry.orderId && orderNos.get(entry.orderId)) ?? null,
    at: entry.at,
  };
}

export function stockSkuView(sku: WithId<SkuDoc>, product: ProductDoc | null | undefined): StockSkuView {
  return {
    skuId: sku._id,
    productId: sku.productId,
    productName: product?.name ?? '已删除的商品',
    skuName: sku.name || '默认',
    stock: sku.stock,
    sold: sku.sold,
  };
}
