import type { AppError } from '../../../core/errors';
import type { Order } from '../../../core/order/types';
import type { Transaction } from '../../db';
import { step, type Decision } from './change';
import type { ServiceDeps } from './deps';
import { runOrderHooks } from './hooks';
import { releasePickupCodeInTx } from './pickup-code';
import { refuse, Refusal } from './transact';

/** Whether the order was handed to its customer (a store's pickup, a community leader's hand-out). */
export const pickedUp = (order: Order): boolean => order.history.some((entry) => entry.event === 'pickUp');

/**
 * The hand-over of a READY_FOR_PICKUP order, decided inside changeOrder's
 * transaction: COMPLETED by `pickUp`, its pickup code released, `alsoInTx`
 * (the caller's own record, e.g. the staff audit) and the `completed` hooks
 * (invite rewards) in the same transaction. A repeat of a hand-over already
 * made is null (nothing changes); any other status is `stateInvalid`.
 * Shared by the store's pickup (staff/pickup) and the leader's hand-out (community/handout).
 */
export function handOverDecision(
  deps: ServiceDeps,
  current: Order,
  now: number,
  stateInvalid: () => AppError,
  alsoInTx?: (tx: Transaction) => Promise<void>,
): Decision {
  if (current.status === 'COMPLETED' && pickedUp(current)) return null;
  if (current.status !== 'READY_FOR_PICKUP') return refuse(stateInvalid());
  const next = step(current, ['pickUp'], now, 'system');
  if (next instanceof Refusal) return next;
  const patch = { ...next, completedAt: now };
  return {
    patch,
    alsoInTx: async (tx) => {
      await releasePickupCodeInTx(tx, current, now);
      await alsoInTx?.(tx);
      await runOrderHooks('completed', tx, { ...current, ...patch }, deps, now);
    },
  };
}

/** Whether a decision changes the order (not a refusal, not an idempotent repeat). */
export const changes = (decision: Decision): boolean => decision !== null && !(decision instanceof Refusal);
