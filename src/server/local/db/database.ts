import { AsyncLocalStorage } from 'node:async_hooks';
import { DbError, DbErrorCode, type Collection, type DbCommand, type DocumentData, type ManualTransaction, type ServerDate, type Transaction } from '../../db';
import { CollectionCatalog } from './catalog';
import { LocalCollection } from './collection';
import { command, serverDate } from './commands';
import { DocumentEngine } from './engine';
import { requestFailed, transactionConflict, transactionFailed } from './errors';
import type { Executor } from './executor';
import { AsyncLock } from './lock';
import { assertCollectionName } from './names';
import type { SqliteStorage } from './storage';
import { LocalTransaction } from './transaction';
import { ConflictInjector, type TransactionFaults } from './tx-faults';
import type { Clock } from './values';

export interface LocalDatabaseOptions {
  file: string | null;
  now: Clock;
  transactionTimeoutMs: number;
  transactionFaults: TransactionFaults;
}

/** A batch of engine transactions reaches the file (one SQLite COMMIT) after at most this many… */
export const BATCH_MAX_TRANSACTIONS = 64;
/** …or this long after it began, or as soon as nobody waits for the lock. */
export const BATCH_MAX_MS = 20;

/**
 * The `Db` on SQLite. One lock orders everything: a single operation holds it
 * for one synchronous engine step; a transaction holds it until it ends.
 *
 * Group commit: each engine transaction is a SAVEPOINT inside one SQLite
 * transaction (BEGIN IMMEDIATE), released when it commits and rolled back to
 * when it fails, so it is all-or-nothing and every later operation sees it.
 * The SQLite COMMIT, which costs more than the rest of a small transaction
 * (the WAL write), is shared: the transactions of one turn of the event loop
 * (and those waiting for the lock) join one batch, committed when the turn
 * ends (setImmediate), or at once when it holds BATCH_MAX_TRANSACTIONS or is
 * BATCH_MAX_MS old, and by close(). Other connections to the file see a
 * batch when it commits. A transaction's or a write's promise settles only
 * once its batch is on the file (rejecting if that COMMIT fails), so nothing
 * acknowledged (a payment notification's errcode 0) is lost by a crash; a
 * crash loses at most the unacknowledged last batch, whole.
 */
export class LocalDatabase {
  readonly command: DbCommand = command;
  readonly file: string | null;
  private readonly lock = new AsyncLock();
  private readonly engine: DocumentEngine;
  /** The transaction whose callback is running, to tell apart calls made from inside it. */
  private readonly currentTransaction = new AsyncLocalStorage<LocalTransaction>();
  private readonly direct: Executor;
  private closed = false;
  private openTransaction: LocalTransaction | null = null;
  private readonly conflicts: ConflictInjector;
  /** Engine transactions committed into the open SQLite transaction, and when it began. */
  private batched = 0;
  private batchStartedAt = 0;
  private flushScheduled = false;
  /** The callers whose writes are in the open batch, told when it reaches the file (or fails to). */
  private batchWaiters: Array<{ resolve: () => void; reject: (error: unknown) => void }> = [];

  constructor(
    private readonly storage: SqliteStorage,
    catalog: CollectionCatalog,
    private readonly options: LocalDatabaseOptions,
  ) {
    this.file = options.file;
    this.engine = new DocumentEngine(storage, catalog);
    this.conflicts = new ConflictInjector(options.transactionFaults);
    this.direct = {
      now: options.now,
      read: (work) => this.runDirect(work, 'read'),
      write: (work) => this.runDirect(work, 'write'),
    };
  }

  /** Resolved to epoch ms when written (see commands.ts: this project stores time as ms). */
  serverDate(options?: { offset?: number }): ServerDate {
    return serverDate(options);
  }

  /** See Db.onDocumentWrite: every document this database writes or removes, told before it commits. */
  onDocumentWrite(listener: (collection: string, id: string) => void): () => void {
    return this.engine.onDocumentWrite(listener);
  }

  collection<T = DocumentData>(name: string): Collection<T> {
    assertCollectionName(name);
    return new LocalCollection<T>(this.direct, name);
  }

  /**
   * Runs `callback` in a serialised transaction and commits. A throw rolls
   * back and rejects with that error; `tx.rollback(reason)` rolls back and
   * rejects with `reason`; running past the timeout rolls back and rejects with
   * DATABASE_TRANSACTION_FAIL. Nothing conflicts here, but the fault modes
   * (tx-faults.ts) make an attempt conflict instead of committing: it is rolled
   * back and the callback re-run, as CloudBase's SDK does, up to `times` more
   * times; then it rejects with DATABASE_TRANSACTION_CONFLICT.
   */
  async runTransaction<R>(callback: (tx: Transaction) => Promise<R>, times = 3): Promise<R> {
    const runs = Math.max(0, times) + 1;
    for (let run = 1; ; run += 1) {
      const tx = await this.begin();
      let result: R;
      try {
        result = await this.runCallback(tx, callback);
      } catch (error) {
        // The SDK re-runs on a conflict the callback throws, too.
        if (run < runs && error instanceof DbError && error.code === DbErrorCode.TransactionConflict) continue;
        throw error;
      }
      if (!this.conflicts.callbackConflicts(run)) {
        await tx.commitNow();
        return result;
      }
      tx.abort();
      if (run >= runs) throw transactionConflict(`injected by the local engine; still conflicting after ${runs} runs of the callback`);
    }
  }

  /** A transaction ended by the caller with `commit()` or `rollback()`; other operations wait until then. */
  startTransaction(): Promise<ManualTransaction> {
    return this.begin();
  }

  /**
   * The fault modes of this database (see tx-faults.ts); tests set them per
   * database, the environment sets them for every database opened.
   */
  setTransactionFaults(faults: Partial<TransactionFaults>): void {
    this.conflicts.configure(faults);
  }

  get transactionFaults(): TransactionFaults {
    return this.conflicts.current;
  }

  /** One run of the callback; leaves the transaction open for the caller to commit or abort. */
  private async runCallback<R>(tx: LocalTransaction, callback: (tx: Transaction) => Promise<R>): Promise<R> {
    let result: R;
    try {
      const run = this.currentTransaction.run(tx, () => Promise.resolve().then(() => callback(tx)));
      result = await Promise.race([run, tx.aborted]);
    } catch (error) {
      tx.abort();
      if (tx.rolledBackWith) throw tx.rolledBackWith.reason;
      throw error;
    }
    if (tx.rolledBackWith) throw tx.rolledBackWith.reason;
    return result;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.openTransaction?.abort();
    if (this.storage.inTransaction) this.commitBatch();
    this.storage.close();
  }

  private async begin(): Promise<LocalTransaction> {
    if (this.currentTransaction.getStore()?.isActive) {
      throw transactionFailed('不能在事务中开启另一个事务 (nested transactions are not supported)');
    }
    await this.lock.acquire();
    try {
      this.assertOpen();
      if (!this.storage.inTransaction) {
        this.storage.begin();
        this.batched = 0;
        this.batchStartedAt = performance.now();
      }
      this.storage.savepoint();
    } catch (error) {
      this.releaseLock();
      throw error;
    }
    const tx = new LocalTransaction(
      {
        storage: this.storage,
        engine: this.engine,
        now: this.options.now,
        commitConflicts: () => this.conflicts.commitConflicts(),
        commitWork: () => {
          this.storage.releaseSavepoint();
          this.batched += 1;
          return this.joinBatch();
        },
        rollbackWork: () => this.storage.rollbackToSavepoint(),
        release: () => {
          if (this.openTransaction === tx) this.openTransaction = null;
          this.releaseLock();
        },
      },
      this.options.transactionTimeoutMs,
    );
    this.openTransaction = tx;
    return tx;
  }

  /**
   * A non-transaction call. From inside a running transaction callback,
   * waiting for the lock would deadlock: reads then run at once (and see the
   * transaction's own uncommitted writes), writes are refused because on
   * CloudBase they would not be part of the transaction either.
   */
  private async runDirect<T>(work: (engine: DocumentEngine) => T, kind: 'read' | 'write'): Promise<T> {
    const inside = this.currentTransaction.getStore();
    if (inside?.isActive) {
      await null;
      if (kind === 'write') {
        throw transactionFailed('事务回调中请用 transaction.collection() 写入：db.collection() 的写入不属于该事务 (write through the transaction object)');
      }
      this.assertOpen();
      return work(this.engine);
    }
    await this.lock.acquire();
    let result: T;
    let durable: Promise<void> | null = null;
    try {
      this.assertOpen();
      if (kind === 'write') {
        result = this.storage.atomic(() => work(this.engine));
        if (this.storage.inTransaction) durable = this.joinBatch();
      } else {
        result = work(this.engine);
      }
    } finally {
      this.releaseLock();
    }
    if (durable) await durable;
    return result;
  }

  /** A promise that settles when the open batch reaches the file. */
  private joinBatch(): Promise<void> {
    return new Promise<void>((resolve, reject) => this.batchWaiters.push({ resolve, reject }));
  }

  /** Gives the lock on; commits the open batch first when it is full or old, else leaves it to the end of the turn. */
  private releaseLock(): void {
    try {
      if (!this.storage.inTransaction || this.closed) return;
      const full = this.batched >= BATCH_MAX_TRANSACTIONS || performance.now() - this.batchStartedAt >= BATCH_MAX_MS;
      if (full) {
        try {
          this.commitBatch();
        } catch {
          // The batch's callers were told (their promises reject); the next transaction starts a new batch.
        }
      } else this.scheduleFlush();
    } finally {
      this.lock.release();
    }
  }

  /** At the end of this turn of the event loop: commits the batch if nobody holds the lock (else its holder will, on release). */
  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      if (this.closed || !this.storage.inTransaction) return;
      if (!this.lock.tryAcquire()) return;
      try {
        this.commitBatch();
      } catch {
        // Nobody to tell: the batch was rolled back whole (commitBatch); the next transaction starts a new one.
      } finally {
        this.lock.release();
      }
    });
  }

  /** The SQLite COMMIT of the open batch; must hold the lock with no engine transaction open. */
  private commitBatch(): void {
    const waiters = this.batchWaiters;
    this.batchWaiters = [];
    try {
      this.storage.commit();
    } catch (error) {
      this.storage.rollback();
      const failure = transactionFailed(`commit of a batch of ${this.batched} transactions failed: ${(error as Error).message}`);
      for (const waiter of waiters) waiter.reject(failure);
      throw failure;
    }
    for (const waiter of waiters) waiter.resolve();
  }

  private assertOpen(): void {
    if (this.closed) throw requestFailed('database is closed');
  }
}
