/**
 * The `system` function called as a cloud function (main(event, ctx)) for
 * the settings tests: the raw envelope, its data, its refused fields. Not a test file itself.
 */
import { randomUUID } from 'crypto';
import { join } from 'path';
import type { Envelope } from '../../src/core/envelope';
import type { FunctionContext } from '../../src/server/kit/types';

type Main = (event: unknown, context?: FunctionContext) => Promise<Envelope<any>>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const systemMain = (require(join(__dirname, '../../cloudfunctions/system/index.ts')) as { main: Main }).main;

export const callSystem = (openid: string, action: string, data: unknown = {}) =>
  systemMain({ action, data }, { request_id: randomUUID(), environ: `WX_OPENID=${openid};WX_APPID=wxtest` });

export async function systemOk(openid: string, action: string, data: unknown = {}): Promise<any> {
  const envelope = await callSystem(openid, action, data);
  if (!envelope.ok) throw new Error(`system.${action} failed: ${JSON.stringify(envelope.error)}`);
  return envelope.data;
}

/** A refusal's `details.fields` (path, reason, message per refused field). */
export const fieldsOf = (r: Envelope<unknown>): Array<{ path: string; reason?: string; message?: string }> => (r.ok ? [] : ((r.error.details as any)?.fields ?? []));
