import type { Db, WithId } from '../../db';
import type {
  BannerView,
  CategoryView,
  HomeView,
  ProductDetail,
  ProductPage,
  ProductSummary,
} from '../../../core/contracts/catalog';
import { orderErrors } from '../../../core/order/errors';
import {
  CatalogCollections,
  loadOne,
  loadSkusOfProducts,
  ON_SALE,
  type BannerDoc,
  type CategoryDoc,
  type ProductDoc,
  type SkuDoc,
} from './records';
import { memberPriceFor } from './member-price';
import { toProductDetail, toProductSummary } from './views';

const HOME_FEATURED = 8;
const HOME_BANNERS = 10;

export async function listCategories(db: Db): Promise<CategoryView[]> {
  const { data } = await db.collection<CategoryDoc>(CatalogCollections.categories).orderBy('sort', 'asc').limit(200).get();
  return data.map((c) => ({ _id: c._id, name: c.name, sort: c.sort ?? 0, icon: c.icon ?? null }));
}

export async function listProducts(
  db: Db,
  input: { categoryId?: string; page: number; pageSize: number },
): Promise<ProductPage> {
  const query: Record<string, unknown> = { status: ON_SALE };
  if (input.categoryId) query.categoryId = input.categoryId;
  // One extra document tells whether another page exists without a count query.
  const { data } = await db
    .collection<ProductDoc>(CatalogCollections.products)
    .where(query)
    .orderBy('sort', 'asc')
    .orderBy('_id', 'asc')
    .skip(input.page * input.pageSize)
    .limit(input.pageSize + 1)
    .get();
  const products = data.slice(0, input.pageSize);
  return {
    items: await summarize(db, products),
    page: input.page,
    pageSize: input.pageSize,
    hasMore: data.length > input.pageSize,
  };
}

/** The product with its SKUs; with the caller's openid also their member price (金卡价). */
export async function productDetail(db: Db, input: { productId: string }, openid: string | null = null): Promise<ProductDetail> {
  const product = await loadOne<ProductDoc>(db, CatalogCollections.products, input.productId);
  if (!product) throw orderErrors.productNotFound(input.productId);
  if (product.status !== ON_SALE) throw orderErrors.productOffSale(product._id);
  const skus = await loadSkusOfProducts(db, [product._id]);
  const detail = toProductDetail(product, onSale(skus.get(product._id) ?? []));
  return { ...detail, memberPrice: await memberPriceFor(db, openid, detail.skus, detail.price) };
}

export async function homeView(db: Db): Promise<HomeView> {
  const [banners, featured] = await Promise.all([loadBanners(db), loadFeatured(db)]);
  return { banners, featured };
}

async function loadBanners(db: Db): Promise<BannerView[]> {
  const { data } = await db.collection<BannerDoc>(CatalogCollections.banners).orderBy('sort', 'asc').limit(HOME_BANNERS * 2).get();
  return data
    .filter((b) => b.active !== false && b.enabled !== false && typeof b.image === 'string' && b.image !== '')
    .slice(0, HOME_BANNERS)
    .map((b) => ({ _id: b._id, image: b.image as string, title: b.title ?? '', subtitle: b.subtitle ?? '', link: b.link ?? null }));
}

/** Products flagged `featured`, or else the first on-sale products by sort order. */
export async function loadFeatured(db: Db): Promise<ProductSummary[]> {
  const products = db.collection<ProductDoc>(CatalogCollections.products);
  const flagged = await products.where({ status: ON_SALE, featured: true }).orderBy('sort', 'asc').limit(HOME_FEATURED).get();
  const chosen =
    flagged.data.length > 0
      ? flagged.data
      : (await products.where({ status: ON_SALE }).orderBy('sort', 'asc').limit(HOME_FEATURED).get()).data;
  return summarize(db, chosen);
}

export async function summarize(db: Db, products: Array<WithId<ProductDoc>>): Promise<ProductSummary[]> {
  const skus = await loadSkusOfProducts(
    db,
    products.map((p) => p._id),
  );
  return products.map((p) => toProductSummary(p, onSale(skus.get(p._id) ?? [])));
}

/** A SKU the operator removed stays in the database for its orders, never on the shelf. */
const onSale = (skus: Array<WithId<SkuDoc>>): Array<WithId<SkuDoc>> => skus.filter((sku) => sku.offSale !== true);
