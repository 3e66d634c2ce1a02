import Taro from '@tarojs/taro';
import type { Envelope } from '../core/envelope';
import { ApiError, networkError } from './errors';
import { renewedToken, sessionToken } from './session';

/** Sends `{ action, data }` to a cloud function and answers its envelope. */
export type Transport = (fn: string, action: string, data: unknown) => Promise<Envelope<unknown>>;

/** weapp: CloudBase puts the caller's openid in the function's context. */
export const cloudTransport: Transport = async (fn, action, data) => {
  try {
    const res = await Taro.cloud.callFunction({ name: fn, data: { action, data } });
    return res.result as Envelope<unknown>;
  } catch (error) {
    throw networkError(error);
  }
};

/** h5: the local cloud's HTTP protocol (DESIGN.md), signed in through dev login. */
export const httpTransport: Transport = async (fn, action, data) => {
  const send = async (token: string) => {
    let res: Response;
    try {
      res = await fetch(`/api/functions/${encodeURIComponent(fn)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ action, data }),
      });
    } catch (error) {
      throw networkError(error);
    }
    return res;
  };
  const token = await sessionToken();
  let res = await send(token);
  if (res.status === 401) res = await send(await renewedToken(token));
  const body = (await res.json().catch(() => null)) as { result?: Envelope<unknown>; error?: { code: string; message: string } } | null;
  if (res.ok && body?.result) return body.result;
  if (body?.error) throw new ApiError(body.error.code, body.error.message);
  throw networkError(new Error(`HTTP ${res.status}`));
};

export const defaultTransport: Transport = process.env.TARO_ENV === 'weapp' ? cloudTransport : httpTransport;
