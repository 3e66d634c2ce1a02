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

/** The key table of a multikey index: one row (value, JSON type, document `_id`) per element. */
export function multikeyTable(collection: string, index: string): string {
  return `${sqlIndexName(collection, index)}__keys`;
}

const MULTIKEY_EVENTS = ['insert', 'update', 'delete'] as const;
const multikeyTrigger = (collection: string, index: string, event: (typeof MULTIKEY_EVENTS)[number]): string =>
  quoteIdentifier(`${sqlIndexName(collection, index)}__${event}`);

/** The index on a multikey index's key table: named like any index, so plans name it. */
function multikeyIndexDdl(collection: string, spec: IndexSpec): string {
  return `CREATE INDEX ${quoteIdentifier(sqlIndexName(collection, spec.name))} ON ${quoteIdentifier(multikeyTable(collection, spec.name))} (value, type, id)`;
}

/**
 * A multikey index as SQL: its key table and indexes, the triggers that keep it in step with the collection,
 * and the rows of the documents already there. An array gives a row per element, a scalar one row (MongoDB
 * matches `{tags: 'x'}` against both), an object or a missing field none.
 */
function multikeyDdl(collection: string, spec: IndexSpec): string[] {
  const path = spec.fields[0]!.path;
  const table = quoteIdentifier(multikeyTable(collection, spec.name));
  const source = quoteIdentifier(collection);
  const trigger = (event: (typeof MULTIKEY_EVENTS)[number]) => multikeyTrigger(collection, spec.name, event);
  const elementsOf = (row: string) => `json_each(${row}.data, '$.${path}') AS j WHERE json_type(${row}.data, '$.${path}') NOT IN ('object', 'null')`;
  const insertNew = `INSERT INTO ${table} (value, type, id) SELECT j.value, j.type, NEW._id FROM ${elementsOf('NEW')};`;
  return [
    `CREATE TABLE ${table} (value ANY, type TEXT NOT NULL, id TEXT NOT NULL)`,
    multikeyIndexDdl(collection, spec),
    `CREATE INDEX ${quoteIdentifier(`${sqlIndexName(collection, spec.name)}__id`)} ON ${table} (id)`,
    `CREATE TRIGGER ${trigger('insert')} AFTER INSERT ON ${source} BEGIN ${insertNew} END`,
    `CREATE TRIGGER ${trigger('update')} AFTER UPDATE OF data ON ${source} ` +
      `WHEN json_extract(OLD.data, '$.${path}') IS NOT json_extract(NEW.data, '$.${path}') ` +
      `BEGIN DELETE FROM ${table} WHERE id = OLD._id; ${insertNew} END`,
    `CREATE TRIGGER ${trigger('delete')} AFTER DELETE ON ${source} BEGIN DELETE FROM ${table} WHERE id = OLD._id; END`,
    `INSERT INTO ${table} (value, type, id) SELECT j.value, j.type, d._id FROM ${source} AS d, ${elementsOf('d')}`,
  ];
}

/** Its table (with the table's indexes) and triggers, so multikeyDdl can make them again from nothing. */
function dropMultikey(sql: Database.Database, collection: string, spec: IndexSpec): void {
  sql.exec(`DROP TABLE IF EXISTS ${quoteIdentifier(multikeyTable(collection, spec.name))}`);
  for (const event of MULTIKEY_EVENTS) sql.exec(`DROP TRIGGER IF EXISTS ${multikeyTrigger(collection, spec.name, event)}`);
}

export function indexDdl(collection: string, spec: IndexSpec): string {
  if (spec.multikey) return multikeyIndexDdl(collection, spec);
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
      if (index.multikey && (index.fields.length !== 1 || index.fields[0]!.path.includes('.') || index.unique || index.sparse)) {
        throw invalidParam(`schema: multikey index ${collection.name}.${index.name} must be one top-level field, neither unique nor sparse`);
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
      if (spec.multikey) {
        // Its table, triggers and index are made together: rebuilt whole when the index is missing or changed.
        dropMultikey(sql, collection, spec);
        for (const statement of multikeyDdl(collection, spec)) sql.exec(statement);
      } else {
        sql.exec(ddl);
      }
    } catch (error) {
      throw invalidParam(`cannot create index ${collection}.${spec.name}: ${(error as Error).message}`);
    }
  }
}

/** MongoDB's name for the `_id` index, as it appears in E11000 messages. */
export const ID_INDEX_NAME = '_id_';
