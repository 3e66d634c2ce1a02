import { MAX_FLASH_SALE_SHARDS } from '../contracts/flashsale';

/** Shards actually used: never more than units, so no shard starts empty. */
export function effectiveShardCount(requested: number, quantity: number): number {
  return Math.max(1, Math.min(requested, quantity, MAX_FLASH_SALE_SHARDS));
}

/** `quantity` split over `count` shards as evenly as possible (the first ones take the remainder). */
export function splitQuantity(quantity: number, count: number): number[] {
  const base = Math.floor(quantity / count);
  const extra = quantity % count;
  return Array.from({ length: count }, (_, k) => base + (k < extra ? 1 : 0));
}

/**
 * The order a buyer tries shards in: a random first shard (so concurrent
 * buyers spread over K documents), then the others in turn.
 */
export function shardTryOrder(count: number, random: () => number = Math.random): number[] {
  const first = Math.min(count - 1, Math.floor(random() * count));
  return Array.from({ length: count }, (_, i) => (first + i) % count);
}
