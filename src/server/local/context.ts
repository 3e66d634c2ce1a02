import { randomUUID } from 'node:crypto';
import type { FunctionContext } from '../kit/types';

/** The appid the local cloud reports in WX_APPID. */
export const LOCAL_APPID = process.env.SIYU_APPID ?? 'wx0000000000local';

/**
 * A CloudBase-shaped context. Calls from a signed-in user carry
 * `WX_OPENID`/`WX_APPID` in `environ`; timer calls carry no WeChat identity.
 */
export function functionContext(functionName: string, openid: string | null): FunctionContext {
  return {
    request_id: randomUUID(),
    function_name: functionName,
    environ: openid === null ? '' : `WX_OPENID=${openid};WX_APPID=${LOCAL_APPID};WX_UNIONID=`,
  };
}
