import { orderErrors } from '../../../core/order/errors';
import type { Runtime } from '../../kit/types';
import type { PaymentProvider } from './port';

export function findPaymentProvider(runtime: Runtime): PaymentProvider | null {
  return runtime.pay ?? null;
}

/** The runtime's provider; PAYMENT_UNAVAILABLE when none is wired. */
export function paymentProviderOf(runtime: Runtime): PaymentProvider {
  const provider = findPaymentProvider(runtime);
  if (!provider) throw orderErrors.paymentUnavailable();
  return provider;
}
