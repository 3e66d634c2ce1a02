import type {
  OpsProductPage,
  OpsProductRow,
  OpsProductView,
  OpsSkuView,
  ProductStatus,
} from '../../../core/contracts/catalog-admin';
import type { Db, WithId } from '../../db';
import { catalogAdminErrors } from './admin-errors';
import { CatalogCollections, loadByIds, loadOne, loadSkusOfProducts, ON_SALE, type CategoryDoc, type ProductDoc, type SkuDoc } from './records';

/**
 * A chain's catalogue is hundreds of products, not tens of thousands: the
 * operator's list reads one tab (by the `status` index) in one page of
 * CloudBase's maximum and filters the name in memory.
 */
const MAX_LISTED = 1000;
/** What a SKU without spec values is called in the spec editor. */
const LEGACY_SPEC_NAME = '规格';

const statusOf = (product: ProductDoc): ProductStatus => (product.status === ON_SALE ? 'ON_SALE' : 'OFF_SALE');
const liveSkus = (skus: Array<WithId<SkuDoc>>): Array<WithId<SkuDoc>> => skus.filter((sku) => sku.offSale !== true);

export async function opsProducts(
  db: Db,
  input: { status?: ProductStatus; keyword?: string; page: number; pageSize: number },
): Promise<OpsProductPage> {
  const products = db.collection<ProductDoc>(CatalogCollections.products);
  const [onSale, all, listed] = await Promise.all([
    products.where({ status: ON_SALE }).count(),
    products.count(),
    (input.status ? products.where({ status: input.status }) : products).limit(MAX_LISTED).get(),
  ]);
  const keyword = input.keyword?.trim().toLowerCase() ?? '';
  const matching = listed.data
    .filter((p) => !keyword || p.name.toLowerCase().includes(keyword))
    // Newest changes first: what the operator just made or edited is on top.
    .sort((a, b) => (b.updatedAt ?? b.createdAt ?? 0) - (a.updatedAt ?? a.createdAt ?? 0) || a._id.localeCompare(b._id));
  const start = input.page * input.pageSize;
  const pageProducts = matching.slice(start, start + input.pageSize);
  const [skus, categories] = await Promise.all([
    loadSkusOfProducts(db, pageProducts.map((p) => p._id)),
    loadByIds<CategoryDoc>(db, CatalogCollections.categories, pageProducts.map((p) => p.categoryId)),
  ]);
  return {
    items: pageProducts.map((p) => toRow(p, liveSkus(skus.get(p._id) ?? []), categories.get(p.categoryId)?.name ?? '未分类')),
    page: input.page,
    pageSize: input.pageSize,
    hasMore: matching.length > start + input.pageSize,
    counts: { ON_SALE: onSale.total, OFF_SALE: all.total - onSale.total, all: all.total },
  };
}

function toRow(product: WithId<ProductDoc>, skus: Array<WithId<SkuDoc>>, categoryName: string): OpsProductRow {
  const prices = skus.map((sku) => sku.price);
  return {
    productId: product._id,
    name: product.name,
    image: product.images?.[0] ?? null,
    status: statusOf(product),
    categoryName,
    minPriceFen: prices.length > 0 ? Math.min(...prices) : 0,
    maxPriceFen: prices.length > 0 ? Math.max(...prices) : 0,
    totalStock: skus.reduce((sum, sku) => sum + Math.max(0, sku.stock), 0),
    skuCount: skus.length,
    updatedAt: product.updatedAt ?? product.createdAt ?? 0,
  };
}

/** A product as the edit form needs it: its SKUs on sale with their specs (a seeded SKU's name becomes its 规格 value). */
export async function opsProduct(db: Db, productId: string): Promise<OpsProductView> {
  const product = await loadOne<ProductDoc>(db, CatalogCollections.products, productId);
  if (!product) throw catalogAdminErrors.productNotFound(productId);
  const skus = liveSkus((await loadSkusOfProducts(db, [productId])).get(productId) ?? []);
  const specNames = product.specNames ?? (skus.some((sku) => sku.spec) ? Object.keys(skus[0]?.spec ?? {}) : [LEGACY_SPEC_NAME]);
  return {
    productId: product._id,
    name: product.name,
    categoryId: product.categoryId,
    images: product.images ?? [],
    detail: product.description ?? '',
    detailImages: product.detailImages ?? [],
    status: statusOf(product),
    specNames,
    skus: skus.map((sku): OpsSkuView => ({
      skuId: sku._id,
      spec: sku.spec ?? { [LEGACY_SPEC_NAME]: sku.name },
      priceFen: sku.price,
      // Seeded SKUs have no list price of their own: the product's, where it is above the SKU's price.
      listPriceFen: sku.listPrice ?? (product.listPrice && product.listPrice > sku.price ? product.listPrice : null),
      stock: Math.max(0, sku.stock),
      sold: sku.sold ?? 0,
    })),
    updatedAt: product.updatedAt ?? product.createdAt ?? 0,
  };
}
