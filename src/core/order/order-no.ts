import { chinaDay } from '../points/china-day';

/**
 * Human order numbers: `20261201-0042`, the Shanghai day the order was placed
 * and a sequence within that day. Customers and staff read, say and type
 * these; the `_id` (WeChat Pay's out_trade_no) stays internal.
 *
 * The sequence comes from ORDER_NO_SHARDS counter documents per day
 * (services/order/order-no): one hot document would make every order of a
 * flash sale conflict on CloudBase. Shard `s` hands out `n·K + s + 1` for its
 * n-th order, so numbers never collide across shards and the shard is
 * encoded in the number itself (`(seq − 1) mod K`). Numbers are unique per
 * day, increasing per shard, but not gap-free.
 */
export const ORDER_NO_SHARDS = 8;
const SEQ_DIGITS = 4;

export const ORDER_NO_PATTERN = /^\d{8}-\d{4,}$/;

/** `20261201` for an instant. */
export const orderNoDay = (ms: number): string => chinaDay(ms).replace(/-/g, '');

/** The sequence number shard `shard` gives to its `n`-th order of a day (n from 0). */
export const shardSequence = (shard: number, n: number): number => n * ORDER_NO_SHARDS + shard + 1;

export const formatOrderNo = (day: string, seq: number): string => `${day}-${String(seq).padStart(SEQ_DIGITS, '0')}`;

/** A typed or scanned order number, cleaned (spaces, full-width dash), or null when it is not one. */
export function parseOrderNo(text: string): string | null {
  const cleaned = text.trim().replace(/[\s]/g, '').replace(/[－—–]/g, '-');
  if (ORDER_NO_PATTERN.test(cleaned)) return cleaned;
  // Typed without the dash: 12 or more digits, the first 8 a day.
  if (/^\d{12,}$/.test(cleaned)) return `${cleaned.slice(0, 8)}-${cleaned.slice(8)}`;
  return null;
}

/**
 * What to show for an order: its number, or for an order from before
 * numbers, the Shanghai time it was placed to the second (never the raw id).
 */
export function displayOrderNo(order: { orderNo?: string | null; createdAt: number }): string {
  if (order.orderNo) return order.orderNo;
  const shanghai = new Date(order.createdAt + 8 * 60 * 60 * 1000).toISOString();
  return `${shanghai.slice(0, 10).replace(/-/g, '')}-${shanghai.slice(11, 19).replace(/:/g, '')}`;
}
