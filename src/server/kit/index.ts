/** The function kit: what every cloud function and the local cloud import. */
export { createFunction, type FunctionMain } from './create-function';
export { defineRoute } from './define-route';
export { installRuntime, getRuntime, uninstallRuntime } from './runtime-registry';
export { openidFromContext } from './openid';
export { requestIdOf } from './request-id';
export { ROLES_COLLECTION, type RoleRecord, loadCaller, systemCaller, callerMayUse } from './caller';
export { isTimerEvent } from './event';
export { kitErrors, type FieldIssue } from './kit-errors';
export { MAX_EVENT_BYTES } from './payload';
export { requireStaffOfStore, requireOwner } from './guards';
export { createJsonConsoleLogger, withFields } from './logger';
export { newId } from './ids';
export { systemClock, manualClock, type Clock, type ManualClock } from './clock';
export { withIdempotency, IDEMPOTENCY_COLLECTION, type IdempotencyOptions } from './idempotency';
export { inputFingerprint, canonicalJson, assertSameInput, reusedKeyError, keyReusedError, IDEMPOTENCY_KEY_REUSED } from './input-fingerprint';
export { AppError, isAppError } from '../../core/errors';
export { KitErrorCode, type Envelope, type ErrorBody } from '../../core/envelope';
export type * from './types';
