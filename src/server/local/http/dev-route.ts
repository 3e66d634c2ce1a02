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
}

/** `POST /api/dev/login {openid}` → `{token}`: sign-in as anyone, which only the local cloud offers. */
export async function handleDevLogin(req: IncomingMessage, res: ServerResponse, deps: DevRouteDeps): Promise<void> {
  if (req.method !== 'POST') return sendError(res, 405, 'METHOD_NOT_ALLOWED', '请使用 POST / use POST', {}, { Allow: 'POST, OPTIONS' });
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
  sendJson(res, 200, { users: await deps.listUsers() });
}
