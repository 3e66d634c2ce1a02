import type { OrderKind } from '../../../core/order/kind';
import { addDaily, emptyDaily } from '../../../core/stats/figures';
import { dailyDocId, shardOfCause } from '../../../core/stats/shards';
import type { Transaction, Update } from '../../db';
import type { ServiceDeps } from '../order/deps';
import { StatsCollections, type DailyShardDoc } from './records';

/** What one cause adds to one day's rollup. */
export interface RollupDelta {
  gmvFen?: number;
  paidOrders?: number;
  refundFen?: number;
  refundOrders?: number;
  newMembers?: number;
  /** gap bucket → ±1 (core/stats/payers). */
  payers?: Record<number, number>;
  kind?: { kind: OrderKind; gmvFen: number; paidOrders: number };
}

const SCALARS = ['gmvFen', 'paidOrders', 'refundFen', 'refundOrders', 'newMembers'] as const;

/**
 * Adds `delta` to the shard of `day` chosen by `cause` (`paid:<orderId>`…),
 * inside the caller's transaction: one document read and one written. The
 * same cause always picks the same shard, so a re-run writes what the first
 * run would have; the caller's own transition (order paid once, member
 * created once) is what keeps a cause from counting twice.
 */
export async function addToRollupInTx(tx: Transaction, deps: ServiceDeps, day: string, cause: string, delta: RollupDelta, now: number): Promise<void> {
  const shard = shardOfCause(cause);
  const ref = tx.collection<DailyShardDoc>(StatsCollections.daily).doc(dailyDocId(day, shard));
  const current = (await ref.get()).data;
  if (!current) {
    const figures = addDaily(emptyDaily(day), {
      ...delta,
      payers: delta.payers,
      kinds: delta.kind ? { [delta.kind.kind]: { gmvFen: delta.kind.gmvFen, paidOrders: delta.kind.paidOrders } } : {},
    });
    await ref.set({ ...figures, shard, updatedAt: now });
    return;
  }
  const _ = deps.db.command;
  const update: Update = { updatedAt: now };
  for (const field of SCALARS) if (delta[field]) update[field] = _.inc(delta[field] as number);
  for (const [bucket, n] of Object.entries(delta.payers ?? {})) if (n) update[`payers.${bucket}`] = _.inc(n);
  if (delta.kind) {
    update[`kinds.${delta.kind.kind}.gmvFen`] = _.inc(delta.kind.gmvFen);
    update[`kinds.${delta.kind.kind}.paidOrders`] = _.inc(delta.kind.paidOrders);
  }
  await ref.update(update);
}
