import { getRuntime } from '../../src/server/kit';
import type { PaymentCallbackAnswer } from '../../src/core/contracts/payment';
import { handlePaymentCallback } from '../../src/server/services/payment/callback';

/**
 * Receives CloudBase cloudPay's payment notification (not `{action, data}`, so
 * not through createFunction: the 100 KB event limit is applied in
 * handlePaymentCallback). Answers `{errcode: 0, errmsg: 'OK'}` once it is
 * recorded; anything else makes WeChat deliver it again.
 */
export async function main(event: unknown, _context?: unknown): Promise<PaymentCallbackAnswer> {
  try {
    return await handlePaymentCallback(getRuntime(), event);
  } catch (error) {
    console.error(JSON.stringify({ level: 'error', message: 'payCallback failed before recording', error: String(error) }));
    return { errcode: 1, errmsg: 'NOT_RECORDED' };
  }
}
