import type { Order } from '../../../core/order/types';
import type { Transaction } from '../../db';
import type { OrderHooks } from '../order/hooks';
import { orderPaidMessage, orderReadyMessage, orderShippedMessage, refundDoneMessage } from './messages';
import { enqueueInTx } from './outbox';

/**
 * Service notifications of an order's changes, enqueued in the change's
 * transaction (the worker sends them later, outside it). A pickup order
 * paid straight into READY_FOR_PICKUP is told both.
 */
export const notifyOrderHooks: OrderHooks = {
  paid: async (tx, order, _deps, now) => {
    await enqueueInTx(tx, orderPaidMessage(order, now), now);
    if (order.status === 'READY_FOR_PICKUP') await enqueueInTx(tx, orderReadyMessage(order, now), now);
  },
  refunded: async (tx, order, _deps, now) => {
    await enqueueInTx(tx, refundDoneMessage(order, now), now);
  },
};

/** For the operator's ship: in the same transaction as the SHIPPED write. */
export async function enqueueShippedInTx(tx: Transaction, order: Order, trackingNo: string | null, now: number): Promise<void> {
  await enqueueInTx(tx, orderShippedMessage(order, trackingNo, now), now);
}
