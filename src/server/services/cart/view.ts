import type { Db } from '../../db';
import type { CartLineProblem, CartLineView, CartView } from '../../../core/contracts/cart';
import { CatalogCollections, loadByIds, ON_SALE, type ProductDoc, type SkuDoc } from '../catalog/records';
import type { CartDoc } from './records';

/** The cart with today's prices and stock; lines that cannot be ordered are marked, not dropped. */
export async function buildCartView(db: Db, cart: CartDoc | null): Promise<CartView> {
  if (!cart || cart.lines.length === 0) {
    return { lines: [], availableCount: 0, availableTotal: 0, updatedAt: cart?.updatedAt ?? null };
  }
  const skus = await loadByIds<SkuDoc>(db, CatalogCollections.skus, cart.lines.map((l) => l.skuId));
  const products = await loadByIds<ProductDoc>(db, CatalogCollections.products, [...skus.values()].map((s) => s.productId));
  const lines = [...cart.lines]
    .sort((a, b) => b.addedAt - a.addedAt)
    .map((line): CartLineView => {
      const sku = skus.get(line.skuId);
      const product = sku ? products.get(sku.productId) : undefined;
      const stock = Math.max(0, sku?.stock ?? 0);
      const price = sku?.price ?? 0;
      const problem = lineProblem(sku, product, line.quantity);
      return {
        skuId: line.skuId,
        productId: sku?.productId ?? null,
        productName: product?.name ?? '',
        skuName: sku?.name ?? '',
        image: product?.images?.[0] ?? null,
        price,
        quantity: line.quantity,
        stock,
        lineTotal: price * line.quantity,
        available: problem === null,
        problem,
        addedAt: line.addedAt,
      };
    });
  const available = lines.filter((l) => l.available);
  return {
    lines,
    availableCount: available.reduce((n, l) => n + l.quantity, 0),
    availableTotal: available.reduce((sum, l) => sum + l.lineTotal, 0),
    updatedAt: cart.updatedAt,
  };
}

function lineProblem(sku: SkuDoc | undefined, product: ProductDoc | undefined, quantity: number): CartLineProblem | null {
  if (!sku) return 'SKU_NOT_FOUND';
  if (!product || product.status !== ON_SALE) return 'PRODUCT_OFF_SALE';
  if (sku.stock <= 0) return 'OUT_OF_STOCK';
  if (sku.stock < quantity) return 'INSUFFICIENT_STOCK';
  return null;
}
