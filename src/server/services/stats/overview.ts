import type { StatsOverview } from '../../../core/contracts/stats';
import { sumByDay, type DailyFigures } from '../../../core/stats/figures';
import { overviewOf } from '../../../core/stats/overview';
import { rangeWindows, type StatsRange } from '../../../core/stats/range';
import type { Db } from '../../db';
import { readPages } from '../../kit/read-pages';
import type { ServiceDeps } from '../order/deps';
import { StatsCollections, type DailyShardDoc } from './records';

const PAGE = 1000;

/**
 * `stats.overview`: the range and its previous period from the daily rollup
 * shards of those days (one indexed range query on `day`: at most
 * 60 days × 8 shards = 480 documents, one page), never from the orders.
 */
export async function statsOverview(deps: ServiceDeps, range: StatsRange): Promise<StatsOverview> {
  const now = deps.now();
  const { current, previous } = rangeWindows(range, now);
  const byDay = await loadDays(deps.db, previous.from, current.to);
  return overviewOf(range, now, byDay);
}

/** Every shard of the days `from`…`to` (inclusive), summed per day. */
export async function loadDays(db: Db, from: string, to: string): Promise<Map<string, DailyFigures>> {
  const _ = db.command;
  const query = db.collection<DailyShardDoc>(StatsCollections.daily).where({ day: _.gte(from).and(_.lte(to)) });
  const shards = await readPages(async (skip, limit) => (await query.orderBy('day', 'asc').skip(skip).limit(limit).get()).data, PAGE);
  return sumByDay(shards);
}
