import { call } from '../../../api';
import type { OrderView } from '../../../core/contracts/order';
import { waitForPayment } from '../../../components/pay-sheet/wait-for-payment';

export interface PayResult {
  order: OrderView;
  /** Points this order earned (`earn:<orderId>` in the ledger); null when none (not a member, or nothing earned). */
  points: number | null;
}

/** The paid order and what it earned; the points are decoration, a failing ledger shows none. */
export async function loadPayResult(orderId: string): Promise<PayResult> {
  const order = await waitForPayment(orderId, 3000);
  const ledger = await call('points', 'ledger', { kind: 'earn', pageSize: 10 }).catch(() => null);
  const entry = ledger?.items.find((e) => e.id === `earn:${orderId}`);
  return { order, points: entry ? entry.delta : null };
}
