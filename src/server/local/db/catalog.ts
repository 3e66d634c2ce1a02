/**
 * What the engine knows about each collection: its declared indexes, and
 * which indexed paths may be pushed down to SQL. A path stops being pushable
 * once any document holds an array on it: MongoDB matches `{tags: 'x'}` against
 * `tags: ['x']`, which an SQL comparison on json_extract would miss. Those
 * "multikey" paths are remembered in the file so a reopen keeps them.
 */
import type Database from 'better-sqlite3';
import type { CollectionSchema, IndexSpec } from '../../schema';
import type { PlainObject } from './values';

const MULTIKEY_TABLE = '_siyu_multikey';

export class CollectionCatalog {
  private readonly indexesByCollection = new Map<string, IndexSpec[]>();
  private readonly indexedPaths = new Map<string, string[]>();
  /** Per collection, path → its multikey index (schema `multikey`): queried through the key table. */
  private readonly multikeyIndexes = new Map<string, Map<string, IndexSpec>>();
  private readonly multikey = new Set<string>();
  private readonly markMultikey: Database.Statement<[string, string]>;

  constructor(sql: Database.Database, schema: CollectionSchema[]) {
    for (const collection of schema) {
      this.indexesByCollection.set(collection.name, collection.indexes);
      const scalar = collection.indexes.filter((index) => !index.multikey);
      const paths = new Set(scalar.flatMap((index) => index.fields.map((field) => field.path)));
      this.indexedPaths.set(collection.name, [...paths]);
      this.multikeyIndexes.set(collection.name, new Map(collection.indexes.filter((index) => index.multikey).map((index) => [index.fields[0]!.path, index])));
    }
    sql.exec(`CREATE TABLE IF NOT EXISTS ${MULTIKEY_TABLE} (collection TEXT NOT NULL, path TEXT NOT NULL, PRIMARY KEY (collection, path))`);
    for (const row of sql.prepare<[], { collection: string; path: string }>(`SELECT collection, path FROM ${MULTIKEY_TABLE}`).all()) {
      this.multikey.add(multikeyKey(row.collection, row.path));
    }
    this.markMultikey = sql.prepare(`INSERT OR IGNORE INTO ${MULTIKEY_TABLE} (collection, path) VALUES (?, ?)`);
  }

  indexes(collection: string): IndexSpec[] {
    return this.indexesByCollection.get(collection) ?? [];
  }

  /** The multikey index declared on a path, if any (sql-prefilter.ts queries its key table). */
  multikeyIndex(collection: string, path: string): IndexSpec | undefined {
    return this.multikeyIndexes.get(collection)?.get(path);
  }

  /** `_id` always; a path of a (scalar) index while no document has put an array on it. */
  isPushable(collection: string, path: string): boolean {
    if (path === '_id') return true;
    const paths = this.indexedPaths.get(collection);
    return paths !== undefined && paths.includes(path) && !this.multikey.has(multikeyKey(collection, path));
  }

  /** Called with every document about to be written, before it becomes visible. */
  noteWrite(collection: string, doc: PlainObject): void {
    const paths = this.indexedPaths.get(collection);
    if (!paths) return;
    for (const path of paths) {
      const key = multikeyKey(collection, path);
      if (this.multikey.has(key) || !meetsArray(doc, path)) continue;
      this.markMultikey.run(collection, path);
      this.multikey.add(key);
    }
  }
}

function multikeyKey(collection: string, path: string): string {
  return `${collection}\u0000${path}`;
}

function meetsArray(doc: unknown, path: string): boolean {
  let current = doc;
  for (const segment of path.split('.')) {
    if (Array.isArray(current)) return true;
    if (current === null || typeof current !== 'object') return false;
    current = (current as PlainObject)[segment];
  }
  return Array.isArray(current);
}
