import type { Transaction } from '../../db';
import { NotifyCollections, type OutboxDoc, type OutboxEntry } from './records';

/**
 * Writes the entry in the caller's transaction unless its id exists
 * (set-if-absent): the cause's id makes a repeat of the cause a no-op.
 * Answers whether it was written.
 */
export async function enqueueInTx(tx: Transaction, entry: OutboxEntry, now: number): Promise<boolean> {
  const ref = tx.collection<OutboxDoc>(NotifyCollections.outbox).doc(entry.id);
  if ((await ref.get()).data) return false;
  await ref.set({
    openid: entry.openid,
    template: entry.template,
    data: entry.data,
    page: entry.page,
    status: 'PENDING',
    attempts: 0,
    nextAttemptAt: now,
    lastError: null,
    claim: null,
    quotaHeld: false,
    createdAt: now,
    updatedAt: now,
    sentAt: null,
  });
  return true;
}
