import { NOTIFY_TEMPLATES, type TemplateKey } from './templates';

/** Delivery rules of the outbox worker, pure. */

export const MAX_ATTEMPTS = 6;
/** A claimed entry is someone's for this long; a run that crashed lets it come due again after. */
export const LEASE_MS = 2 * 60_000;

/** The wait before retry number `attempts` (1-based): 1, 2, 4, 8… minutes, at most an hour. */
export function backoffMs(attempts: number): number {
  return Math.min(60, 2 ** Math.max(0, attempts - 1)) * 60_000;
}

export type ErrorKind = 'permanent' | 'transient';

/**
 * WeChat errcodes that retrying cannot fix: 43101 user refused / no
 * subscription, 40037 template id invalid, 47003 template data invalid,
 * 40003 openid invalid, 41030 page invalid. Everything else (system busy -1,
 * token 40001/42001, network) is tried again.
 */
export const PERMANENT_ERROR_CODES: ReadonlySet<number> = new Set([43101, 40037, 47003, 40003, 41030]);

export function classifyError(code: number | string): ErrorKind {
  return typeof code === 'number' && PERMANENT_ERROR_CODES.has(code) ? 'permanent' : 'transient';
}

/** 43101: WeChat holds no subscription for this member and template: our count was wrong, it is reset to 0. */
export const NO_SUBSCRIPTION_CODE = 43101;

/** WeChat's length limits per keyword kind (characters). */
const LIMITS: Record<string, number> = { thing: 20, character_string: 32, number: 32, amount: 20, phrase: 5, name: 10, letter: 32, symbol: 5 };

function limitFor(keyword: string): number | null {
  const kind = keyword.replace(/\d+$/, '');
  return LIMITS[kind] ?? null;
}

function clip(value: string, max: number | null): string {
  if (max === null || [...value].length <= max) return value;
  return `${[...value].slice(0, max - 1).join('')}…`;
}

/** An entry's data as WeChat's `data`: `{ keyword: { value } }`, clipped to each keyword's limit. */
export function toWxData(key: TemplateKey, data: Record<string, string>): Record<string, { value: string }> {
  const out: Record<string, { value: string }> = {};
  for (const f of NOTIFY_TEMPLATES[key].fields) out[f.keyword] = { value: clip(data[f.name] ?? '', limitFor(f.keyword)) };
  return out;
}

/** The entry's data as labelled lines for the local inbox. */
export function toLines(key: TemplateKey, data: Record<string, string>): Array<{ label: string; value: string }> {
  return NOTIFY_TEMPLATES[key].fields.map((f) => ({ label: f.label, value: data[f.name] ?? '' }));
}

/** `YYYY-MM-DD HH:mm`, China time (WeChat's time keyword format). */
export function chinaTime(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** Deterministic outbox ids: the cause of a message names it, so a repeat of the cause enqueues once. */
export const outboxId = {
  paid: (orderId: string) => `paid:${orderId}`,
  shipped: (orderId: string) => `shipped:${orderId}`,
  ready: (orderId: string) => `ready:${orderId}`,
  refunded: (orderId: string) => `refunded:${orderId}`,
  group: (groupId: string, openid: string, state: string) => `group:${groupId}:${openid}:${state}`,
  sale: (saleId: string, openid: string) => `sale:${saleId}:${openid}`,
  live: (roomId: string, openid: string) => `live:${roomId}:${openid}`,
  expiring: (openid: string, day: string) => `expiring:${openid}:${day}`,
  /** A CRM delivery (`{campaignId}:{openid}[:{occurrence}]`). */
  campaign: (deliveryId: string) => `crm:${deliveryId}`,
};

export const quotaId = (openid: string, key: TemplateKey): string => `${openid}:${key}`;
