import { orderErrors } from '../../../core/order/errors';
import type { Runtime } from '../../kit/types';
import type { PaymentProvider } from './port';

/** A runtime that carries a payment provider (the local cloud's sandbox, or WeChat Pay on CloudBase). */
export type PaymentRuntime = Runtime & { readonly pay?: PaymentProvider };

export function findPaymentProvider(runtime: Runtime): PaymentProvider | null {
  return (runtime as PaymentRuntime).pay ?? null;
}

/** The runtime's provider; PAYMENT_UNAVAILABLE when none is wired. */
export function paymentProviderOf(runtime: Runtime): PaymentProvider {
  const provider = findPaymentProvider(runtime);
  if (!provider) throw orderErrors.paymentUnavailable();
  return provider;
}
