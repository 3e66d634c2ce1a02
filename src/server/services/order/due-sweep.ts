import type { Db, Query } from '../../db';

/** What a timer sweeps: the documents of `collection` still due, oldest first. */
export interface DueScan {
  collection: string;
  /** Read again for every page: a visit that settles a document takes it out of this. */
  where: () => Query;
  /** The ascending field the oldest come first by (the index the query uses). */
  orderBy: string;
  /** Ids read a page. */
  batch: number;
  /** Pages one run reads at most, to stay well inside CloudBase's 60 s per call; the next run continues. */
  maxBatches: number;
}

/**
 * Visits each due id once, page by page. A page of ids all visited already
 * (their visit failed or left them due) ends the run, as does a short page.
 * `visit` should catch its own errors: one that throws ends the run.
 */
export async function forEachDue(db: Db, scan: DueScan, visit: (id: string) => Promise<void>): Promise<void> {
  const seen = new Set<string>();
  for (let batch = 0; batch < scan.maxBatches; batch += 1) {
    const { data } = await db
      .collection(scan.collection)
      .where(scan.where())
      .orderBy(scan.orderBy, 'asc')
      .limit(scan.batch)
      .field({ _id: true })
      .get();
    const fresh = data.filter((doc) => !seen.has(doc._id));
    if (fresh.length === 0) break;
    for (const { _id } of fresh) {
      seen.add(_id);
      await visit(_id);
    }
    if (data.length < scan.batch) break;
  }
}
