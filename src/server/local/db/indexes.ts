/** Index DDL from the schema, and the MongoDB-style index names used in duplicate-key errors. */
import type Database from 'better-sqlite3';
import type { CollectionSchema, IndexSpec } from '../../schema';
import { invalidParam } from './errors';
import { assertCollectionName, quoteIdentifier } from './names';

const INDEX_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const INDEX_NAME = /^[A-Za-z0-9_]+$/;

/** The SQL expression an index is built on; queries must spell it identically for SQLite to use the index. */
export function fieldExpression(path: string): string {
  return `json_extract(data, '$.${path}')`;
}

/** The JSON type SQLite reads at a path ('integer', 'real', 'text', 'true', 'object', …; NULL when missing). */
export function fieldType(path: string): string {
  return `json_type(data, '$.${path}')`;
}

export function sqlIndexName(collection: string, index: string): string {
  return `${collection}__${index}`;
}

export function indexDdl(collection: string, spec: IndexSpec): string {
  const columns = spec.fields
    .map((field) => `${fieldExpression(field.path)}${field.order === 'desc' ? ' DESC' : ''}`)
    .join(', ');
  const unique = spec.unique ? 'UNIQUE ' : '';
  // SQLite uses a partial index only for a query whose WHERE implies this one: `x = ?`, `x IN (…)` and ranges do.
  const partial = spec.sparse ? ` WHERE ${fieldExpression(spec.fields[0]!.path)} IS NOT NULL` : '';
  return `CREATE ${unique}INDEX ${quoteIdentifier(sqlIndexName(collection, spec.name))} ON ${quoteIdentifier(collection)} (${columns})${partial}`;
}

export function validateSchema(schema: CollectionSchema[]): void {
  const collections = new Set<string>();
  for (const collection of schema) {
    assertCollectionName(collection.name);
    if (collections.has(collection.name)) throw invalidParam(`schema declares collection ${collection.name} twice`);
    collections.add(collection.name);
    const names = new Set<string>();
    for (const index of collection.indexes) {
      if (!INDEX_NAME.test(index.name) || names.has(index.name)) {
        throw invalidParam(`schema: bad or repeated index name ${collection.name}.${index.name}`);
      }
      names.add(index.name);
      if (index.fields.length === 0) throw invalidParam(`schema: index ${collection.name}.${index.name} has no fields`);
      for (const field of index.fields) {
        if (!INDEX_PATH.test(field.path)) {
          throw invalidParam(`schema: index ${collection.name}.${index.name} path "${field.path}" must be a dot path of identifiers`);
        }
      }
    }
  }
}

/** Creates the declared indexes, recreating one whose definition changed since the file was made. */
export function ensureIndexes(sql: Database.Database, collection: string, specs: IndexSpec[]): void {
  const existing = sql.prepare<[string], { sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?");
  for (const spec of specs) {
    const name = sqlIndexName(collection, spec.name);
    const ddl = indexDdl(collection, spec);
    const current = existing.get(name);
    if (current?.sql === ddl) continue;
    if (current) sql.exec(`DROP INDEX ${quoteIdentifier(name)}`);
    try {
      sql.exec(ddl);
    } catch (error) {
      throw invalidParam(`cannot create index ${collection}.${spec.name}: ${(error as Error).message}`);
    }
  }
}

/** MongoDB's name for the `_id` index, as it appears in E11000 messages. */
export const ID_INDEX_NAME = '_id_';
