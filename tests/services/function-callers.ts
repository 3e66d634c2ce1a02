/**
 * Calls cloud functions the way WeChat does (an openid in the environ), for
 * the functions the order / promotion benches do not wrap. Not a test file.
 */
import { randomUUID } from 'crypto';
import { join } from 'path';
import type { Envelope } from '../../src/core/envelope';
import type { FunctionContext } from '../../src/server/kit/types';

export type Main = (event: unknown, context?: FunctionContext) => Promise<Envelope<any>>;

/** The TypeScript entry, as the local cloud loads it: a bare path would pick a built index.js. */
export const mainOf = (name: string): Main =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require(join(__dirname, '../../cloudfunctions', name, 'index.ts')) as { main: Main }).main;

export interface FunctionCallers<N extends string> {
  mains: Record<N, Main>;
  call(fn: N, openid: string, action: string, data?: unknown): Promise<Envelope<any>>;
  /** Calls and expects success; throws with the error envelope otherwise. */
  ok(fn: N, openid: string, action: string, data?: unknown): Promise<any>;
}

export function functionCallers<N extends string>(...names: N[]): FunctionCallers<N> {
  const mains = Object.fromEntries(names.map((name) => [name, mainOf(name)])) as Record<N, Main>;
  const call = (fn: N, openid: string, action: string, data: unknown = {}) =>
    mains[fn]({ action, data }, { request_id: randomUUID(), environ: `WX_OPENID=${openid};WX_APPID=wxtest` });
  const ok = async (fn: N, openid: string, action: string, data: unknown = {}) => {
    const envelope = await call(fn, openid, action, data);
    if (!envelope.ok) throw new Error(`${fn}.${action} failed: ${JSON.stringify(envelope.error)}`);
    return envelope.data;
  };
  return { mains, call, ok };
}

/** The error code of an envelope, or 'OK'. */
export const codeOf = (r: Envelope<unknown>): string => (r.ok ? 'OK' : r.error.code);
