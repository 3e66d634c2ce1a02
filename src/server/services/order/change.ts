import { isAppError } from '../../../core/errors';
import type { OrderEvent, OrderStatus } from '../../../core/order/status';
import { planTransition, type TransitionStep } from '../../../core/order/transition';
import type { Order, OrderActor, OrderDoc } from '../../../core/order/types';
import type { Transaction } from '../../db';
import { readOwnOrderInTx } from './access';
import type { ServiceDeps } from './deps';
import { OrderCollections, replaceFields } from './records';
import { refuse, transact, type Refusal } from './transact';

/** What to do to an order: fields to write and other writes in the same transaction. */
export interface OrderChange {
  patch: Partial<OrderDoc>;
  alsoInTx?: (tx: Transaction) => Promise<void>;
}

/** `null`: leave the order as it is (an idempotent repeat). */
export type Decision = OrderChange | Refusal | null;

/**
 * Reads the order in a transaction (ORDER_NOT_FOUND unless `openid` owns it;
 * null = any owner), lets `decide` plan the change from what it read, and
 * writes it. Answers the order as it is afterwards.
 */
export async function changeOrder(
  deps: ServiceDeps,
  orderId: string,
  openid: string | null,
  decide: (order: Order, tx: Transaction) => Decision | Promise<Decision>,
): Promise<Order> {
  return transact(deps.db, async (tx) => {
    const order = await readOwnOrderInTx(tx, openid, orderId);
    if (!('_id' in order)) return order;
    const decision = await decide(order, tx);
    if (decision === null || !('patch' in decision)) return decision ?? order;
    await tx
      .collection<OrderDoc>(OrderCollections.orders)
      .doc(orderId)
      .update(replaceFields(deps.db.command, { ...decision.patch }));
    await decision.alsoInTx?.(tx);
    return { ...order, ...decision.patch };
  });
}

/** The state machine's step as a patch (status, history, updatedAt), or ORDER_STATE_INVALID as a refusal. */
export function step(
  order: Order,
  events: OrderEvent[],
  at: number,
  by: OrderActor,
): { status: OrderStatus; history: OrderDoc['history']; updatedAt: number } | Refusal {
  let planned: TransitionStep;
  try {
    planned = planTransition(order.status, events, at, by, order.refundRequest?.previousStatus);
  } catch (error) {
    if (isAppError(error)) return refuse(error);
    throw error;
  }
  return { status: planned.status, history: [...order.history, ...planned.history], updatedAt: at };
}
