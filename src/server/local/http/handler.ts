import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { ClientGoneError } from './body';
import { answerPreflight, applyCors, checkApiCaller, type OriginPolicy } from './cors';
import { handleDevPay, type DevPayRouteDeps } from './dev-pay-route';
import { handleDevLogin, handleDevUsers, type DevRouteDeps } from './dev-route';
import { handleFunctionCall, type FunctionsRouteDeps } from './functions-route';
import { sendError, sendJson } from './respond';
import { handleStorageFile, handleStorageUpload, STORAGE_FILE_PREFIX, STORAGE_UPLOAD_PATH, type StorageRouteDeps } from './storage-route';
import { serveStatic, type StaticRoots } from './static';

export interface HandlerDeps extends FunctionsRouteDeps, DevRouteDeps, DevPayRouteDeps, StorageRouteDeps {
  startedAt: number;
  dbStatus(): 'ok' | 'closed';
  statics: StaticRoots;
  origins: OriginPolicy;
}

const FUNCTION_PATH = /^\/api\/functions\/([^/]+)$/;
const DEV_PAY_PATH = /^\/api\/dev\/pay\/([^/]+)$/;

/** Routes every request of the local cloud. */
export function createRequestHandler(deps: HandlerDeps): RequestListener {
  return (req, res) => {
    route(req, res, deps).catch((error: unknown) => {
      if (error instanceof ClientGoneError || res.destroyed) {
        deps.log.debug('client gone', { method: req.method, url: req.url });
        return res.destroy();
      }
      deps.log.error('request failed', { method: req.method, url: req.url, error });
      if (!res.headersSent) sendError(res, 500, 'INTERNAL', '服务器内部错误 / internal error');
      else res.destroy();
    });
  };
}

async function route(req: IncomingMessage, res: ServerResponse, deps: HandlerDeps): Promise<void> {
  const pathname = pathOf(req.url);
  if (pathname === null) return sendError(res, 400, 'BAD_REQUEST', '无效的地址 / invalid URL');

  if (pathname === '/api' || pathname.startsWith('/api/')) {
    const caller = checkApiCaller(req, deps.origins);
    if (!caller.allowed) {
      req.resume();
      return sendError(res, 403, caller.code, caller.message, {}, { Vary: 'Origin' });
    }
    applyCors(res, caller.corsOrigin);
    if (req.method === 'OPTIONS') return answerPreflight(res, caller.corsOrigin);
    const fnMatch = FUNCTION_PATH.exec(pathname);
    if (fnMatch) return handleFunctionCall(req, res, safeDecode(fnMatch[1]), deps);
    if (pathname === '/api/health') return sendHealth(res, deps);
    if (pathname === '/api/dev/login') return handleDevLogin(req, res, deps);
    if (pathname === '/api/dev/users') return handleDevUsers(req, res, deps);
    const payMatch = DEV_PAY_PATH.exec(pathname);
    if (payMatch) return handleDevPay(req, res, safeDecode(payMatch[1]), deps);
    if (pathname === STORAGE_UPLOAD_PATH) return handleStorageUpload(req, res, deps);
    if (pathname.startsWith(STORAGE_FILE_PREFIX)) return handleStorageFile(req, res, pathname.slice(STORAGE_FILE_PREFIX.length), deps);
    req.resume();
    return sendError(res, 404, 'NOT_FOUND', '接口不存在 / no such endpoint');
  }

  if (req.method !== 'GET' && req.method !== 'HEAD') {
    req.resume();
    return sendError(res, 405, 'METHOD_NOT_ALLOWED', '仅支持 GET / GET only', {}, { Allow: 'GET, HEAD' });
  }
  return serveStatic(req, res, pathname, deps.statics);
}

function sendHealth(res: ServerResponse, deps: HandlerDeps): void {
  sendJson(res, 200, {
    ok: deps.dbStatus() === 'ok',
    uptimeMs: Date.now() - deps.startedAt,
    functions: [...deps.functions.keys()].sort(),
    db: deps.dbStatus(),
  });
}

/** The raw (still percent-encoded) path of a request target, without query. */
function pathOf(url: string | undefined): string | null {
  if (!url || !url.startsWith('/')) return null;
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
