import { AppError } from '../../../core/errors';

/**
 * Mini-program codes (小程序码) through WeChat's `wxacode.getUnlimited`, called
 * with the cloud open API (needs `wxacode.getUnlimited` in
 * cloudfunctions/growth/config.json permissions). The scene carries the
 * invite code (≤ 32 characters), never a URL or an openid.
 */
export interface WxaCodeSource {
  /** The PNG of the code that opens `page` with `scene`. */
  unlimited(scene: string, page: string): Promise<Buffer>;
}

/** The slice of the @cloudbase/node-sdk app this source uses. */
export interface WxOpenApiClient {
  callWxOpenApi(options: { apiName: string; requestData: unknown }): Promise<{ result?: unknown }>;
}

export const WXACODE_API = 'wxacode.getUnlimited';

const isImage = (bytes: Buffer): boolean =>
  (bytes.length > 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) || (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8);

/** What WeChat answered, as the image bytes or a refusal (`{errcode, errmsg}` as JSON). */
export function wxaCodeBytesOf(result: unknown): Buffer {
  let bytes: Buffer | null = null;
  if (Buffer.isBuffer(result)) bytes = result;
  else if (result instanceof Uint8Array) bytes = Buffer.from(result);
  else if (result && typeof result === 'object' && 'buffer' in result && (result as { buffer: unknown }).buffer instanceof Uint8Array) {
    bytes = Buffer.from((result as { buffer: Uint8Array }).buffer);
  }
  if (bytes && isImage(bytes)) return bytes;
  let body: { errcode?: number; errmsg?: string } = {};
  try {
    body = typeof result === 'string' ? JSON.parse(result) : bytes ? JSON.parse(bytes.toString('utf8')) : ((result ?? {}) as typeof body);
  } catch {
    body = { errcode: -1, errmsg: 'unreadable answer' };
  }
  throw new AppError('WXACODE_FAILED', '小程序码生成失败，请稍后再试', { errcode: body.errcode ?? -1, errmsg: body.errmsg ?? '' });
}

/** Production: `env_version` follows SIYU_MINIPROGRAM_STATE (release / trial / develop). */
export function createWechatWxaCode(client: WxOpenApiClient, state: 'formal' | 'trial' | 'developer' = 'formal'): WxaCodeSource {
  const envVersion = state === 'trial' ? 'trial' : state === 'developer' ? 'develop' : 'release';
  return {
    async unlimited(scene, page) {
      const answer = await client.callWxOpenApi({
        apiName: WXACODE_API,
        // check_path false: the page exists in every version we publish, and a trial version's new page too.
        requestData: { scene, page, check_path: false, env_version: envVersion, width: 430 },
      });
      return wxaCodeBytesOf(answer.result);
    },
  };
}
