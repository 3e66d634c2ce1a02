import { DEFAULT_PAY_MINUTES, MAX_PAY_MINUTES } from '../../../core/contracts/settings';
import { DEFAULT_REFUND_AUTO_APPROVE_HOURS, MAX_REFUND_AUTO_APPROVE_HOURS } from '../../../core/order/refund-request';
import type { Transaction } from '../../db';
import type { ServiceDeps } from './deps';
import { OrderCollections } from './records';

export { DEFAULT_PAY_MINUTES, MAX_PAY_MINUTES };
export const ORDER_SETTINGS_ID = 'order';

/** `settings/order`: operator-editable order settings. */
export interface OrderSettingsDoc {
  payMinutes?: number;
  /** Hours a customer's refund request waits for the operator before the sweep approves it (default 48). */
  refundAutoApproveHours?: number;
  updatedAt?: number;
  updatedBy?: string;
}

/** What operators edit (system.settings); every reader below reads the document on each call, never caches it. */
export interface OrderSettings {
  payMinutes: number;
  refundAutoApproveHours: number;
}

/**
 * Minutes a customer has to pay: the `settings/order` document's
 * `payMinutes`, else env SIYU_ORDER_PAY_MINUTES, else 15.
 */
export async function orderPayMinutes(deps: ServiceDeps, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { data } = await deps.db.collection<OrderSettingsDoc>(OrderCollections.settings).doc(ORDER_SETTINGS_ID).get();
  return payMinutesFrom(data[0], deps, env);
}

function payMinutesFrom(doc: OrderSettingsDoc | null | undefined, deps: Pick<ServiceDeps, 'log'>, env: NodeJS.ProcessEnv): number {
  const fromSettings = validMinutes(doc?.payMinutes);
  if (fromSettings !== null) return fromSettings;
  const fromEnv = validMinutes(env.SIYU_ORDER_PAY_MINUTES === undefined ? undefined : Number(env.SIYU_ORDER_PAY_MINUTES));
  if (env.SIYU_ORDER_PAY_MINUTES !== undefined && fromEnv === null) {
    deps.log.warn('ignoring invalid SIYU_ORDER_PAY_MINUTES', { value: env.SIYU_ORDER_PAY_MINUTES });
  }
  return fromEnv ?? DEFAULT_PAY_MINUTES;
}

function validMinutes(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= MAX_PAY_MINUTES ? value : null;
}

/** `settings/order`'s `refundAutoApproveHours` (1 h – 30 days), else 48. */
export async function refundAutoApproveHours(deps: Pick<ServiceDeps, 'db'>): Promise<number> {
  const { data } = await deps.db.collection<OrderSettingsDoc>(OrderCollections.settings).doc(ORDER_SETTINGS_ID).get();
  return autoApproveHoursFrom(data[0]);
}

function autoApproveHoursFrom(doc: OrderSettingsDoc | null | undefined): number {
  const hours = doc?.refundAutoApproveHours;
  return typeof hours === 'number' && Number.isFinite(hours) && hours >= 1 && hours <= MAX_REFUND_AUTO_APPROVE_HOURS
    ? hours
    : DEFAULT_REFUND_AUTO_APPROVE_HOURS;
}

export async function loadOrderSettingsInTx(tx: Transaction, deps: Pick<ServiceDeps, 'log'>, env: NodeJS.ProcessEnv = process.env): Promise<OrderSettings> {
  const { data } = await tx.collection<OrderSettingsDoc>(OrderCollections.settings).doc(ORDER_SETTINGS_ID).get();
  return { payMinutes: payMinutesFrom(data, deps, env), refundAutoApproveHours: autoApproveHoursFrom(data) };
}

/** Writes the operator's (validated) values; fields not given keep their stored value. */
export async function writeOrderSettingsInTx(tx: Transaction, patch: Partial<OrderSettings>, by: string, at: number): Promise<void> {
  const ref = tx.collection<OrderSettingsDoc>(OrderCollections.settings).doc(ORDER_SETTINGS_ID);
  const { data } = await ref.get();
  const { _id: _ignored, ...kept } = (data ?? {}) as OrderSettingsDoc & { _id?: string };
  await ref.set({ ...kept, ...patch, updatedAt: at, updatedBy: by });
}
