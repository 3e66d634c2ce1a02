import type { PaymentNotification } from '../../../core/contracts/payment';
import { jsonByteLength } from '../../kit/payload';

/**
 * What is stored of an event posted to payCallback. Anyone signed in can
 * call the function, so nothing is stored whole: a notification keeps only
 * the fields WeChat defines (each bounded), a malformed event a summary of
 * at most MAX_SUMMARY_BYTES.
 */
export const MAX_SUMMARY_BYTES = 2048;
const MAX_FIELD_CHARS = 128;
const MAX_KEYS_LISTED = 20;
const MAX_KEY_CHARS = 32;
const PREVIEW_CHARS = 600;

const NOTIFICATION_FIELDS = [
  'returnCode', 'returnMsg', 'resultCode', 'errCode', 'errCodeDes', 'appid', 'mchId', 'subAppid', 'subMchId', 'nonceStr',
  'openid', 'subOpenid', 'tradeType', 'bankType', 'totalFee', 'cashFee', 'feeType', 'transactionId', 'outTradeNo', 'timeEnd',
  'isSubscribe', 'subIsSubscribe', 'settlementTotalFee', 'couponFee', 'attach',
] as const;

/** The notification's WeChat fields, strings cut to 128 characters; anything else it carried is dropped. */
export function boundedNotification(n: PaymentNotification): Record<string, unknown> {
  const source = n as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const field of NOTIFICATION_FIELDS) {
    const value = source[field];
    if (typeof value === 'string') out[field] = value.slice(0, MAX_FIELD_CHARS);
    else if (typeof value === 'number' || typeof value === 'boolean') out[field] = value;
  }
  return out;
}

export interface MalformedSummary {
  /** JSON type of the event: object, array, string, … */
  type: string;
  /** Its size as JSON (null when it cannot be serialised). */
  bytes: number | null;
  /** Its first keys, each cut short. */
  keys: string[];
  keyCount: number;
  /** The start of its JSON text. */
  preview: string;
}

/** A malformed event in at most MAX_SUMMARY_BYTES of JSON. */
export function malformedSummary(event: unknown): MalformedSummary {
  const isObject = event !== null && typeof event === 'object' && !Array.isArray(event);
  const keys = isObject ? Object.keys(event as object) : [];
  const bytes = jsonByteLength(event);
  let text: string;
  try {
    text = JSON.stringify(event) ?? String(event);
  } catch {
    text = '[unserialisable]';
  }
  const summary: MalformedSummary = {
    type: event === null ? 'null' : Array.isArray(event) ? 'array' : typeof event,
    bytes,
    keys: keys.slice(0, MAX_KEYS_LISTED).map((key) => key.slice(0, MAX_KEY_CHARS)),
    keyCount: keys.length,
    preview: text.slice(0, PREVIEW_CHARS),
  };
  // Escaping can grow the preview (e.g. control characters); shrink until it fits.
  while ((jsonByteLength(summary) ?? 0) > MAX_SUMMARY_BYTES - 512 && summary.preview.length > 0) {
    summary.preview = summary.preview.slice(0, Math.floor(summary.preview.length / 2));
  }
  return summary;
}
