import Taro from '@tarojs/taro';
import { ApiError, networkError } from './errors';

/**
 * The H5 app's identity in the local cloud: a dev-login token kept in
 * storage. On weapp there is no token (CloudBase knows the caller).
 */
const TOKEN_KEY = 'siyu.token';
const OPENID_KEY = 'siyu.openid';
const DEFAULT_OPENID = 'demo-customer';

export const currentToken = (): string | null => (Taro.getStorageSync(TOKEN_KEY) as string) || null;
export const currentOpenid = (): string => (Taro.getStorageSync(OPENID_KEY) as string) || DEFAULT_OPENID;
export const defaultDevOpenid = currentOpenid;

/** Signs in as `openid` through `POST /api/dev/login` and keeps the token. */
export async function signInAs(openid: string): Promise<string> {
  let res: Response;
  try {
    res = await fetch('/api/dev/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid }) });
  } catch (error) {
    throw networkError(error);
  }
  const body = (await res.json().catch(() => null)) as { token?: string; error?: { code: string; message: string } } | null;
  if (!res.ok || !body?.token) throw new ApiError(body?.error?.code ?? 'UNAUTHENTICATED', body?.error?.message ?? '登录失败');
  Taro.setStorageSync(TOKEN_KEY, body.token);
  Taro.setStorageSync(OPENID_KEY, openid);
  return body.token;
}

let pending: { openid: string; token: Promise<string> } | null = null;

/** One sign-in at a time per identity: the calls a page starts together share it (one /api/dev/login a load). */
function signInShared(openid: string): Promise<string> {
  if (pending?.openid === openid) return pending.token;
  const token = signInAs(openid).finally(() => {
    if (pending?.token === token) pending = null;
  });
  pending = { openid, token };
  return token;
}

/** The token to call with: the stored one, else the one sign-in every call without a token waits for. */
export function sessionToken(): Promise<string> {
  const token = currentToken();
  return token ? Promise.resolve(token) : signInShared(currentOpenid());
}

/** After a 401 answered to `stale`: a newer token another call already got, else one shared sign-in. */
export function renewedToken(stale: string | null): Promise<string> {
  const token = currentToken();
  return token && token !== stale ? Promise.resolve(token) : signInShared(currentOpenid());
}

export interface DevUser {
  openid: string;
  nickname: string;
  roles: string[];
  staffStoreIds: string[];
}

/** The demo identities the local cloud offers (H5 identity switcher). */
export async function listDevUsers(): Promise<DevUser[]> {
  try {
    const res = await fetch('/api/dev/users');
    const body = (await res.json()) as { users?: DevUser[] };
    return body.users ?? [];
  } catch (error) {
    throw networkError(error);
  }
}
