import { createHash } from 'crypto';
import { canonicalJson } from '../../core/canonical-json';
import { AppError } from '../../core/errors';

export { canonicalJson };

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
