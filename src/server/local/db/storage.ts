/**
 * The SQLite side: one table per collection (`_id TEXT PRIMARY KEY, data TEXT`
 * holding the whole document as JSON, `_id` included), prepared statements
 * cached per collection, and transactions.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { invalidParam } from './errors';
import { quoteIdentifier } from './names';
import type { SqlFilter } from './sql-prefilter';

export interface SqlPage {
  skip: number;
  limit: number;
}

export class SqliteStorage {
  readonly sql: Database.Database;
  private readonly knownTables = new Set<string>();
  private readonly statements = new Map<string, Database.Statement>();
  private readonly inTransactionRun: Database.Transaction<(work: () => unknown) => unknown>;
  private readonly beginStatement: Database.Statement;
  private readonly commitStatement: Database.Statement;
  private readonly rollbackStatement: Database.Statement;
  private readonly tableByName: Database.Statement<[string], { name: string }>;
  private savepointStatement: Database.Statement | undefined;
  private releaseStatement: Database.Statement | undefined;
  private rollbackToStatement: Database.Statement | undefined;

  constructor(file: string | null) {
    if (file) mkdirSync(dirname(file), { recursive: true });
    this.sql = new Database(file ?? ':memory:');
    this.sql.pragma('journal_mode = WAL');
    this.sql.pragma('synchronous = NORMAL');
    this.sql.pragma('busy_timeout = 5000');
    this.inTransactionRun = this.sql.transaction((work: () => unknown) => work());
    this.beginStatement = this.sql.prepare('BEGIN IMMEDIATE');
    this.commitStatement = this.sql.prepare('COMMIT');
    this.rollbackStatement = this.sql.prepare('ROLLBACK');
    this.tableByName = this.sql.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ? COLLATE NOCASE");
  }

  /** Whether the collection's table exists (reads of a missing collection answer nothing). */
  hasTable(collection: string): boolean {
    if (this.knownTables.has(collection)) return true;
    const row = this.tableByName.get(collection);
    if (row?.name !== collection) return false;
    this.knownTables.add(collection);
    return true;
  }

  /** Creates the table on first write, as CloudBase creates an undeclared collection. */
  ensureTable(collection: string): void {
    if (this.hasTable(collection)) return;
    const clash = this.tableByName.get(collection);
    if (clash) throw invalidParam(`集合 ${collection} 与已有集合 ${clash.name} 仅大小写不同 (SQLite table names ignore case)`);
    this.sql.exec(`CREATE TABLE IF NOT EXISTS ${quoteIdentifier(collection)} (_id TEXT PRIMARY KEY NOT NULL, data TEXT NOT NULL)`);
    this.knownTables.add(collection);
  }

  getJson(collection: string, id: string): string | undefined {
    if (!this.hasTable(collection)) return undefined;
    return this.statement(collection, 'get', (t) => `SELECT data FROM ${t} WHERE _id = ?`, true).get(id) as string | undefined;
  }

  /** Throws SQLite's constraint error on a duplicate `_id` or unique key; the engine maps it. */
  insertJson(collection: string, id: string, json: string): void {
    this.ensureTable(collection);
    this.statement(collection, 'insert', (t) => `INSERT INTO ${t} (_id, data) VALUES (?, ?)`).run(id, json);
  }

  replaceJson(collection: string, id: string, json: string): void {
    this.statement(collection, 'replace', (t) => `UPDATE ${t} SET data = ? WHERE _id = ?`).run(json, id);
  }

  deleteById(collection: string, id: string): number {
    if (!this.hasTable(collection)) return 0;
    return this.statement(collection, 'delete', (t) => `DELETE FROM ${t} WHERE _id = ?`).run(id).changes;
  }

  /** Every document of a collection, counted by SQLite (an empty query's count). */
  countAll(collection: string): number {
    if (!this.hasTable(collection)) return 0;
    return (this.statement(collection, 'countAll', (t) => `SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n;
  }

  /** The documents an exact filter (sql-prefilter.ts) selects, counted by SQLite: from an index alone when one covers it. */
  countWhere(collection: string, filter: SqlFilter): number {
    if (!this.hasTable(collection)) return 0;
    const where = filter.where ? ` WHERE ${filter.where}` : '';
    return this.statement(collection, `count:${where}`, (t) => `SELECT COUNT(*) FROM ${t}${where}`, true).get(...filter.params) as number;
  }

  /**
   * Documents' JSON in natural (insertion) order, prefiltered by SQL. Lazy, so a caller can stop early.
   * `page` (skip and limit) only for an exact filter: SQLite then skips without reading the skipped documents.
   */
  *scan(collection: string, filter: SqlFilter, page?: SqlPage): IterableIterator<string> {
    yield* this.scanOrdered(collection, filter, 'rowid', page);
  }

  /**
   * The same, in the order of `orderBy` (core/db/sql-order: SQL expressions with their direction, then rowid):
   * with an index on those expressions SQLite walks it and a caller that stops early reads only a page.
   */
  *scanOrdered(collection: string, filter: SqlFilter, orderBy: string, page?: SqlPage): IterableIterator<string> {
    if (!this.hasTable(collection)) return;
    const where = filter.where ? ` WHERE ${filter.where}` : '';
    const limit = page ? ' LIMIT ? OFFSET ?' : '';
    const statement = this.statement(collection, `scan:${where}:order:${orderBy}${limit}`, (t) => `SELECT data FROM ${t}${where} ORDER BY ${orderBy}${limit}`, true);
    const params = page ? [...filter.params, page.limit, page.skip] : filter.params;
    yield* statement.iterate(...params) as IterableIterator<string>;
  }

  /** Runs `work` atomically: its own IMMEDIATE transaction, or a savepoint inside an open one. */
  atomic<T>(work: () => T): T {
    try {
      return this.inTransactionRun.immediate(work) as T;
    } catch (error) {
      this.forgetTables();
      throw error;
    }
  }

  begin(): void {
    this.beginStatement.run();
  }

  /** Whether a SQLite transaction is open on the connection (a batch of engine transactions, see database.ts). */
  get inTransaction(): boolean {
    return this.sql.inTransaction;
  }

  /** One engine transaction inside the open SQLite transaction: a savepoint, released or rolled back to. */
  savepoint(): void {
    (this.savepointStatement ??= this.sql.prepare('SAVEPOINT siyu_tx')).run();
  }

  releaseSavepoint(): void {
    (this.releaseStatement ??= this.sql.prepare('RELEASE siyu_tx')).run();
  }

  /** Undoes the engine transaction's writes only; the batch it sits in goes on. */
  rollbackToSavepoint(): void {
    if (this.sql.inTransaction) {
      (this.rollbackToStatement ??= this.sql.prepare('ROLLBACK TO siyu_tx')).run();
      this.releaseSavepoint();
    }
    this.forgetTables();
  }

  commit(): void {
    this.commitStatement.run();
  }

  rollback(): void {
    if (this.sql.inTransaction) this.rollbackStatement.run();
    this.forgetTables();
  }

  close(): void {
    if (this.sql.inTransaction) this.rollbackStatement.run();
    this.sql.close();
  }

  /** A rollback may undo a CREATE TABLE; forget what we knew and look again on next use. */
  private forgetTables(): void {
    this.knownTables.clear();
  }

  private statement(collection: string, kind: string, build: (table: string) => string, pluck = false): Database.Statement {
    const key = `${collection}\u0000${kind}`;
    let statement = this.statements.get(key);
    if (!statement) {
      statement = this.sql.prepare(build(quoteIdentifier(collection)));
      if (pluck) statement.pluck();
      this.statements.set(key, statement);
    }
    return statement;
  }
}
