import { formatOrderNo, ORDER_NO_SHARDS, orderNoDay, shardSequence } from '../../../core/order/order-no';
import type { Transaction } from '../../db';

/** `_id` = `<yyyymmdd>:<shard>`: how many numbers that shard handed out that day. */
export const ORDER_NO_COUNTERS = 'order_no_counters';

export interface OrderNoCounterDoc {
  day: string;
  shard: number;
  count: number;
  updatedAt: number;
}

/**
 * The next human order number (core/order/order-no), inside the order's
 * creating transaction: one counter document of ORDER_NO_SHARDS for the day,
 * chosen at random, read and incremented. A re-run reads again (and may pick
 * another shard); a conflicting order on the same shard re-runs, the others
 * never meet.
 */
export async function allocateOrderNoInTx(tx: Transaction, now: number, random: () => number = Math.random): Promise<string> {
  const day = orderNoDay(now);
  const shard = Math.min(ORDER_NO_SHARDS - 1, Math.floor(random() * ORDER_NO_SHARDS));
  const ref = tx.collection<OrderNoCounterDoc>(ORDER_NO_COUNTERS).doc(`${day}:${shard}`);
  const count = (await ref.get()).data?.count ?? 0;
  await ref.set({ day, shard, count: count + 1, updatedAt: now });
  return formatOrderNo(day, shardSequence(shard, count));
}
