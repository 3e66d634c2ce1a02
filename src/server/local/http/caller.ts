import type { IncomingMessage, ServerResponse } from 'node:http';
import { bearerToken, verifyToken } from '../auth/token';
import { sendError } from './respond';

export interface CallerDeps {
  secret: Buffer;
  now(): number;
}

/** The caller's openid from `Authorization: Bearer <token>`; null after answering 401. */
export function authenticateOr401(req: IncomingMessage, res: ServerResponse, deps: CallerDeps): string | null {
  const token = bearerToken(req.headers.authorization);
  const openid = token ? verifyToken(deps.secret, token, deps.now()) : null;
  if (openid) return openid;
  req.resume();
  const message = token ? '登录已失效，请重新登录 / token invalid or expired' : '请先登录 / sign in first';
  sendError(res, 401, 'UNAUTHENTICATED', message, {}, { 'WWW-Authenticate': 'Bearer' });
  return null;
}
