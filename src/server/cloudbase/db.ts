import type {
  Collection,
  Db,
  DbCommand,
  DocRef,
  DocumentData,
  GetResult,
  ManualTransaction,
  Queryable,
  SetResult,
  Transaction,
  TransactionCollection,
  TransactionDocRef,
  WithId,
} from '../db';
import { DbError, DbErrorCode } from '../db';
import { isObject, readCount, sdkCall, toDbError } from './sdk-results';
import type { SdkCollection, SdkDatabase, SdkDocRef, SdkQuery, SdkTransaction } from './sdk-shapes';

/**
 * Our `Db` over the SDK's database (`app.database()`): queries, commands and
 * server dates pass through to the SDK unchanged; results are reduced to our
 * shapes and failures become DbError.
 */
export function createCloudbaseDb(sdk: SdkDatabase): Db {
  return {
    command: sdk.command as DbCommand,
    serverDate: (options) => sdk.serverDate(options) as ReturnType<Db['serverDate']>,
    collection: <T = DocumentData>(name: string) => wrapCollection<T>(sdk.collection(name), name),
    runTransaction: (callback, times) => runTransaction(sdk, callback, times),
    startTransaction: async () => {
      let transaction: SdkTransaction;
      try {
        transaction = await sdk.startTransaction();
      } catch (error) {
        throw toDbError(error);
      }
      return wrapManualTransaction(transaction);
    },
  };
}

function wrapQuery<T>(query: SdkQuery): Queryable<T> {
  return {
    where: (condition) => wrapQuery<T>(query.where(condition)),
    orderBy: (fieldPath, direction) => wrapQuery<T>(query.orderBy(fieldPath, direction)),
    skip: (offset) => wrapQuery<T>(query.skip(offset)),
    limit: (max) => wrapQuery<T>(query.limit(max)),
    field: (projection) => wrapQuery<T>(query.field(projection)),
    get: async () => readDocs<T>(await sdkCall(() => query.get())),
    count: async () => ({ total: readCount(await sdkCall(() => query.count()), 'total') }),
    update: async (update) => ({ updated: readCount(await sdkCall(() => query.update(update)), 'updated') }),
    remove: async () => ({ deleted: readCount(await sdkCall(() => query.remove()), 'deleted') }),
    updateAndReturn: async (update) => {
      const result = await sdkCall(() => query.updateAndReturn(update));
      return { updated: readCount(result, 'updated'), doc: isObject(result.doc) ? (result.doc as WithId<T>) : null };
    },
  };
}

function wrapCollection<T>(collection: SdkCollection, name: string): Collection<T> {
  return {
    ...wrapQuery<T>(collection),
    name,
    doc: (id) => wrapDoc<T>(collection.doc(id)),
    add: async (data) => ({ id: readId(await sdkCall(() => collection.add(data as object))) }),
  };
}

function wrapDoc<T>(doc: SdkDocRef): DocRef<T> {
  return {
    id: String(doc.id),
    get: async () => readDocs<T>(await sdkCall(() => doc.get())),
    set: async (data) => readSet(await sdkCall(() => doc.set(data as object))),
    update: async (update) => ({ updated: readCount(await sdkCall(() => doc.update(update)), 'updated') }),
    remove: async () => ({ deleted: readCount(await sdkCall(() => doc.remove()), 'deleted') }),
    field: (projection) => wrapDoc<T>(doc.field(projection)),
  };
}

/* ---- transactions ---- */

function wrapTransaction(transaction: SdkTransaction): Transaction {
  return {
    collection: <T = DocumentData>(name: string): TransactionCollection<T> => {
      const collection = transaction.collection(name);
      return {
        doc: (id) => wrapTransactionDoc<T>(collection.doc(id)),
        add: async (data) => ({ id: readId(await sdkCall(() => collection.add(data as object))) }),
      };
    },
    rollback: async (reason) => {
      await sdkCall(() => transaction.rollback(reason));
    },
  };
}

function wrapManualTransaction(transaction: SdkTransaction): ManualTransaction {
  return {
    ...wrapTransaction(transaction),
    commit: async () => {
      await sdkCall(() => transaction.commit());
    },
  };
}

function wrapTransactionDoc<T>(doc: SdkDocRef): TransactionDocRef<T> {
  const remove = async () => ({ deleted: readCount(await sdkCall(() => doc.remove()), 'deleted') });
  return {
    id: String(doc.id),
    get: async () => {
      // Inside a transaction the SDK answers the document itself, or null.
      const { data } = await sdkCall(() => doc.get());
      return { data: isObject(data) ? (data as WithId<T>) : null };
    },
    set: async (data) => readSet(await sdkCall(() => doc.set(data as object))),
    update: async (update) => ({ updated: readCount(await sdkCall(() => doc.update(update)), 'updated') }),
    remove,
    delete: remove,
  };
}

/**
 * The SDK re-runs the callback on DATABASE_TRANSACTION_CONFLICT (our DbError
 * keeps that code, so retries still happen). What the callback throws, or the
 * reason given to `rollback`, reaches the caller unchanged; the SDK's own
 * failures (start, commit) become DbError.
 */
async function runTransaction<R>(sdk: SdkDatabase, callback: (tx: Transaction) => Promise<R>, times?: number): Promise<R> {
  const fromCallback = new Set<unknown>();
  try {
    const result = await sdk.runTransaction(async (transaction) => {
      const wrapped = wrapTransaction(transaction);
      const rollback = wrapped.rollback;
      wrapped.rollback = async (reason) => {
        fromCallback.add(reason);
        await rollback(reason);
      };
      try {
        return await callback(wrapped);
      } catch (error) {
        fromCallback.add(error);
        throw error;
      }
    }, times);
    return result as R;
  } catch (error) {
    if (fromCallback.has(error)) throw error;
    throw toDbError(error);
  }
}

/* ---- result readers ---- */

function readDocs<T>(result: Record<string, unknown>): GetResult<T> {
  if (!Array.isArray(result.data)) throw new DbError(DbErrorCode.RequestFailed, 'database response has no "data" list');
  return { data: result.data as Array<WithId<T>> };
}

function readId(result: Record<string, unknown>): string {
  if (typeof result.id === 'string' || typeof result.id === 'number') return String(result.id);
  throw new DbError(DbErrorCode.RequestFailed, 'database response has no "id"');
}

/** Outside a transaction the SDK answers `upsertedId`; inside one `upserted: [{ _id }]`. */
function readSet(result: Record<string, unknown>): SetResult {
  const updated = readCount(result, 'updated');
  const inTransaction = Array.isArray(result.upserted) && isObject(result.upserted[0]) ? result.upserted[0]._id : undefined;
  const upsertedId = result.upsertedId ?? inTransaction;
  return typeof upsertedId === 'string' && upsertedId !== '' ? { updated, upsertedId } : { updated };
}
