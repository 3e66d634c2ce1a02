import { transitionOrder, type OrderEvent, type OrderStatus } from './status';
import type { OrderActor, OrderHistoryEntry } from './types';

export interface TransitionStep {
  status: OrderStatus;
  history: OrderHistoryEntry[];
}

/**
 * Applies `events` in order from `status` (each checked by the state
 * machine; ORDER_STATE_INVALID on the first refused one) and answers the new
 * status with the history entries to append.
 */
export function planTransition(
  status: OrderStatus,
  events: OrderEvent[],
  at: number,
  by: OrderActor,
  /** The status a refund request came from (`order.refundRequest.previousStatus`), for the events that go back to it. */
  previous?: OrderStatus | null,
): TransitionStep {
  let current = status;
  const history: OrderHistoryEntry[] = [];
  for (const event of events) {
    const next = transitionOrder(current, event, previous);
    history.push({ event, from: current, to: next, at, by });
    current = next;
  }
  return { status: current, history };
}
