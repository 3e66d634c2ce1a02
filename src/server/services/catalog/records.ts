import type { Db, WithId } from '../../db';

/** The catalog as stored (seeded by the local cloud, managed by operators). Money in fen. */

export const CatalogCollections = {
  categories: 'categories',
  products: 'products',
  skus: 'skus',
  stores: 'stores',
  banners: 'banners',
} as const;

export const ON_SALE = 'ON_SALE';

export interface CategoryDoc {
  name: string;
  sort?: number;
  icon?: string;
}

export interface ProductDoc {
  name: string;
  subtitle?: string;
  categoryId: string;
  images?: string[];
  /** Only ON_SALE products are listed, shown and sold. */
  status: string;
  sort?: number;
  listPrice?: number;
  description?: string;
  /** Shown on the home page when any product is featured. */
  featured?: boolean;
  /** Images below the description. */
  detailImages?: string[];
  /** Words the product is also found by in search (搜索关键词). */
  keywords?: string[];
  /** The terms last written to `product_search` for it (search-index.ts). */
  searchTerms?: string[];
  /** Spec names in the operator's order (颜色, 规格); the SKUs' `spec` keys. */
  specNames?: string[];
  /** Counts the operator's saves: the cause of their stock edits in the ledger. */
  revision?: number;
  /** Fingerprint of the creating request (keyed by requestId). */
  inputHash?: string;
  createdBy?: string;
  createdAt?: number;
  updatedAt?: number;
}

/** `sold + stock` stays constant for a SKU: every reservation moves units between the two. */
export interface SkuDoc {
  productId: string;
  name: string;
  price: number;
  stock: number;
  sold: number;
  /** Display order among the product's SKUs (by price when absent). */
  sort?: number;
  /** Spec name → value (颜色: 红色); the name shown is the values joined. */
  spec?: Record<string, string>;
  listPrice?: number;
  /** Removed by the operator: kept for the orders that name it, never sold again. */
  offSale?: boolean;
  updatedAt?: number;
}

export interface StoreDoc {
  name: string;
  address?: string;
  /** A store with `pickupEnabled: false` takes no pickup orders. */
  pickupEnabled?: boolean;
}

export interface BannerDoc {
  image?: string;
  title?: string;
  subtitle?: string;
  link?: string;
  sort?: number;
  /** A banner with `active: false` (or `enabled: false`) is hidden. */
  active?: boolean;
  enabled?: boolean;
}

/** CloudBase answers at most 1000 documents a query; `_.in` lists are kept well below. */
const IN_CHUNK = 100;

/** Documents by id (missing ones are absent from the map), in as few queries as the limits allow. */
export async function loadByIds<T>(db: Db, collection: string, ids: readonly string[]): Promise<Map<string, WithId<T>>> {
  const unique = [...new Set(ids)];
  const found = new Map<string, WithId<T>>();
  for (let start = 0; start < unique.length; start += IN_CHUNK) {
    const chunk = unique.slice(start, start + IN_CHUNK);
    const { data } = await db
      .collection<T>(collection)
      .where({ _id: db.command.in(chunk) })
      .limit(chunk.length)
      .get();
    for (const doc of data) found.set(doc._id, doc);
  }
  return found;
}

/** The SKUs of these products, grouped by product id. */
export async function loadSkusOfProducts(db: Db, productIds: readonly string[]): Promise<Map<string, Array<WithId<SkuDoc>>>> {
  const unique = [...new Set(productIds)];
  const byProduct = new Map<string, Array<WithId<SkuDoc>>>(unique.map((id) => [id, []]));
  for (let start = 0; start < unique.length; start += IN_CHUNK) {
    const chunk = unique.slice(start, start + IN_CHUNK);
    const { data } = await db
      .collection<SkuDoc>(CatalogCollections.skus)
      .where({ productId: db.command.in(chunk) })
      .limit(1000)
      .get();
    for (const sku of data) byProduct.get(sku.productId)?.push(sku);
  }
  for (const skus of byProduct.values()) {
    skus.sort((a, b) => (a.sort ?? a.price) - (b.sort ?? b.price) || a.price - b.price || a._id.localeCompare(b._id));
  }
  return byProduct;
}

export async function loadOne<T>(db: Db, collection: string, id: string): Promise<WithId<T> | null> {
  const { data } = await db.collection<T>(collection).doc(id).get();
  return data[0] ?? null;
}
