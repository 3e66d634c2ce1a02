import type { AppError } from '../../../core/errors';
import type { Db, Transaction } from '../../db';

/** A business refusal decided inside a transaction, before it wrote anything. */
export class Refusal {
  constructor(readonly error: AppError) {}
}

export const refuse = (error: AppError): Refusal => new Refusal(error);

/**
 * Runs `work` in a transaction (CloudBase may run it more than once, so it
 * has no side effects outside the transaction). `work` returns a Refusal
 * instead of throwing, so a refusal never depends on how an engine wraps a
 * thrown error; it then commits nothing, having written nothing.
 */
export async function transact<R>(db: Db, work: (tx: Transaction) => Promise<R | Refusal>): Promise<R> {
  const result = await db.runTransaction(work);
  if (result instanceof Refusal) throw result.error;
  return result;
}
