import type { Db, Transaction, WithId } from '../../db';

/** One document by id, from a transaction or from the database: the rebuild and the hooks share their readers. */
export type ReadDoc = <T>(collection: string, id: string) => Promise<WithId<T> | null>;

export const txReader =
  (tx: Transaction): ReadDoc =>
  async <T>(collection: string, id: string) =>
    (await tx.collection<T>(collection).doc(id).get()).data;

export const dbReader =
  (db: Db): ReadDoc =>
  async <T>(collection: string, id: string) =>
    (await db.collection<T>(collection).doc(id).get()).data[0] ?? null;
