import { AppError } from '../../core/errors';
import { DbError, DbErrorCode, type Db } from '../db';
import { newId } from './ids';
import { assertSameInput } from './input-fingerprint';

/** `_id` = the idempotency key. Sweep expired records with a timer (later issue). */
export const IDEMPOTENCY_COLLECTION = 'idempotency_keys';
/** A claim outlives the 60 s function timeout, then another call may take it over. */
export const DEFAULT_LEASE_MS = 60_000;
const CLAIM_ATTEMPTS = 3;

export interface IdempotencyRecord {
  state: 'pending' | 'done';
  /** Who holds the claim: only its holder may complete or release it. */
  lease: string;
  /** The result as JSON, once done (what the envelope would carry anyway). */
  resultJson?: string;
  /** `inputFingerprint(..)` of the call that took the key; absent on records from before fingerprints. */
  inputHash?: string;
  expiresAt: number;
  createdAt: number;
}

export interface IdempotencyOptions {
  now?: () => number;
  leaseMs?: number;
  collection?: string;
  /** `inputFingerprint(..)` of this call's input: a repeat of the key with another input is IDEMPOTENCY_KEY_REUSED. */
  fingerprint?: string;
}

/**
 * Runs `fn` once per `key` within `ttlMs`: a repeat answers the stored result
 * (`fn` must answer JSON data; every caller gets it as parsed JSON);
 * a repeat while the first is still running fails with REQUEST_IN_PROGRESS; a
 * repeat with another input (`options.fingerprint`) fails with
 * IDEMPOTENCY_KEY_REUSED, running nothing; a failure releases the key so the
 * call can be retried.
 *
 * This dedupes requests. It does not make `fn`'s writes atomic with the record:
 * effects that must apply exactly once (points, stock) are keyed inside their own
 * transaction or conditional write.
 */
export async function withIdempotency<R>(
  db: Db,
  key: string,
  ttlMs: number,
  fn: () => Promise<R>,
  options: IdempotencyOptions = {},
): Promise<R> {
  const now = options.now ?? Date.now;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const records = db.collection<IdempotencyRecord>(options.collection ?? IDEMPOTENCY_COLLECTION);
  const _ = db.command;
  const lease = newId('lease');
  const inputHash = options.fingerprint === undefined ? {} : { inputHash: options.fingerprint };

  const claim = async (): Promise<{ claimed: true } | { claimed: false; result: R }> => {
    for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
      const at = now();
      try {
        await records.add({ _id: key, state: 'pending', lease, ...inputHash, expiresAt: at + leaseMs, createdAt: at });
        return { claimed: true };
      } catch (error) {
        if (!(error instanceof DbError && error.code === DbErrorCode.DuplicateKey)) throw error;
      }
      const existing = (await records.doc(key).get()).data[0];
      if (!existing) continue;
      if (existing.expiresAt > at) {
        if (options.fingerprint !== undefined) assertSameInput(existing.inputHash, options.fingerprint);
        if (existing.state === 'done') return { claimed: false, result: JSON.parse(existing.resultJson ?? 'null') as R };
        throw new AppError('REQUEST_IN_PROGRESS', '请求正在处理中，请稍后再试');
      }
      const { updated } = await records
        .where({ _id: key, lease: existing.lease, expiresAt: _.lte(at) })
        .update({
          state: 'pending',
          lease,
          inputHash: options.fingerprint ?? _.remove(),
          expiresAt: at + leaseMs,
          createdAt: at,
          resultJson: _.remove(),
        });
      if (updated === 1) return { claimed: true };
    }
    throw new AppError('REQUEST_IN_PROGRESS', '请求正在处理中，请稍后再试');
  };

  const claimed = await claim();
  if (!claimed.claimed) return claimed.result;
  let result: R;
  try {
    result = await fn();
  } catch (error) {
    await records.where({ _id: key, lease }).remove().catch(() => undefined);
    throw error;
  }
  const resultJson = JSON.stringify(result ?? null);
  await records.where({ _id: key, lease }).update({ state: 'done', resultJson, expiresAt: now() + ttlMs });
  // The first call answers exactly what a replay will: the stored JSON.
  return JSON.parse(resultJson) as R;
}
