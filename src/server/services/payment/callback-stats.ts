import type { ServiceDeps } from '../order/deps';

/**
 * `payment_callback_stats`: how many events payCallback refused or could not
 * read, one document per kind (`_id` = kind), for operators and tests.
 * Counted with `_.inc` outside any transaction (an atomic update, so bursts
 * do not conflict); a failed count never fails the callback.
 */
export const PAYMENT_CALLBACK_STATS = 'payment_callback_stats';

export type RefusedEventKind = 'malformed' | 'oversize';

export interface PaymentCallbackStatDoc {
  count: number;
  lastAt: number;
}

export async function countRefusedEvent(deps: ServiceDeps, kind: RefusedEventKind): Promise<void> {
  const stats = deps.db.collection<PaymentCallbackStatDoc>(PAYMENT_CALLBACK_STATS);
  const now = deps.now();
  try {
    const { updated } = await stats.doc(kind).update({ count: deps.db.command.inc(1), lastAt: now });
    if (updated === 1) return;
    try {
      await stats.add({ _id: kind, count: 1, lastAt: now });
    } catch {
      // Created meanwhile by another call: count on it.
      await stats.doc(kind).update({ count: deps.db.command.inc(1), lastAt: now });
    }
  } catch (error) {
    deps.log.warn('payment callback stats not counted', { kind, error });
  }
}

/** How many events of `kind` payCallback has refused or stored as malformed. */
export async function refusedEventCount(deps: Pick<ServiceDeps, 'db'>, kind: RefusedEventKind): Promise<number> {
  const { data } = await deps.db.collection<PaymentCallbackStatDoc>(PAYMENT_CALLBACK_STATS).doc(kind).get();
  return data[0]?.count ?? 0;
}
