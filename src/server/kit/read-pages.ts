/**
 * Reads a query page by page (CloudBase answers at most 1,000 documents a
 * get) until a short page or `maxItems`: `page(skip, limit)` runs one get.
 * For bounded reports that need every matching document (sales per
 * activity, a month's commission, a member's invites).
 */
export async function readPages<T>(page: (skip: number, limit: number) => Promise<T[]>, pageSize: number, maxItems: number): Promise<T[]> {
  const out: T[] = [];
  for (let skip = 0; skip < maxItems; skip += pageSize) {
    const data = await page(skip, Math.min(pageSize, maxItems - skip));
    out.push(...data);
    if (data.length < pageSize) break;
  }
  return out;
}
