import type { WithId } from '../../db';
import type { ProductDetail, ProductSummary, SkuView } from '../../../core/contracts/catalog';
import { MAX_LINE_QUANTITY } from '../../../core/contracts/cart';
import type { ProductDoc, SkuDoc } from './records';

export function toSkuView(sku: WithId<SkuDoc>): SkuView {
  const stock = Math.max(0, sku.stock);
  return { _id: sku._id, name: sku.name, price: sku.price, stock, soldOut: stock <= 0 };
}

export function toProductSummary(product: WithId<ProductDoc>, skus: Array<WithId<SkuDoc>>): ProductSummary {
  const listPrice = product.listPrice ?? 0;
  const prices = skus.map((sku) => sku.price);
  return {
    _id: product._id,
    name: product.name,
    subtitle: product.subtitle ?? '',
    categoryId: product.categoryId,
    image: product.images?.[0] ?? null,
    price: prices.length > 0 ? Math.min(...prices) : listPrice,
    listPrice,
    soldOut: !skus.some((sku) => sku.stock > 0),
  };
}

export function toProductDetail(product: WithId<ProductDoc>, skus: Array<WithId<SkuDoc>>): ProductDetail {
  return {
    ...toProductSummary(product, skus),
    images: product.images ?? [],
    description: product.description ?? '',
    detailImages: product.detailImages ?? [],
    skus: skus.map(toSkuView),
    salesCount: skus.reduce((sum, sku) => sum + Math.max(0, sku.sold ?? 0), 0),
    memberPrice: null,
    maxPerOrder: MAX_LINE_QUANTITY,
  };
}
