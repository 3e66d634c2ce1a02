import type { Db, WithId } from '../../db';
import { orderErrors } from '../../../core/order/errors';
import { CatalogCollections, loadByIds, ON_SALE, type ProductDoc, type SkuDoc } from './records';

export interface Sellable {
  sku: WithId<SkuDoc>;
  product: WithId<ProductDoc>;
}

/**
 * The SKUs with their products, checked to be on sale: SKU_NOT_FOUND or
 * PRODUCT_OFF_SALE for the first that is not. Stock is checked where it is
 * taken (inside the order transaction), not here.
 */
export async function loadSellable(db: Db, skuIds: readonly string[]): Promise<Map<string, Sellable>> {
  const skus = await loadByIds<SkuDoc>(db, CatalogCollections.skus, skuIds);
  const products = await loadByIds<ProductDoc>(db, CatalogCollections.products, [...skus.values()].map((s) => s.productId));
  const sellable = new Map<string, Sellable>();
  for (const skuId of skuIds) {
    const sku = skus.get(skuId);
    if (!sku || sku.offSale === true) throw orderErrors.skuNotFound(skuId);
    const product = products.get(sku.productId);
    if (!product || product.status !== ON_SALE) throw orderErrors.productOffSale(sku.productId, skuId);
    sellable.set(skuId, { sku, product });
  }
  return sellable;
}
