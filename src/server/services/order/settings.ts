import { DEFAULT_REFUND_AUTO_APPROVE_HOURS, MAX_REFUND_AUTO_APPROVE_HOURS } from '../../../core/order/refund-request';
import type { ServiceDeps } from './deps';
import { OrderCollections } from './records';

export const DEFAULT_PAY_MINUTES = 15;
const MAX_PAY_MINUTES = 24 * 60;

/** `settings/order`: operator-editable order settings. */
export interface OrderSettingsDoc {
  payMinutes?: number;
  /** Hours a customer's refund request waits for the operator before the sweep approves it (default 48). */
  refundAutoApproveHours?: number;
}

/**
 * Minutes a customer has to pay: the `settings/order` document's
 * `payMinutes`, else env SIYU_ORDER_PAY_MINUTES, else 15.
 */
export async function orderPayMinutes(deps: ServiceDeps, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { data } = await deps.db.collection<OrderSettingsDoc>(OrderCollections.settings).doc('order').get();
  const fromSettings = validMinutes(data[0]?.payMinutes);
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
  const { data } = await deps.db.collection<OrderSettingsDoc>(OrderCollections.settings).doc('order').get();
  const hours = data[0]?.refundAutoApproveHours;
  return typeof hours === 'number' && Number.isFinite(hours) && hours >= 1 && hours <= MAX_REFUND_AUTO_APPROVE_HOURS
    ? hours
    : DEFAULT_REFUND_AUTO_APPROVE_HOURS;
}
