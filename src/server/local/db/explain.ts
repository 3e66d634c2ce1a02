/**
 * Which index the local engine's SQL uses for a query: SQLite's EXPLAIN
 * QUERY PLAN of the very statement `storage.scan` runs for `where(query)`
 * (the prefilter of sql-prefilter.ts). For tests and the bench, which check
 * that every query of a hot path is index-backed. Not used by services.
 */
import type { Collection, Db, Query } from '../../db';
import { schema as projectSchema, type CollectionSchema } from '../../schema';
import { CollectionCatalog } from './catalog';
import type { LocalDb } from './index';
import { quoteIdentifier } from './names';
import { translateQuery } from './query-translate';
import { buildPrefilter } from './sql-prefilter';
import { sqlOrderBy } from './sql-order';
import type { OrderKey } from './sort';
import type { SqliteStorage } from './storage';

export interface QueryPlan {
  /** The SQL prefilter pushed down ('' = none: a full scan). */
  where: string;
  /** SQLite's plan lines, e.g. `SEARCH orders USING INDEX orders__status_createdAt (...)`. */
  plan: string[];
  /** The declared index SQLite chose (`status_createdAt`), 'PRIMARY KEY' for `_id` lookups, or null for a scan. */
  index: string | null;
}

export function explainQueryPlan(
  db: LocalDb,
  collection: string,
  query: unknown,
  schema: CollectionSchema[] = projectSchema,
  order: readonly OrderKey[] = [],
): QueryPlan {
  // The engine keeps its storage private; this diagnostic reads the same connection.
  const storage = (db as unknown as { storage: SqliteStorage }).storage;
  const catalog = new CollectionCatalog(storage.sql, schema);
  const filter = buildPrefilter(collection, translateQuery(query, Date.now), catalog);
  const where = filter.where ? ` WHERE ${filter.where}` : '';
  const rows = storage.sql
    .prepare(`EXPLAIN QUERY PLAN SELECT data FROM ${quoteIdentifier(collection)}${where} ORDER BY ${sqlOrderBy(collection, order, catalog) ?? 'rowid'}`)
    .all(...filter.params) as Array<{ detail: string }>;
  const plan = rows.map((row) => row.detail);
  return { where: filter.where, plan, index: indexOfPlan(collection, plan) };
}

/** A declared index anywhere in the plan (a multikey index is searched in a subquery), else the primary key. */
function indexOfPlan(collection: string, plan: string[]): string | null {
  const prefix = `${collection}__`;
  for (const line of plan) {
    const named = /USING (?:COVERING )?INDEX (\S+)/.exec(line);
    if (named && named[1].startsWith(prefix)) return named[1].slice(prefix.length);
  }
  return plan.some((line) => /USING (?:INTEGER )?PRIMARY KEY|USING INDEX sqlite_autoindex/.test(line)) ? 'PRIMARY KEY' : null;
}

/**
 * The plan of the statement `count()` runs for `where(query)`: SQLite's `COUNT(*)` when the whole query
 * is pushed down exactly (sql-prefilter.ts), else the scan whose matches the engine counts.
 */
export function explainCount(db: LocalDb, collection: string, query: unknown, schema: CollectionSchema[] = projectSchema): QueryPlan & { exact: boolean } {
  const storage = (db as unknown as { storage: SqliteStorage }).storage;
  const catalog = new CollectionCatalog(storage.sql, schema);
  const filter = buildPrefilter(collection, translateQuery(query, Date.now), catalog);
  const exact = filter.exact === true;
  const where = filter.where ? ` WHERE ${filter.where}` : '';
  const select = exact ? 'SELECT COUNT(*)' : 'SELECT data';
  const rows = storage.sql.prepare(`EXPLAIN QUERY PLAN ${select} FROM ${quoteIdentifier(collection)}${where}`).all(...filter.params) as Array<{ detail: string }>;
  const plan = rows.map((row) => row.detail);
  return { where: filter.where, plan, index: indexOfPlan(collection, plan), exact };
}

export interface RecordedQuery {
  collection: string;
  query: Query;
  /** The `orderBy` calls chained on it, in order. */
  order: OrderKey[];
}

/** Follows a query's chain (`orderBy`, `limit`, …), noting each `orderBy` on `order`. */
function notingOrder<T extends object>(query: T, order: OrderKey[]): T {
  return new Proxy(query, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (key === 'orderBy') order.push({ path: String(args[0]), direction: args[1] === 'desc' ? 'desc' : 'asc' });
        const next = (value as (...a: unknown[]) => unknown).apply(target, args);
        return next !== null && typeof next === 'object' && !(next instanceof Promise) ? notingOrder(next as object, order) : next;
      };
    },
  });
}

/** A Db that records every `where(query)` made through it (reads of services under test), then behaves as `db`. */
export function recordingQueries(db: Db): { db: Db; queries: RecordedQuery[] } {
  const queries: RecordedQuery[] = [];
  const wrapped = new Proxy(db, {
    get(target, property, receiver) {
      if (property !== 'collection') return Reflect.get(target, property, receiver);
      return (name: string) => {
        const collection = target.collection(name);
        return new Proxy(collection, {
          get(inner, key, innerReceiver) {
            if (key !== 'where') return Reflect.get(inner, key, innerReceiver);
            return (query: Query) => {
              const recorded: RecordedQuery = { collection: name, query, order: [] };
              queries.push(recorded);
              return notingOrder((inner as Collection).where(query), recorded.order);
            };
          },
        });
      };
    },
  });
  return { db: wrapped, queries };
}
