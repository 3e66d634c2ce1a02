import { displayOrderNo } from '../../../core/order/order-no';
import { STOCK_LEDGER_PAGE_SIZE, type LowStockOutput, type StockLedgerPage } from '../../../core/contracts/stock';
import type { Db, Query } from '../../db';
import { CatalogCollections, loadByIds, loadOne, type ProductDoc, type SkuDoc } from '../catalog/records';
import { stockErrors } from './errors';
import { StockCollections, type StockLedgerDoc } from './records';
import { lowStockThreshold } from './settings';
import { stockEntryView, stockSkuView } from './views';

/** The low-stock list shows at most this many SKUs, lowest stock first. */
export const LOW_STOCK_LIMIT = 100;

interface Cursor {
  at: number;
  id: string;
}

/**
 * One SKU's ledger, newest first (ties by id), a page at a time behind an
 * opaque cursor of the last entry's (at, id): entries added meanwhile never
 * shift the pages already shown. Index `skuId_at`.
 */
export async function stockLedger(db: Db, input: { skuId: string; cursor?: string }): Promise<StockLedgerPage> {
  const sku = await loadOne<SkuDoc>(db, CatalogCollections.skus, input.skuId);
  if (!sku) throw stockErrors.skuNotFound(input.skuId);
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const _ = db.command;
  const query: Query = after
    ? _.and([{ skuId: input.skuId, at: _.lte(after.at) }, _.or([{ at: _.lt(after.at) }, { _id: _.lt(after.id) }])])
    : { skuId: input.skuId };
  const [product, { data }] = await Promise.all([
    loadOne<ProductDoc>(db, CatalogCollections.products, sku.productId),
    db
      .collection<StockLedgerDoc>(StockCollections.ledger)
      .where(query)
      .orderBy('at', 'desc')
      .orderBy('_id', 'desc')
      .limit(STOCK_LEDGER_PAGE_SIZE + 1)
      .get(),
  ]);
  const page = data.slice(0, STOCK_LEDGER_PAGE_SIZE);
  const last = page[page.length - 1];
  const orderNos = await orderNosOf(db, page.flatMap((entry) => (entry.orderId ? [entry.orderId] : [])));
  return {
    sku: stockSkuView(sku, product),
    entries: page.map((entry) => stockEntryView(entry, orderNos)),
    nextCursor: data.length > STOCK_LEDGER_PAGE_SIZE && last ? encodeCursor({ at: last.at, id: last._id }) : null,
  };
}

/** SKUs on sale with at most `settings/stock.lowStockThreshold` units, lowest first (index `stock`). */
export async function lowStock(db: Db): Promise<LowStockOutput> {
  const threshold = await lowStockThreshold(db);
  const { data } = await db
    .collection<SkuDoc>(CatalogCollections.skus)
    .where({ stock: db.command.lte(threshold) })
    .orderBy('stock', 'asc')
    .limit(LOW_STOCK_LIMIT)
    .get();
  const kept = data.filter((sku) => sku.offSale !== true);
  const products = await loadByIds<ProductDoc>(db, CatalogCollections.products, kept.map((sku) => sku.productId));
  const items = kept
    .filter((sku) => products.has(sku.productId))
    .map((sku) => stockSkuView(sku, products.get(sku.productId)))
    .sort((a, b) => a.stock - b.stock || a.productName.localeCompare(b.productName, 'zh') || a.skuId.localeCompare(b.skuId));
  return { threshold, items };
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.id]), 'utf8').toString('base64url');
}

function decodeCursor(text: string): Cursor {
  try {
    const [at, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as [unknown, unknown];
    if (Number.isSafeInteger(at) && typeof id === 'string' && id.length > 0 && id.length <= 200) return { at: at as number, id };
  } catch {
    // falls through to the refusal
  }
  throw stockErrors.cursorInvalid();
}

/** The display numbers of a page's orders, in one query. */
async function orderNosOf(db: Db, orderIds: string[]): Promise<Map<string, string>> {
  if (orderIds.length === 0) return new Map();
  const orders = await loadByIds<{ orderNo?: string; createdAt: number }>(db, 'orders', orderIds);
  return new Map([...orders].map(([id, order]) => [id, displayOrderNo(order)]));
}
