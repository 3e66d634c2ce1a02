import { DbError, DbErrorCode } from '../../db';

/** INVALID_PARAM, the code CloudBase (and its SDK) use for a malformed request. */
export function invalidParam(message: string): DbError {
  return new DbError(DbErrorCode.InvalidParam, message);
}

/** CloudBase answers a query update/remove without conditions this way (HTTP API: "param.query can't be empty"). */
export function emptyQuery(): DbError {
  return invalidParam("param.query can't be empty");
}

export function requestFailed(message: string): DbError {
  return new DbError(DbErrorCode.RequestFailed, message);
}

export function transactionFailed(message: string): DbError {
  return new DbError(DbErrorCode.TransactionFail, message);
}

/** What CloudBase answers when a transaction's snapshot conflicts with a concurrent write (its SDK then re-runs the callback). */
export function transactionConflict(detail: string): DbError {
  return new DbError(DbErrorCode.TransactionConflict, `database transaction conflict (${detail})`);
}

/** Shaped like MongoDB's E11000, which is what CloudBase relays for a duplicate `_id` or unique key. */
export function duplicateKey(collection: string, index: string, key: Record<string, unknown>): DbError {
  const shown = Object.entries(key)
    .map(([path, value]) => `${path}: ${JSON.stringify(value)}`)
    .join(', ');
  return new DbError(
    DbErrorCode.DuplicateKey,
    `E11000 duplicate key error collection: ${collection} index: ${index} dup key: { ${shown} }`,
  );
}

/** An error thrown by mingo (unknown operator, conflicting update paths…) as the DbError CloudBase would answer. */
export function fromMingo(error: unknown): unknown {
  if (error instanceof DbError || !(error instanceof Error)) return error;
  return requestFailed(error.message);
}
