import { lookupTerm, matchesQuery, type SearchTermDoc } from '../../../core/catalog/search';
import type { ProductSearchPage, SearchSuggestions } from '../../../core/contracts/catalog';
import type { Db, WithId } from '../../db';
import { CatalogCollections, loadByIds, ON_SALE, type ProductDoc } from './records';
import { SEARCH_COLLECTION } from './search-index';
import { loadFeatured, summarize } from './service';

/** Term documents read for one query: a term shared by more on-sale products than this is too vague to page through. */
const TERM_READ = 200;
const SUGGESTIONS = 8;

/**
 * The on-sale products whose name, keywords or category hold every word of
 * the query: one indexed read of `product_search` by `term` (in shelf order),
 * the whole query matched against each document's `text`, then the page's
 * products and SKUs by id. Nothing found on the first page: the featured
 * products come along (`popular`), so the empty result offers something.
 */
export async function searchProducts(db: Db, input: { q: string; page: number; pageSize: number }): Promise<ProductSearchPage> {
  const matches = await matchingTerms(db, input.q, TERM_READ);
  const start = input.page * input.pageSize;
  const ids = matches.slice(start, start + input.pageSize).map((m) => m.productId);
  const products = await loadByIds<ProductDoc>(db, CatalogCollections.products, ids);
  // The index holds on-sale products only; a product changed since is checked here too.
  const shown = ids.flatMap((id) => {
    const product = products.get(id);
    return product && product.status === ON_SALE ? [product] : [];
  });
  const items = await summarize(db, shown);
  const popular = items.length === 0 && input.page === 0 ? await loadFeatured(db) : [];
  return { q: input.q, items, page: input.page, pageSize: input.pageSize, hasMore: matches.length > start + input.pageSize, popular };
}

/** Product names for the words typed so far: the same indexed read, no product read. */
export async function searchSuggest(db: Db, input: { q: string }): Promise<SearchSuggestions> {
  const matches = await matchingTerms(db, input.q, SUGGESTIONS * 4);
  return { q: input.q, items: matches.slice(0, SUGGESTIONS).map((m) => ({ productId: m.productId, name: m.name })) };
}

async function matchingTerms(db: Db, q: string, limit: number): Promise<Array<WithId<SearchTermDoc>>> {
  const term = lookupTerm(q);
  if (!term) return [];
  const { data } = await db
    .collection<SearchTermDoc>(SEARCH_COLLECTION)
    .where({ term })
    .orderBy('sort', 'asc')
    .orderBy('productId', 'asc')
    .limit(limit)
    .get();
  return data.filter((doc) => matchesQuery(doc.text, q));
}
