import { createHash } from 'crypto';
import { AppError } from '../../core/errors';

/**
 * Idempotency keys are bound to their input, as Stripe binds them: every keyed
 * action stores `inputFingerprint(..)` with its key and, on a repeat of the
 * key, compares. The same input answers the first result; another input is
 * IDEMPOTENCY_KEY_REUSED and writes nothing.
 */
export const IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED';

export const keyReusedError = (): AppError =>
  new AppError(IDEMPOTENCY_KEY_REUSED, '该请求编号已用于内容不同的另一个请求，请重新操作');

/**
 * JSON with object keys sorted at every depth and `undefined` members left out
 * (an absent field and an undefined one are the same input; `null` is not).
 * Array order is kept: it is part of the input.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalValue(value)) ?? 'null';
}

function canonicalValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const json = (value as { toJSON?: () => unknown }).toJSON;
  if (typeof json === 'function') return canonicalValue(json.call(value));
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : canonicalValue(item)));
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const member = (value as Record<string, unknown>)[key];
    if (member !== undefined) sorted[key] = canonicalValue(member);
  }
  return sorted;
}

/**
 * The hash of a keyed action's canonical input: its scope (the action), the
 * caller, and the input without its `requestId` (the key itself).
 */
export function inputFingerprint(scope: string, caller: string | null, input: object): string {
  const { requestId: _key, ...rest } = input as Record<string, unknown>;
  return createHash('sha256').update(canonicalJson({ scope, caller, input: rest })).digest('hex');
}

/**
 * The refusal when a stored record was keyed with another input, else null.
 * A record without a fingerprint (written before fingerprints) matches.
 */
export function reusedKeyError(stored: string | null | undefined, fingerprint: string): AppError | null {
  return stored === undefined || stored === null || stored === fingerprint ? null : keyReusedError();
}

/** Throws IDEMPOTENCY_KEY_REUSED when the stored record was keyed with another input. */
export function assertSameInput(stored: string | null | undefined, fingerprint: string): void {
  const reused = reusedKeyError(stored, fingerprint);
  if (reused) throw reused;
}
