import type { ServiceDeps } from './deps';
import { OrderCollections } from './records';

export const DEFAULT_PAY_MINUTES = 15;
const MAX_PAY_MINUTES = 24 * 60;

/** `settings/order`: operator-editable order settings. */
export interface OrderSettingsDoc {
  payMinutes?: number;
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
