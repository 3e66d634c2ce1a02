import type { DailyFigures } from '../../../core/stats/figures';

export const StatsCollections = {
  /** `_id` = `<day>:<shard>` (core/stats/shards): one shard of a day's rollup; all shards of a day summed on read. */
  daily: 'stats_daily',
  /** `_id` = openid: the days (Shanghai) the member paid on, the last 62, for distinct paying customers (core/stats/payers). */
  payers: 'stats_payers',
} as const;

export type DailyShardDoc = DailyFigures & { shard: number; updatedAt: number };

export interface PayerDoc {
  openid: string;
  paidDays: string[];
  updatedAt: number;
}
