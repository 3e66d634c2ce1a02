/**
 * Database-operation budgets, the way Django's `assertNumQueries` pins
 * queries: a Db that counts what goes through it (calls, documents read,
 * documents written, transactions), to install as a runtime's db so that
 * every call a function makes is counted. A test takes `counts()` around one
 * function call and compares it with the budget. Counts, not timings: a
 * change that adds a read to a hot path fails a test.
 *
 * What counts: every terminal operation is one call (`get`, `count`, `set`,
 * `update`, `remove`, `add`, `updateAndReturn`, in or out of a
 * transaction); a `get` reads the documents it answers; writes count the
 * documents written (`updated`/`deleted` as answered, 1 for `set` and
 * `add`); each run of a transaction callback is one transaction (CloudBase
 * bills a re-run again). Not a test file itself.
 */
import type { Db } from '../../src/server/db';

export interface DbCounts {
  calls: number;
  reads: number;
  writes: number;
  transactions: number;
}

export interface CountingDb {
  db: Db;
  /** `collection.method` of every counted call, in order (to see what a failing budget spent). */
  trace: string[];
  counts(): DbCounts;
  reset(): void;
  /** The counts of what `work` did through the db. */
  during(work: () => Promise<unknown>): Promise<DbCounts>;
}

const CHAINING = new Set(['where', 'orderBy', 'skip', 'limit', 'field', 'doc']);
const READS = new Set(['get', 'count']);
const WRITES = new Set(['set', 'update', 'remove', 'delete', 'add', 'updateAndReturn']);

export function countingDb(db: Db): CountingDb {
  const counts: DbCounts = { calls: 0, reads: 0, writes: 0, transactions: 0 };
  const trace: string[] = [];

  const noteRead = (result: unknown) => {
    counts.calls += 1;
    const data = (result as { data?: unknown } | null)?.data;
    if (Array.isArray(data)) counts.reads += data.length;
    else if (data !== undefined && data !== null) counts.reads += 1;
  };
  const noteWrite = (method: string, result: unknown) => {
    counts.calls += 1;
    const answer = (result ?? {}) as { updated?: number; deleted?: number; upsertedId?: string };
    if (method === 'add') counts.writes += 1;
    else if (method === 'set') counts.writes += 1;
    else if (typeof answer.deleted === 'number') counts.writes += answer.deleted;
    else if (typeof answer.updated === 'number') counts.writes += answer.updated;
  };

  /** Wraps a collection, query, doc ref or transaction collection: chains stay wrapped, terminals are counted. */
  const wrap = <T extends object>(target: T, collection: string): T =>
    new Proxy(target, {
      get(inner, key, receiver) {
        const value = Reflect.get(inner, key, receiver);
        if (typeof key !== 'string' || typeof value !== 'function') return value;
        if (CHAINING.has(key)) return (...args: unknown[]) => wrap((value as (...a: unknown[]) => object).apply(inner, args), collection);
        if (READS.has(key)) return async (...args: unknown[]) => {
          trace.push(`${collection}.${key}`);
          const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(inner, args);
          noteRead(result);
          return result;
        };
        if (WRITES.has(key)) return async (...args: unknown[]) => {
          trace.push(`${collection}.${key}`);
          const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(inner, args);
          noteWrite(key, result);
          return result;
        };
        return value.bind(inner);
      },
    });

  const wrapTransaction = <T extends object>(tx: T): T =>
    new Proxy(tx, {
      get(inner, key, receiver) {
        const value = Reflect.get(inner, key, receiver);
        if (key === 'collection') return (name: string) => wrap((value as (n: string) => object).call(inner, name), `tx:${name}`);
        return typeof value === 'function' ? value.bind(inner) : value;
      },
    });

  const counted = new Proxy(db, {
    get(inner, key, receiver) {
      const value = Reflect.get(inner, key, receiver);
      if (key === 'collection') return (name: string) => wrap(inner.collection(name), name);
      if (key === 'runTransaction') {
        return (callback: (tx: never) => Promise<unknown>, times?: number) =>
          inner.runTransaction((tx) => {
            counts.transactions += 1;
            return callback(wrapTransaction(tx) as never);
          }, times);
      }
      if (key === 'startTransaction') {
        return async () => {
          counts.transactions += 1;
          return wrapTransaction(await inner.startTransaction());
        };
      }
      return typeof value === 'function' ? value.bind(inner) : value;
    },
  });

  const snapshot = (): DbCounts => ({ ...counts });
  const reset = () => {
    counts.calls = 0;
    counts.reads = 0;
    counts.writes = 0;
    counts.transactions = 0;
    trace.length = 0;
  };
  return {
    db: counted,
    trace,
    counts: snapshot,
    reset,
    async during(work) {
      const before = snapshot();
      await work();
      return {
        calls: counts.calls - before.calls,
        reads: counts.reads - before.reads,
        writes: counts.writes - before.writes,
        transactions: counts.transactions - before.transactions,
      };
    },
  };
}
