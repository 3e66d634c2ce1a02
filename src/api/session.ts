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
