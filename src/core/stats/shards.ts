/**
 * Daily rollups are sharded like flash-sale stock (DESIGN.md "How contexts
 * meet"): K documents per day, summed on read, so that a hot day's payments
 * do not all write one document. The shard is chosen per cause (a hash of
 * e.g. `paid:<orderId>`), not by Math.random: a re-run of the transaction
 * writes the same shard, and different orders still spread evenly.
 */
export const STATS_SHARDS = 8;

/** FNV-1a, 32 bits: cheap, stable across engines, well spread for ids. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export const shardOfCause = (cause: string, shards: number = STATS_SHARDS): number => fnv1a(cause) % shards;

/** `_id` of one shard of a day's rollup: `2025-01-06:3`. */
export const dailyDocId = (day: string, shard: number): string => `${day}:${shard}`;
