import { PaymentNotification, type PaymentCallbackAnswer } from '../../../core/contracts/payment';
import { jsonByteLength, MAX_EVENT_BYTES } from '../../kit/payload';
import type { Runtime } from '../../kit/types';
import type { ServiceDeps } from '../order/deps';
import { OrderCollections } from '../order/records';
import {
  applyPaymentNotification,
  isPaidNotification,
  notificationSeen,
  type PaymentNotificationDoc,
} from './notification';
import { countRefusedEvent } from './callback-stats';
import { findPaymentProvider } from './provider';
import { malformedSummary } from './summary';
import { camelizeWxPayFields } from './wire';

export const ACKNOWLEDGED: PaymentCallbackAnswer = { errcode: 0, errmsg: 'OK' };
const NOT_RECORDED: PaymentCallbackAnswer = { errcode: 1, errmsg: 'NOT_RECORDED' };
/** Over CloudBase's 100 KB event limit: refused unread and unstored (WeChat's notifications are a few hundred bytes). */
export const PAYLOAD_TOO_LARGE: PaymentCallbackAnswer = { errcode: 413, errmsg: 'PAYLOAD_TOO_LARGE' };

/**
 * The payCallback function's body. It answers errcode 0 once the
 * notification is recorded (whatever it did to the order), and non-zero only
 * when it could not be recorded, so that WeChat delivers it again. An event
 * over the 100 KB limit every function enforces is refused (and counted).
 */
export async function handlePaymentCallback(runtime: Runtime, event: unknown): Promise<PaymentCallbackAnswer> {
  const deps: ServiceDeps = { db: runtime.db, now: () => runtime.now(), log: runtime.log };
  const bytes = jsonByteLength(event);
  if (bytes === null || bytes > MAX_EVENT_BYTES) {
    deps.log.warn('payment callback event refused: too large or not serialisable', { bytes, limit: MAX_EVENT_BYTES });
    await countRefusedEvent(deps, 'oversize');
    return PAYLOAD_TOO_LARGE;
  }
  const parsed = PaymentNotification.safeParse(camelizeWxPayFields(event) ?? event);
  if (!parsed.success) return recordMalformed(deps, event);
  const n = parsed.data;
  try {
    const verified = await verify(runtime, deps, n);
    const applied = await applyPaymentNotification(deps, n, verified);
    logOutcome(deps, applied.outcome, applied.replay, n);
    return ACKNOWLEDGED;
  } catch (error) {
    deps.log.error('payment notification not recorded; WeChat will deliver it again', { outTradeNo: n.outTradeNo, error });
    return NOT_RECORDED;
  }
}

/**
 * Asks the provider whether a first-seen SUCCESS notification is real (anyone
 * can call a cloud function with a made-up event). A replay or failure notice
 * needs no asking. On CloudBase a provider that cannot confirm is an error,
 * never a pass; the local cloud without a provider trusts the notification.
 */
async function verify(runtime: Runtime, deps: ServiceDeps, n: PaymentNotification): Promise<boolean | null> {
  if (!isPaidNotification(n)) return null;
  const provider = findPaymentProvider(runtime);
  if (!provider?.queryPayment) {
    if (runtime.name === 'local') return null;
    throw new Error('no payment provider can confirm this notification; wire runtime.pay');
  }
  if (await notificationSeen(deps, n)) return null;
  const status = await provider.queryPayment(n.outTradeNo);
  return status.paid && (status.transactionId === null || status.transactionId === n.transactionId);
}

function logOutcome(deps: ServiceDeps, outcome: string, replay: boolean, n: PaymentNotification): void {
  const fields = { outTradeNo: n.outTradeNo, transactionId: n.transactionId, totalFee: n.totalFee, outcome, replay };
  if (replay) deps.log.info('payment notification replayed', fields);
  else if (outcome === 'PAID' || outcome === 'NOT_PAID') deps.log.info('payment notification applied', fields);
  else if (outcome === 'REFUND_DUE' || outcome === 'DUPLICATE' || outcome === 'DUPLICATE_PAYMENT') deps.log.warn('payment notification applied', fields);
  else deps.log.error('payment notification refused', fields);
}

/** Stored as a bounded summary (summary.ts) and counted, then acknowledged: WeChat would only deliver it again. */
async function recordMalformed(deps: ServiceDeps, event: unknown): Promise<PaymentCallbackAnswer> {
  const raw = event !== null && typeof event === 'object' && !Array.isArray(event) ? (event as Record<string, unknown>) : {};
  const now = deps.now();
  const summary = malformedSummary(event);
  try {
    const doc: PaymentNotificationDoc = {
      outTradeNo: typeof raw.outTradeNo === 'string' ? raw.outTradeNo.slice(0, 64) : '',
      transactionId: null,
      resultCode: '',
      totalFee: null,
      outcome: 'MALFORMED',
      deliveries: 1,
      firstAt: now,
      lastAt: now,
      raw: { ...summary },
    };
    await deps.db.collection<PaymentNotificationDoc>(OrderCollections.paymentNotifications).add(doc);
    await countRefusedEvent(deps, 'malformed');
    deps.log.error('malformed payment notification recorded', { keys: summary.keys, bytes: summary.bytes });
    return ACKNOWLEDGED;
  } catch (error) {
    deps.log.error('malformed payment notification could not be recorded', { error });
    return NOT_RECORDED;
  }
}
