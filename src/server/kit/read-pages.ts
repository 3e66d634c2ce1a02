/**
 * Reads a query page by page (CloudBase answers at most 1,000 documents a
 * get) until a short page or `maxItems`: `page(skip, limit)` runs one get.
 * `forEachPage` hands each page to `visit` (sums, rebuilds: nothing kept);
 * `readPages` keeps every document (sales per activity, a month's
 * commission, a member's invites). `maxItems` bounds what a report may read;
 * without it the read goes on to the last page.
 */
export async function forEachPage<T>(
  page: (skip: number, limit: number) => Promise<T[]>,
  pageSize: number,
  visit: (items: T[]) => void | Promise<void>,
  maxItems = Infinity,
): Promise<void> {
  for (let skip = 0; skip < maxItems; skip += pageSize) {
    const limit = Math.min(pageSize, maxItems - skip);
    const data = await page(skip, limit);
    await visit(data);
    if (data.length < limit) break;
  }
}

export async function readPages<T>(page: (skip: number, limit: number) => Promise<T[]>, pageSize: number, maxItems = Infinity): Promise<T[]> {
  const out: T[] = [];
  await forEachPage(page, pageSize, (data) => void out.push(...data), maxItems);
  return out;
}
