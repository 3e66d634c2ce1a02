/**
 * Document operations, synchronous and on one SQLite connection: each runs
 * to completion without yielding, which is what makes a single operation
 * atomic (read, match, write) in this in-process engine. mingo is the source
 * of truth for matching and updating; SQL only narrows the rows read.
 */
import type { SetResult } from '../../db';
import type { CollectionCatalog } from './catalog';
import { duplicateKey, fromMingo, invalidParam } from './errors';
import { applyModifier, compileQuery, type Matcher } from './mingo-adapter';
import { ID_INDEX_NAME, sqlIndexName } from './indexes';
import { newDocumentId } from './ids';
import { project, type NormalizedProjection } from './projection';
import type { MongoQuery } from './query-translate';
import { sortDocuments, type OrderKey } from './sort';
import { sqlOrderBy } from './sql-order';
import { buildPrefilter, type SqlFilter } from './sql-prefilter';
import type { SqliteStorage } from './storage';
import type { MongoModifier } from './update-translate';
import { readPath, type PlainObject } from './values';

export type StoredDocument = PlainObject & { _id: string };

export interface FindOptions {
  order: OrderKey[];
  skip: number;
  limit: number;
  projection?: NormalizedProjection;
}

/** Told of every document written or removed (in or out of a transaction, before it commits). */
export type DocumentWriteListener = (collection: string, id: string) => void;

export class DocumentEngine {
  private readonly writeListeners = new Set<DocumentWriteListener>();

  constructor(
    private readonly storage: SqliteStorage,
    private readonly catalog: CollectionCatalog,
  ) {}

  /** Per-instance caches (kit/instance-cache.ts) forget what a write changed; answers the unsubscribe. */
  onDocumentWrite(listener: DocumentWriteListener): () => void {
    this.writeListeners.add(listener);
    return () => this.writeListeners.delete(listener);
  }

  getById(collection: string, id: string, projection?: NormalizedProjection): StoredDocument | null {
    const json = this.storage.getJson(collection, id);
    if (json === undefined) return null;
    return project([JSON.parse(json) as StoredDocument], projection)[0];
  }

  /**
   * Sorting on `_id` and on indexed scalar paths is left to SQLite, in the order MongoDB's comparison gives
   * for what those paths hold (missing and null, then numbers, then strings; ties in natural order), so a
   * page reads only as far as it needs. Strings compare by UTF-8 bytes there and by UTF-16 units in
   * sortDocuments: they differ only between characters above U+FFFF and U+E000–U+FFFF (sql-order.ts).
   */
  find(collection: string, query: MongoQuery, options: FindOptions): StoredDocument[] {
    const orderBy = sqlOrderBy(collection, options.order, this.catalog);
    let page: StoredDocument[];
    const filter = buildPrefilter(collection, query, this.catalog);
    if (filter.exact && (options.order.length === 0 || orderBy)) {
      // SQL decides the matches exactly: SQLite walks the index, skips and stops at the limit itself.
      compile(query);
      const rows = this.storage.scanOrdered(collection, filter, orderBy ?? 'rowid', { skip: options.skip, limit: options.limit });
      page = [...rows].map((json) => JSON.parse(json) as StoredDocument);
    } else if (options.order.length === 0 || orderBy) {
      // Natural order, or SQLite's: read only as far as the page.
      page = [];
      let skipped = 0;
      for (const doc of this.matches(collection, query, orderBy, filter)) {
        if (skipped < options.skip) skipped += 1;
        else if (page.push(doc) >= options.limit) break;
      }
    } else {
      page = sortDocuments([...this.matches(collection, query, null, filter)], options.order).slice(options.skip, options.skip + options.limit);
    }
    return project(page, options.projection);
  }

  /** SQLite's COUNT(*) when the query is decided exactly in SQL (from a covering index, no document read); else the matches counted. */
  count(collection: string, query: MongoQuery): number {
    if (Object.keys(query).length === 0) return this.storage.countAll(collection);
    const filter = buildPrefilter(collection, query, this.catalog);
    if (filter.exact) {
      compile(query); // the same refusals of a malformed query as below
      return this.storage.countWhere(collection, filter);
    }
    let total = 0;
    for (const _ of this.matches(collection, query, null, filter)) total += 1;
    return total;
  }

  /** `add`: a given `_id` must be a non-empty string; otherwise one is generated. */
  insert(collection: string, data: PlainObject): string {
    const { _id: givenId, ...fields } = data;
    if (givenId !== undefined && (typeof givenId !== 'string' || givenId.length === 0)) {
      throw invalidParam('_id 必须是非空字符串');
    }
    const id = givenId ?? newDocumentId();
    this.write(collection, { _id: id, ...fields }, 'insert');
    return id;
  }

  /** `doc(id).set`: replaces the whole document, creating it when missing. */
  replace(collection: string, id: string, data: PlainObject): SetResult {
    const doc: StoredDocument = { _id: id, ...data };
    const current = this.storage.getJson(collection, id);
    if (current === undefined) {
      this.write(collection, doc, 'insert');
      return { updated: 0, upsertedId: id };
    }
    const unchanged = current === JSON.stringify(doc);
    if (!unchanged) this.write(collection, doc, 'replace');
    return { updated: unchanged ? 0 : 1 };
  }

  /** Answers 1 only when the document existed and its content changed (MongoDB's modified count). */
  updateById(collection: string, id: string, modifier: MongoModifier): number {
    const json = this.storage.getJson(collection, id);
    if (json === undefined) return 0;
    return this.applyUpdate(collection, JSON.parse(json) as StoredDocument, modifier) ? 1 : 0;
  }

  updateMatching(collection: string, query: MongoQuery, modifier: MongoModifier): number {
    let updated = 0;
    for (const doc of [...this.matches(collection, query)]) {
      if (this.applyUpdate(collection, doc, modifier)) updated += 1;
    }
    return updated;
  }

  /** Updates the first match (natural order) and answers it as it is afterwards. */
  updateOneAndReturn(collection: string, query: MongoQuery, modifier: MongoModifier): { updated: number; doc: StoredDocument | null } {
    const candidates = this.matches(collection, query);
    const first = candidates.next();
    candidates.return(undefined); // frees the SQLite cursor before writing
    if (first.done) return { updated: 0, doc: null };
    const doc = first.value;
    const updated = this.applyUpdate(collection, doc, modifier) ? 1 : 0;
    return { updated, doc };
  }

  removeById(collection: string, id: string): number {
    this.noteWritten(collection, id);
    return this.storage.deleteById(collection, id);
  }

  removeMatching(collection: string, query: MongoQuery): number {
    let deleted = 0;
    for (const doc of [...this.matches(collection, query)]) {
      this.noteWritten(collection, doc._id);
      deleted += this.storage.deleteById(collection, doc._id);
    }
    return deleted;
  }

  /** Matches in natural order, or in `orderBy` (sql-order.ts) when given. */
  private *matches(collection: string, query: MongoQuery, orderBy: string | null = null, prefilter?: SqlFilter): Generator<StoredDocument> {
    const matcher = compile(query);
    const filter = prefilter ?? buildPrefilter(collection, query, this.catalog);
    for (const json of orderBy ? this.storage.scanOrdered(collection, filter, orderBy) : this.storage.scan(collection, filter)) {
      const doc = JSON.parse(json) as StoredDocument;
      if (test(matcher, doc)) yield doc;
    }
  }

  /** Applies the modifier in place; writes and answers true only if something changed. */
  private applyUpdate(collection: string, doc: StoredDocument, modifier: MongoModifier): boolean {
    const id = doc._id;
    let changed: string[];
    try {
      changed = applyModifier(doc, modifier);
    } catch (error) {
      throw fromMingo(error);
    }
    if (changed.length === 0) return false;
    if (doc._id !== id) throw invalidParam('不能更新_id的值');
    this.write(collection, doc, 'replace');
    return true;
  }

  private noteWritten(collection: string, id: string): void {
    for (const listener of this.writeListeners) listener(collection, id);
  }

  private write(collection: string, doc: StoredDocument, mode: 'insert' | 'replace'): void {
    this.catalog.noteWrite(collection, doc);
    this.noteWritten(collection, doc._id);
    const json = JSON.stringify(doc);
    try {
      if (mode === 'insert') this.storage.insertJson(collection, doc._id, json);
      else this.storage.replaceJson(collection, doc._id, json);
    } catch (error) {
      throw this.constraintError(collection, doc, error);
    }
  }

  /** SQLite's constraint failures → CloudBase's duplicate-key DbError naming the index and key. */
  private constraintError(collection: string, doc: StoredDocument, error: unknown): unknown {
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return duplicateKey(collection, ID_INDEX_NAME, { _id: doc._id });
    if (code !== 'SQLITE_CONSTRAINT_UNIQUE') return error;
    const message = (error as Error).message;
    const index = this.catalog.indexes(collection).find((spec) => message.includes(`'${sqlIndexName(collection, spec.name)}'`));
    if (!index) return duplicateKey(collection, ID_INDEX_NAME, { _id: doc._id });
    const key = Object.fromEntries(index.fields.map((field) => [field.path, readPath(doc, field.path) ?? null]));
    return duplicateKey(collection, index.name, key);
  }
}

function compile(query: MongoQuery): Matcher {
  try {
    return compileQuery(query);
  } catch (error) {
    throw fromMingo(error);
  }
}

function test(matcher: Matcher, doc: StoredDocument): boolean {
  try {
    return matcher.test(doc);
  } catch (error) {
    throw fromMingo(error);
  }
}
