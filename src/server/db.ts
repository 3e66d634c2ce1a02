/**
 * Our typed view of the CloudBase document database API.
 *
 * `@cloudbase/node-sdk` types its database methods as `Promise<any>`; this
 * interface states what they return (from the SDK's declarations and
 * CloudBase's documented results). Services see only this interface: the
 * local engine (src/server/local/db) and the production wrapper
 * (src/server/cloudbase/db.ts) both implement it.
 *
 * Result shapes follow the SDK exactly, including its asymmetries:
 * outside a transaction `doc(id).get()` answers `{ data: [doc] }` (an array),
 * inside one `{ data: doc | null }`.
 */

/** A stored document: every document has a string `_id`. */
export type WithId<T> = T & { _id: string };

/** Plain document data as written by services. */
export type DocumentData = Record<string, unknown>;

/** Opaque values made by `db.command` and `db.serverDate()`. Only their brand is typed. */
export interface QueryCommand {
  readonly __queryCommand?: true;
  and(...conditions: Array<QueryCommand | unknown>): QueryCommand;
  or(...conditions: Array<QueryCommand | unknown>): QueryCommand;
}
export interface LogicCommand {
  readonly __logicCommand?: true;
}
export interface UpdateCommand {
  readonly __updateCommand?: true;
}
export interface ServerDate {
  readonly __serverDate?: true;
}

/**
 * A query: field paths (`'a.b'` allowed) to literal values, query commands,
 * or nested objects (which CloudBase matches field by field, as dot paths).
 */
export type Query = { [path: string]: unknown } | LogicCommand;

/**
 * An update: field paths to values, update commands or nested objects. A
 * nested object updates only the fields it names (use `_.set(obj)` to
 * replace a whole sub-object), as on CloudBase.
 */
export type Update = { [path: string]: unknown };

export interface DbCommand {
  eq(value: unknown): QueryCommand;
  neq(value: unknown): QueryCommand;
  gt(value: unknown): QueryCommand;
  gte(value: unknown): QueryCommand;
  lt(value: unknown): QueryCommand;
  lte(value: unknown): QueryCommand;
  in(values: unknown[]): QueryCommand;
  nin(values: unknown[]): QueryCommand;
  exists(present: boolean): QueryCommand;
  /** `_.and(q1, q2)` or `_.and([q1, q2])`: whole queries or field conditions. */
  and(...conditions: Array<Query | QueryCommand | Array<Query | QueryCommand>>): LogicCommand & QueryCommand;
  or(...conditions: Array<Query | QueryCommand | Array<Query | QueryCommand>>): LogicCommand & QueryCommand;

  inc(amount: number): UpdateCommand;
  mul(factor: number): UpdateCommand;
  min(value: number): UpdateCommand;
  max(value: number): UpdateCommand;
  set(value: unknown): UpdateCommand;
  remove(): UpdateCommand;
  /** `_.push(v)`, `_.push([v1, v2])` or `_.push({ each: [...], position?, slice?, sort? })`. */
  push(value: unknown): UpdateCommand;
  /** `_.pull(value)` or `_.pull(queryCommand)`. */
  pull(value: unknown): UpdateCommand;
  /** `_.addToSet(v)` or `_.addToSet({ each: [...] })`. */
  addToSet(value: unknown): UpdateCommand;
}

export interface GetResult<T> {
  data: Array<WithId<T>>;
}
export interface CountResult {
  total: number;
}
export interface AddResult {
  id: string;
}
export interface UpdateResult {
  updated: number;
}
export interface SetResult {
  updated: number;
  /** Set when `set` created the document. */
  upsertedId?: string;
}
export interface RemoveResult {
  deleted: number;
}
export interface UpdateAndReturnResult<T> {
  updated: number;
  doc: WithId<T> | null;
}

export type OrderDirection = 'asc' | 'desc';
export type Projection = Record<string, boolean | 0 | 1>;

export interface Queryable<T> {
  where(query: Query): Queryable<T>;
  orderBy(fieldPath: string, direction: OrderDirection): Queryable<T>;
  /** Skip this many matches. */
  skip(offset: number): Queryable<T>;
  /** Page size: CloudBase answers 100 by default and at most 1000. */
  limit(max: number): Queryable<T>;
  field(projection: Projection): Queryable<T>;
  get(): Promise<GetResult<T>>;
  count(): Promise<CountResult>;
  /** Updates every match (not bounded by limit); answers how many changed. */
  update(update: Update): Promise<UpdateResult>;
  /** Removes every match; answers how many. */
  remove(): Promise<RemoveResult>;
  /** Updates the single document the query matches and answers it as it is after the update. */
  updateAndReturn(update: Update): Promise<UpdateAndReturnResult<T>>;
}

export interface DocRef<T> {
  readonly id: string;
  get(): Promise<GetResult<T>>;
  /** Replaces the whole document, creating it when missing. */
  set(data: T): Promise<SetResult>;
  update(update: Update): Promise<UpdateResult>;
  remove(): Promise<RemoveResult>;
  field(projection: Projection): DocRef<T>;
}

export interface Collection<T = DocumentData> extends Queryable<T> {
  readonly name: string;
  doc(id: string): DocRef<T>;
  /** Inserts one document; a given `_id` that exists already fails (DUPLICATE_KEY-like error). */
  add(data: T & { _id?: string }): Promise<AddResult>;
}

/* ---- transactions: single-document operations only ---- */

export interface TransactionDocRef<T> {
  readonly id: string;
  get(): Promise<{ data: WithId<T> | null }>;
  set(data: T): Promise<SetResult>;
  update(update: Update): Promise<UpdateResult>;
  remove(): Promise<RemoveResult>;
  delete(): Promise<RemoveResult>;
}

export interface TransactionCollection<T = DocumentData> {
  doc(id: string): TransactionDocRef<T>;
  add(data: T & { _id?: string }): Promise<AddResult>;
}

export interface Transaction {
  collection<T = DocumentData>(name: string): TransactionCollection<T>;
  /** Ends the transaction; `runTransaction` then rejects with `reason`. */
  rollback(reason?: unknown): Promise<void>;
}

export interface ManualTransaction extends Transaction {
  commit(): Promise<void>;
}

export interface Db {
  readonly command: DbCommand;
  serverDate(options?: { offset?: number }): ServerDate;
  collection<T = DocumentData>(name: string): Collection<T>;
  /**
   * Runs `callback` in a transaction and commits it. The callback may be run
   * more than once (CloudBase retries on conflict, `times` defaults to 3),
   * so it must not have side effects outside the transaction. A throw or a
   * `rollback(reason)` undoes everything and rejects.
   */
  runTransaction<R>(callback: (tx: Transaction) => Promise<R>, times?: number): Promise<R>;
  startTransaction(): Promise<ManualTransaction>;
  /**
   * The local engine only (CloudBase has no such feed): calls `listener` with
   * every document written or removed through this database, in or out of a
   * transaction, before it commits; answers the unsubscribe. The function
   * kit's per-instance caches (kit/instance-cache.ts) use it so that a change
   * made in the same process is seen at once; on CloudBase they rely on the
   * services that make the change and on their short TTL.
   */
  onDocumentWrite?(listener: (collection: string, id: string) => void): () => void;
}

/** Error codes the engines raise, shaped like CloudBase's (`code` + `message`). */
export const DbErrorCode = {
  DuplicateKey: 'DATABASE_DUPLICATE_WRITE',
  InvalidParam: 'INVALID_PARAM',
  TransactionConflict: 'DATABASE_TRANSACTION_CONFLICT',
  TransactionFail: 'DATABASE_TRANSACTION_FAIL',
  RequestFailed: 'DATABASE_REQUEST_FAILED',
} as const;
export type DbErrorCode = (typeof DbErrorCode)[keyof typeof DbErrorCode];

export class DbError extends Error {
  constructor(
    readonly code: DbErrorCode | string,
    message: string,
  ) {
    super(message);
    this.name = 'DbError';
  }
}
