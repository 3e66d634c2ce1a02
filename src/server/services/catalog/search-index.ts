import { searchDocId, searchTermsOf, searchTextOf, type SearchTermDoc } from '../../../core/catalog/search';
import type { Db, Transaction, WithId } from '../../db';
import { CatalogCollections, ON_SALE, type CategoryDoc, type ProductDoc } from './records';

/**
 * Keeps `product_search` (core/catalog/search.ts) in step with the products:
 * an on-sale product has one document per term, any other none. The terms
 * written last are kept on the product (`searchTerms`), so a later save
 * removes exactly the stale ones, by id, inside the caller's transaction.
 */
export const SEARCH_COLLECTION = 'product_search';

export interface IndexedProduct {
  _id: string;
  name: string;
  keywords?: string[];
  status: string;
  sort?: number;
  searchTerms?: string[];
}

/** The term documents a product should have (none when it is not on sale). */
export function searchDocsOf(product: IndexedProduct, categoryName: string | undefined): Array<WithId<SearchTermDoc>> {
  if (product.status !== ON_SALE) return [];
  const source = { name: product.name, keywords: product.keywords, categoryName };
  const text = searchTextOf(source);
  return searchTermsOf(source).map((term) => ({
    _id: searchDocId(term, product._id),
    term,
    productId: product._id,
    name: product.name,
    text,
    sort: product.sort ?? 0,
  }));
}

/** Writes the product's term documents and removes stale ones; answers the terms to store as `searchTerms`. Only doc() operations. */
export async function syncSearchInTx(tx: Transaction, product: IndexedProduct, categoryName: string | undefined): Promise<string[]> {
  const docs = searchDocsOf(product, categoryName);
  const collection = tx.collection<SearchTermDoc>(SEARCH_COLLECTION);
  const kept = new Set(docs.map((doc) => doc.term));
  for (const term of product.searchTerms ?? []) {
    if (!kept.has(term)) await collection.doc(searchDocId(term, product._id)).remove();
  }
  for (const { _id, ...doc } of docs) await collection.doc(_id).set(doc);
  return [...kept];
}

/** Rebuilds every product's terms (a data directory seeded before search existed; tests). Outside any transaction. */
export async function rebuildSearchIndex(db: Db): Promise<number> {
  const { data: categories } = await db.collection<CategoryDoc>(CatalogCollections.categories).limit(1000).get();
  const names = new Map(categories.map((c) => [c._id, c.name]));
  let written = 0;
  for (let offset = 0; ; offset += 1000) {
    const { data } = await db.collection<ProductDoc>(CatalogCollections.products).orderBy('_id', 'asc').skip(offset).limit(1000).get();
    for (const product of data) {
      const docs = searchDocsOf(product, names.get(product.categoryId));
      const kept = new Set(docs.map((doc) => doc.term));
      for (const term of product.searchTerms ?? []) if (!kept.has(term)) await db.collection(SEARCH_COLLECTION).doc(searchDocId(term, product._id)).remove();
      for (const { _id, ...doc } of docs) await db.collection(SEARCH_COLLECTION).doc(_id).set(doc);
      await db.collection(CatalogCollections.products).doc(product._id).update({ searchTerms: [...kept] });
      written += docs.length;
    }
    if (data.length < 1000) break;
  }
  return written;
}

/**
 * A data directory seeded before search existed has products and no terms: rebuild them once at start-up
 * (two counts otherwise). Answers the term documents written.
 */
export async function ensureSearchIndex(db: Db): Promise<number> {
  const { total: terms } = await db.collection(SEARCH_COLLECTION).count();
  if (terms > 0) return 0;
  const { total: products } = await db.collection(CatalogCollections.products).where({ status: ON_SALE }).count();
  return products > 0 ? rebuildSearchIndex(db) : 0;
}
