/**
 * Transactions. The engine serialises them: a transaction holds the database
 * lock from start to commit/rollback, with a real SQLite transaction open
 * (BEGIN IMMEDIATE), so it sees a stable snapshot plus its own writes and
 * commits all or nothing. Operations outside it queue behind the lock, so
 * nothing interleaves into it and CloudBase's DATABASE_TRANSACTION_CONFLICT
 * never arises from real contention here; the fault modes (tx-faults.ts)
 * inject it instead, so that re-runs and conflict handling are exercised.
 * Only single-document operations are allowed, as on CloudBase.
 */
import type {
  AddResult,
  DbError,
  ManualTransaction,
  RemoveResult,
  TransactionCollection,
  TransactionDocRef,
  WithId,
} from '../../db';
import type { DocumentEngine } from './engine';
import { invalidParam, transactionConflict, transactionFailed } from './errors';
import type { Executor } from './executor';
import { LocalDocWrites } from './document';
import { assertCollectionName, assertDocId } from './names';
import type { SqliteStorage } from './storage';
import type { Clock } from './values';
import { prepareAddData } from './write-data';

/** CloudBase aborts a transaction that has not finished within 30 s. */
export const TRANSACTION_TIMEOUT_MS = 30_000;

export interface TransactionHost {
  readonly storage: SqliteStorage;
  readonly engine: DocumentEngine;
  readonly now: Clock;
  /**
   * Makes the transaction's writes part of the database (see database.ts: they reach the file with a
   * batch); answers a promise that settles when they are on the file, which the commit awaits.
   */
  commitWork(): Promise<void>;
  /** Undoes the transaction's writes. */
  rollbackWork(): void;
  /** Whether a manual `commit()` is to fail with an injected conflict (conflict-rate mode). */
  commitConflicts(): boolean;
  /** Gives the database lock back; called exactly once when the transaction ends. */
  release(): void;
}

type TransactionState = 'active' | 'committed' | 'rolledBack' | 'failed';

export class LocalTransaction implements ManualTransaction {
  private state: TransactionState = 'active';
  private endError: DbError | null = null;
  private readonly timer: NodeJS.Timeout;
  private rejectAborted!: (error: DbError) => void;
  /** Rejects when the engine aborts the transaction (timeout); never resolves. */
  readonly aborted: Promise<never>;
  /** Set by `rollback(reason)`: `runTransaction` then rejects with `reason`. */
  rolledBackWith: { reason: unknown } | null = null;
  private readonly executor: Executor;

  constructor(
    private readonly host: TransactionHost,
    timeoutMs: number,
  ) {
    this.aborted = new Promise<never>((_, reject) => {
      this.rejectAborted = reject;
    });
    this.aborted.catch(() => undefined);
    this.timer = setTimeout(() => this.expire(timeoutMs), timeoutMs);
    this.timer.unref();
    const run = <T>(work: (engine: DocumentEngine) => T) => this.run(work);
    this.executor = { now: host.now, read: run, write: run };
  }

  get isActive(): boolean {
    return this.state === 'active';
  }

  collection<T>(name: string): TransactionCollection<T> {
    assertCollectionName(name);
    return new LocalTransactionCollection<T>(this.executor, name);
  }

  async rollback(reason?: unknown): Promise<void> {
    await null;
    this.assertActive();
    this.rolledBackWith = { reason };
    this.end('rolledBack');
  }

  /** A manual commit; in conflict-rate mode it may fail with DATABASE_TRANSACTION_CONFLICT, rolled back, as on CloudBase. */
  async commit(): Promise<void> {
    await null;
    this.assertActive();
    if (this.host.commitConflicts()) {
      this.endError = transactionConflict('injected by the local engine at commit; the transaction was rolled back');
      this.end('failed');
      throw this.endError;
    }
    await this.commitNow();
  }

  /**
   * Commits at once (other operations see the writes as soon as the lock is given on) and answers when the
   * batch holding them is on the file: a caller never acknowledges anything a crash could still lose.
   */
  commitNow(): Promise<void> {
    this.assertActive();
    let durable: Promise<void>;
    try {
      durable = this.host.commitWork();
    } catch (error) {
      this.end('failed');
      throw transactionFailed(`commit failed: ${(error as Error).message}`);
    }
    this.end('committed');
    return durable;
  }

  /** Rolls back if still open (a throwing callback). */
  abort(): void {
    if (this.isActive) this.end('failed');
  }

  /** No savepoint: transaction operations touch one document, and one SQLite statement is atomic on its own. */
  private async run<T>(work: (engine: DocumentEngine) => T): Promise<T> {
    await null;
    this.assertActive();
    return work(this.host.engine);
  }

  private assertActive(): void {
    if (this.state === 'active') return;
    throw this.endError ?? transactionFailed(`transaction is ${this.state === 'committed' ? 'committed' : 'rolled back'}; start a new one`);
  }

  private expire(timeoutMs: number): void {
    if (!this.isActive) return;
    this.endError = transactionFailed(`transaction timed out after ${timeoutMs} ms and was rolled back (CloudBase's limit is 30 s)`);
    this.end('failed');
    this.rejectAborted(this.endError);
  }

  private end(state: Exclude<TransactionState, 'active'>): void {
    clearTimeout(this.timer);
    this.state = state;
    try {
      if (state !== 'committed') this.host.rollbackWork();
    } finally {
      this.host.release();
    }
  }
}

/** CloudBase allows only `doc()` and `add()` on a transaction's collection. */
function singleDocumentOnly(method: string): DbError {
  return invalidParam(`事务中只能进行单记录操作，不能使用 ${method}()：请用 doc(id).get/set/update/remove 或 add (transactions allow single-document operations only)`);
}

class LocalTransactionCollection<T> implements TransactionCollection<T> {
  constructor(
    private readonly executor: Executor,
    readonly name: string,
  ) {}

  doc(id: string): TransactionDocRef<T> {
    assertDocId(id);
    return new LocalTransactionDocRef<T>(this.executor, this.name, id);
  }

  async add(data: T & { _id?: string }): Promise<AddResult> {
    const prepared = prepareAddData(data, this.executor.now);
    return this.executor.write((engine) => ({ id: engine.insert(this.name, prepared) }));
  }

  where(): never {
    throw singleDocumentOnly('where');
  }
  get(): never {
    throw singleDocumentOnly('get');
  }
  count(): never {
    throw singleDocumentOnly('count');
  }
  orderBy(): never {
    throw singleDocumentOnly('orderBy');
  }
  skip(): never {
    throw singleDocumentOnly('skip');
  }
  limit(): never {
    throw singleDocumentOnly('limit');
  }
  field(): never {
    throw singleDocumentOnly('field');
  }
  update(): never {
    throw singleDocumentOnly('update');
  }
  remove(): never {
    throw singleDocumentOnly('remove');
  }
  updateAndReturn(): never {
    throw singleDocumentOnly('updateAndReturn');
  }
  aggregate(): never {
    throw singleDocumentOnly('aggregate');
  }
}

class LocalTransactionDocRef<T> extends LocalDocWrites<T> implements TransactionDocRef<T> {
  /** Inside a transaction the SDK answers the document itself, or null. */
  get(): Promise<{ data: WithId<T> | null }> {
    return this.executor.read((engine) => ({ data: engine.getById(this.collection, this.id) as WithId<T> | null }));
  }

  delete(): Promise<RemoveResult> {
    return this.remove();
  }
}
