import type { OrderView } from '../../core/contracts/order';
import { call } from '../../api';

const POLL_INTERVAL_MS = 400;
export const PAYMENT_WAIT_MS = 5000;

/**
 * The payment notification reaches the order asynchronously: reads the order
 * until it leaves PENDING_PAYMENT or `timeoutMs` passes, and answers the last read.
 */
export async function waitForPayment(orderId: string, timeoutMs = PAYMENT_WAIT_MS): Promise<OrderView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const order = await call('order', 'get', { orderId });
    if (order.status !== 'PENDING_PAYMENT' || Date.now() >= deadline) return order;
    await new Promise((done) => setTimeout(done, POLL_INTERVAL_MS));
  }
}
