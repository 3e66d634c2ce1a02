import type { IncomingMessage, ServerResponse } from 'node:http';
import { isValidOpenid } from '../auth/openid';
import { signToken } from '../auth/token';
import { readJsonBody } from './body';
import { HttpError, sendError, sendJson } from './respond';

export interface DevUser {
  openid: string;
  nickname: string;
  roles: string[];
  staffStoreIds: string[];
}

export interface DevRouteDeps {
  secret: Buffer;
  now(): number;
  listUsers(): Promise<DevUser[]>;
  /** Dev sign-in and the user list are offered (see auth/dev-login.ts). */
  devLogin: boolean;
}

function refuseWhenOff(req: IncomingMessage, res: ServerResponse, deps: DevRouteDeps): boolean {
  if (deps.devLogin) return false;
  req.resume();
  sendError(res, 403, 'DEV_LOGIN_DISABLED', '开发登录已关闭 / dev sign-in is off (SIYU_DEV_LOGIN=1 turns it on)');
  return true;
}

/** `POST /api/dev/login {openid}` → `{token}`: sign-in as anyone, which only the local cloud offers. */
export async function handleDevLogin(req: IncomingMessage, res: ServerResponse, deps: DevRouteDeps): Promise<void> {
  if (req.method !== 'POST') return sendError(res, 405, 'METHOD_NOT_ALLOWED', '请使用 POST / use POST', {}, { Allow: 'POST, OPTIONS' });
  if (refuseWhenOff(req, res, deps)) return;
  let body: unknown;
  try {
    body = await readJsonBody(req);
  } catch (error) {
    if (error instanceof HttpError) return sendError(res, error.status, error.code, error.message);
    throw error;
  }
  const openid = (body as { openid?: unknown } | null)?.openid;
  if (!isValidOpenid(openid)) {
    return sendError(res, 400, 'BAD_REQUEST', 'openid 应为 1–64 位字母、数字、_ 或 - / openid must be 1-64 of [A-Za-z0-9_-]');
  }
  sendJson(res, 200, { token: signToken(deps.secret, openid, deps.now()) });
}

/** `GET /api/dev/users`: the demo identities with their roles, for the identity switcher. */
export async function handleDevUsers(req: IncomingMessage, res: ServerResponse, deps: DevRouteDeps): Promise<void> {
  if (req.method !== 'GET') return sendError(res, 405, 'METHOD_NOT_ALLOWED', '请使用 GET / use GET', {}, { Allow: 'GET, OPTIONS' });
  if (refuseWhenOff(req, res, deps)) return;
  sendJson(res, 200, { users: await deps.listUsers() });
}
