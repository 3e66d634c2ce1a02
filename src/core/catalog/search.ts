/**
 * Product search by name and keywords, as an inverted index: one
 * `product_search` document per (term, on-sale product), looked up by
 * equality on `term` (an indexed scalar; an array of terms on the product
 * would not be index-backed). Chinese has no word breaks, so a product's
 * terms are every substring of its name, keywords and category name up to
 * TERM_MAX characters; a longer query is looked up by its first TERM_MAX
 * characters and then matched whole against the stored `text`.
 */

/** Longest indexed term; longer query words are narrowed by `text`. */
export const TERM_MAX = 4;
/** A query longer than this is cut (nobody types more into a shop's search box). */
export const SEARCH_QUERY_MAX = 30;

/** Lower case, full-width to half-width (NFKC), runs of space to one. */
export function normaliseSearchText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The query's words, longest first (the longest narrows the lookup most). */
export function queryWords(query: string): string[] {
  const words = normaliseSearchText(query.slice(0, SEARCH_QUERY_MAX)).split(' ').filter(Boolean);
  return [...new Set(words)].sort((a, b) => [...b].length - [...a].length);
}

/** The term a query is looked up by, or null for an empty query. */
export function lookupTerm(query: string): string | null {
  const [longest] = queryWords(query);
  return longest ? [...longest].slice(0, TERM_MAX).join('') : null;
}

export interface SearchSource {
  name: string;
  keywords?: readonly string[];
  categoryName?: string;
}

/** What every query word must occur in: the normalised name, keywords and category. */
export function searchTextOf(source: SearchSource): string {
  return normaliseSearchText([source.name, ...(source.keywords ?? []), source.categoryName ?? ''].join(' '));
}

/** Every term a product is found by (distinct): the substrings of up to TERM_MAX characters of each word. */
export function searchTermsOf(source: SearchSource): string[] {
  const terms = new Set<string>();
  for (const word of searchTextOf(source).split(' ')) {
    const chars = [...word];
    for (let start = 0; start < chars.length; start += 1) {
      for (let length = 1; length <= TERM_MAX && start + length <= chars.length; length += 1) {
        terms.add(chars.slice(start, start + length).join(''));
      }
    }
  }
  return [...terms];
}

/** Whether a stored `text` holds every word of the query. */
export function matchesQuery(text: string, query: string): boolean {
  const words = queryWords(query);
  return words.length > 0 && words.every((word) => text.includes(word));
}

/** `product_search` document id: the term and the product (terms are short, ids are ids). */
export const searchDocId = (term: string, productId: string): string => `${productId}:${term}`;

export interface SearchTermDoc {
  term: string;
  productId: string;
  /** The product's name, for suggestions without reading the product. */
  name: string;
  /** searchTextOf the product: a longer query is matched against it. */
  text: string;
  /** The product's shelf order. */
  sort: number;
}
