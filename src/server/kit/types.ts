import type { z } from 'zod';
import type { Db } from '../db';
import type { Notifier } from '../services/notify/port';
import type { PaymentProvider } from '../services/payment/port';
import type { FileStorage } from '../services/storage/port';

/** Every signed-in caller is a customer; staff and operator are granted records in `roles`. */
export type Role = 'customer' | 'staff' | 'operator' | 'system';

export interface Caller {
  /** WeChat openid; `null` only for the system (timer triggers). */
  openid: string | null;
  roles: Role[];
  /** Stores this caller is staff of (empty unless role staff). */
  staffStoreIds: string[];
}

/** The context object CloudBase passes to `main(event, context)`. */
export interface FunctionContext {
  request_id?: string;
  requestId?: string;
  function_name?: string;
  /** `KEY=value;KEY=value` as CloudBase puts it; carries WX_OPENID for mini-program calls. */
  environ?: string;
  [key: string]: unknown;
}

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/**
 * What a function needs from the platform. Production builds it on
 * @cloudbase/node-sdk (src/server/cloudbase); the local cloud installs its own
 * (src/server/local). Later issues extend it (pay, open APIs).
 */
export interface Runtime {
  readonly name: 'cloudbase' | 'local';
  readonly db: Db;
  /** The caller's openid from the CloudBase context, or null when there is none. */
  openidOf(context: FunctionContext): string | null;
  /** Epoch ms; replaceable in tests. */
  now(): number;
  readonly log: Logger;
  /** The payment provider: WeChat Pay on CloudBase, the sandbox locally; absent when not configured. */
  readonly pay?: PaymentProvider;
  /** Subscribe messages: WeChat on CloudBase, the inbox locally; absent when not configured. */
  readonly notifier?: Notifier;
  /** Cloud storage (`putFile`, `tempUrl`): CloudBase storage, or files under the local cloud's data directory. */
  readonly storage?: FileStorage;
}

export interface ActionContext {
  caller: Caller;
  db: Db;
  runtime: Runtime;
  requestId: string;
  now(): number;
  log: Logger;
}

export interface Route<S extends z.ZodType = z.ZodType, R = unknown> {
  schema: S;
  roles: readonly Role[];
  handler(input: z.infer<S>, ctx: ActionContext): Promise<R>;
}

export type Routes = Record<string, Route<any, any>>;

/** `{ action, data }` from callers; a timer trigger sends CloudBase's `{ Type: 'Timer', TriggerName, Time }`. */
export interface FunctionEvent {
  action?: unknown;
  data?: unknown;
  Type?: unknown;
  TriggerName?: unknown;
  [key: string]: unknown;
}
