import { DbError, DbErrorCode } from '../db';

/**
 * The SDK reports a failed request either by throwing (an Error or a bare
 * `{ code, message }` object) or, with `throwOnCode: false`, by answering
 * `{ code, message }`. Both become our DbError, keeping CloudBase's code.
 */
export function toDbError(error: unknown): DbError {
  if (error instanceof DbError) return error;
  if (isObject(error) && (typeof error.code === 'string' || typeof error.code === 'number') && error.code !== '') {
    const message = typeof error.message === 'string' && error.message !== '' ? error.message : String(error.code);
    return withCause(new DbError(String(error.code), message), error);
  }
  const message = error instanceof Error ? error.message : String(error);
  return withCause(new DbError(DbErrorCode.RequestFailed, message), error);
}

/** Awaits an SDK call and answers its result as an object, or throws DbError. */
export async function sdkCall(run: () => Promise<unknown>): Promise<Record<string, unknown>> {
  let result: unknown;
  try {
    result = await run();
  } catch (error) {
    throw toDbError(error);
  }
  if (!isObject(result)) throw new DbError(DbErrorCode.RequestFailed, 'unexpected database response');
  if (result.code) throw toDbError(result);
  return result;
}

export function readCount(result: Record<string, unknown>, field: string): number {
  const value = result[field];
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw new DbError(DbErrorCode.RequestFailed, `database response has no numeric "${field}"`);
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function withCause(error: DbError, cause: unknown): DbError {
  Object.defineProperty(error, 'cause', { value: cause, enumerable: false, configurable: true });
  return error;
}
