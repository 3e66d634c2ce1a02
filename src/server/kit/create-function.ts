import { isAppError } from '../../core/errors';
import { DbError, DbErrorCode } from '../db';
import type { Envelope } from '../../core/envelope';
import { KitErrorCode } from '../../core/envelope';
import { cachedCaller, callerMayUse, systemCaller } from './caller';
import { parseEvent } from './event';
import { INTERNAL_MESSAGE, kitErrors } from './kit-errors';
import { withFields } from './logger';
import { jsonByteLength, MAX_EVENT_BYTES } from './payload';
import { requestIdOf } from './request-id';
import { getRuntime } from './runtime-registry';
import type { ActionContext, Caller, FunctionContext, Logger, Route, Routes, Runtime } from './types';
import { validateInput } from './validate';

export type FunctionMain = (event: unknown, context?: FunctionContext) => Promise<Envelope<unknown>>;

/**
 * Turns a table of routes into CloudBase's `main(event, context)`.
 * It never throws: every outcome is an envelope.
 */
export function createFunction(routes: Routes): FunctionMain {
  return async function main(event, context = {}) {
    const requestId = requestIdOf(context);
    let runtime: Runtime | null = null;
    const trace: { action?: string } = {};
    try {
      const active = getRuntime();
      runtime = active;
      const request = await admit(routes, event, context ?? {}, active, trace);
      let log: Logger | null = null;
      const actionContext: ActionContext = {
        caller: request.caller,
        db: active.db,
        runtime: active,
        requestId,
        now: () => active.now(),
        // Made on first use: most calls never log.
        get log() {
          return (log ??= withFields(active.log, { requestId, action: request.action }));
        },
      };
      const result = await request.route.handler(request.input, actionContext);
      return { ok: true, data: result === undefined ? null : result };
    } catch (error) {
      return failure(error, requestId, trace.action, runtime);
    }
  };
}

interface AdmittedRequest {
  action: string;
  route: Route;
  caller: Caller;
  input: unknown;
}

/** Every check before the handler, in the order a caller should learn about problems. */
async function admit(
  routes: Routes,
  event: unknown,
  context: FunctionContext,
  runtime: Runtime,
  trace: { action?: string },
): Promise<AdmittedRequest> {
  const size = jsonByteLength(event);
  if (size === null) throw kitErrors.invalidEvent('无法序列化');
  if (size > MAX_EVENT_BYTES) throw kitErrors.payloadTooLarge(size, MAX_EVENT_BYTES);

  const openid = runtime.openidOf(context);
  const parsed = parseEvent(event, openid !== null);
  if (parsed.kind === 'invalid') throw kitErrors.invalidEvent(parsed.reason);
  trace.action = parsed.action;
  if (parsed.kind === 'call' && openid === null) throw kitErrors.unauthenticated();

  const route = Object.prototype.hasOwnProperty.call(routes, parsed.action) ? routes[parsed.action] : undefined;
  if (!route) throw kitErrors.unknownAction(parsed.action);

  const caller = parsed.kind === 'timer' ? systemCaller() : await cachedCaller(runtime.db, openid as string, runtime.now());
  if (!callerMayUse(caller, route.roles)) throw kitErrors.forbidden();

  const validation = await validateInput(route.schema, parsed.data);
  if (!validation.ok) throw kitErrors.invalidData(validation.fields);
  return { action: parsed.action, route, caller, input: validation.data };
}

function failure(error: unknown, requestId: string, action: string | undefined, runtime: Runtime | null): Envelope<never> {
  // A transaction that conflicted past its re-runs rolled back whole: a retryable answer, not a crash.
  if (error instanceof DbError && error.code === DbErrorCode.TransactionConflict) error = kitErrors.busy();
  if (isAppError(error)) {
    return {
      ok: false,
      error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) },
    };
  }
  logCrash(runtime?.log ?? fallbackLog, error, requestId, action);
  return { ok: false, error: { code: KitErrorCode.Internal, message: INTERNAL_MESSAGE, requestId } };
}

function logCrash(log: Logger, error: unknown, requestId: string, action: string | undefined): void {
  const detail =
    error instanceof Error
      ? { errorName: error.name, errorMessage: error.message, errorCode: (error as { code?: unknown }).code, stack: error.stack }
      : { thrown: describe(error) };
  try {
    log.error('unhandled error', { requestId, action, ...detail });
  } catch {
    fallbackLog.error('unhandled error', { requestId, action, ...detail });
  }
}

function describe(value: unknown): string {
  try {
    return typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Used when no runtime could be created (its creation is what failed). */
const fallbackLog: Logger = {
  info: () => undefined,
  warn: () => undefined,
  error: (message, fields) => console.error(JSON.stringify({ level: 'error', message, ...fields })),
};
