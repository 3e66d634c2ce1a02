import { createHash } from 'crypto';
import type { DbCommand, Update } from '../../db';

export const OrderCollections = {
  orders: 'orders',
  idempotency: 'idempotency',
  refunds: 'refunds',
  settings: 'settings',
  paymentNotifications: 'payment_notifications',
} as const;

/** WeChat Pay retries notifications for a day and clients retry checkouts; keep keys at least 7 days. */
export const IDEMPOTENCY_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** `idempotency` documents: the first result of a keyed request. */
export interface IdempotencyDoc {
  scope: string;
  openid: string;
  requestId: string;
  resultId: string;
  /** `inputFingerprint(..)` of the first request; absent on records from before fingerprints. */
  inputHash?: string;
  createdAt: number;
  expiresAt: number;
}

/** A bounded, deterministic `_id` for (scope, caller, requestId). */
export function idempotencyKey(scope: string, openid: string, requestId: string): string {
  const digest = createHash('sha256').update(`${scope}\n${openid}\n${requestId}`).digest('hex');
  return `${scope}_${digest.slice(0, 40)}`;
}

/**
 * An update that replaces objects and arrays whole. CloudBase reads a
 * nested object in an update as "these sub-fields" (and fails on a null
 * parent), so whole values go through `_.set`.
 */
export function replaceFields(command: DbCommand, patch: Record<string, unknown>): Update {
  const update: Update = {};
  for (const [key, value] of Object.entries(patch)) {
    update[key] = value !== null && typeof value === 'object' ? command.set(value) : value;
  }
  return update;
}
