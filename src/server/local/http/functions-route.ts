import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FunctionContext } from '../../kit/types';
import { functionContext } from '../context';
import type { LocalFunction } from '../functions';
import { FunctionTimeoutError } from '../invoke';
import type { LocalLogger } from '../logger';
import { readJsonBody } from './body';
import { authenticateOr401, type CallerDeps } from './caller';
import { HttpError, sendError, sendJson } from './respond';

export interface FunctionsRouteDeps extends CallerDeps {
  functions: ReadonlyMap<string, LocalFunction>;
  log: LocalLogger;
  invoke(fn: LocalFunction, event: unknown, context: FunctionContext): Promise<unknown>;
}

/** `POST /api/functions/<name>` with `{ action, data }`: answers `200 { result: <envelope> }`. */
export async function handleFunctionCall(
  req: IncomingMessage,
  res: ServerResponse,
  functionName: string,
  deps: FunctionsRouteDeps,
): Promise<void> {
  if (req.method !== 'POST') return sendError(res, 405, 'METHOD_NOT_ALLOWED', '请使用 POST / use POST', {}, { Allow: 'POST, OPTIONS' });

  const openid = authenticateOr401(req, res, deps);
  if (!openid) return;

  const fn = deps.functions.get(functionName);
  if (!fn) {
    req.resume();
    return sendError(res, 404, 'FUNCTION_NOT_FOUND', `云函数 ${functionName} 不存在 / no such function`);
  }

  let event: { action: string; data?: unknown };
  try {
    event = parseEvent(await readJsonBody(req));
  } catch (error) {
    if (error instanceof HttpError) return sendError(res, error.status, error.code, error.message);
    throw error;
  }

  const context = functionContext(fn.name, openid);
  const requestId = String(context.request_id);
  const started = performance.now();
  try {
    const result = await deps.invoke(fn, event, context);
    sendJson(res, 200, { result: result ?? null });
    deps.log.debug('call', { function: fn.name, action: event.action, openid, ms: Math.round(performance.now() - started) });
  } catch (error) {
    if (error instanceof FunctionTimeoutError) {
      deps.log.error('function timed out', { function: fn.name, action: event.action, requestId });
      return sendError(res, 504, 'FUNCTION_TIMEOUT', '云函数执行超时 / function timed out', { requestId });
    }
    deps.log.error('function threw', { function: fn.name, action: event.action, requestId, error });
    sendError(res, 500, 'INTERNAL', '服务器内部错误 / internal error', { requestId });
  }
}

/** The call envelope `{ action: string, data?: unknown }`; anything else is a 400. */
function parseEvent(body: unknown): { action: string; data?: unknown } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'BAD_REQUEST', '请求体应为 {action, data} / body must be {action, data}');
  }
  const { action, data } = body as Record<string, unknown>;
  if (typeof action !== 'string' || action === '') {
    throw new HttpError(400, 'BAD_REQUEST', 'action 应为非空字符串 / action must be a non-empty string');
  }
  return data === undefined ? { action } : { action, data };
}
