import { toWxData } from '../../../core/notify/rules';
import type { Notifier, SubscribeMessage } from './port';

/** The slice of the @cloudbase/node-sdk app the notifier uses. */
export interface WxOpenApiClient {
  callWxOpenApi(options: { apiName: string; requestData: unknown }): Promise<{ result?: unknown }>;
}

/** `subscribeMessage.send`'s body (WeChat's HTTP API field names). */
export function subscribeSendRequest(message: SubscribeMessage, state: 'formal' | 'trial' | 'developer' = 'formal') {
  return {
    touser: message.touser,
    template_id: message.templateId,
    page: message.page,
    data: toWxData(message.template, message.data),
    miniprogram_state: state,
    lang: 'zh_CN',
  };
}

/** WeChat answers `{errcode, errmsg}` (as an object, a JSON string or a Buffer depending on the SDK path). */
function parseResult(result: unknown): { errcode: number; errmsg: string } {
  let value: unknown = result;
  if (value instanceof Uint8Array) value = Buffer.from(value).toString('utf8');
  if (typeof value === 'string') {
    const text = value;
    try {
      value = JSON.parse(text);
    } catch {
      return { errcode: -1, errmsg: `unreadable answer: ${text.slice(0, 100)}` };
    }
  }
  const body = (value ?? {}) as { errcode?: unknown; errmsg?: unknown };
  return { errcode: typeof body.errcode === 'number' ? body.errcode : 0, errmsg: typeof body.errmsg === 'string' ? body.errmsg : '' };
}

/** Production: WeChat's subscribe message through the cloud open API (needs `subscribeMessage.send` in config.json permissions). */
export function createWxNotifier(client: WxOpenApiClient, state: 'formal' | 'trial' | 'developer' = 'formal'): Notifier {
  return {
    async send(message) {
      const answer = await client.callWxOpenApi({ apiName: 'subscribeMessage.send', requestData: subscribeSendRequest(message, state) });
      const { errcode, errmsg } = parseResult(answer.result);
      return errcode === 0 ? { ok: true } : { ok: false, code: errcode, message: errmsg };
    },
  };
}
