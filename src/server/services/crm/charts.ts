import type { MemberCharts } from '../../../core/contracts/crm';
import { LIFECYCLE_STAGES, type LifecycleStage } from '../../../core/crm/lifecycle';
import type { MemberProfileDoc } from '../../../core/crm/profile';
import { ALL_RFM_CLASSES } from '../../../core/crm/rfm';
import { chinaMonth } from '../../../core/points/china-day';
import type { ServiceDeps } from '../order/deps';
import { CrmCollections, type StageHistoryDoc } from './records';

const COHORT_MONTHS = 12;
const HISTORY_DAYS = 60;
const OFFSET_MS = 8 * 3_600_000;

/** The first instant (epoch ms) of a Shanghai month `YYYY-MM`. */
const monthStart = (month: string): number => Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1) - OFFSET_MS;
const monthBefore = (month: string, n: number): string => {
  const d = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 - n, 1));
  return d.toISOString().slice(0, 7);
};

/**
 * crm.charts: counts by RFM class and stage (one indexed count each), the
 * stage counts the daily re-score left per day, and for each of the last 12
 * months of first orders the members and those who ordered again.
 */
export async function memberCharts(deps: ServiceDeps): Promise<MemberCharts> {
  const _ = deps.db.command;
  const profiles = deps.db.collection<MemberProfileDoc>(CrmCollections.profiles);
  const count = async (where: object) => (await profiles.where(where).count()).total;
  const thisMonth = chinaMonth(deps.now());
  const months = Array.from({ length: COHORT_MONTHS }, (_, i) => monthBefore(thisMonth, COHORT_MONTHS - 1 - i));
  const [total, rfm, lifecycle, history, cohorts] = await Promise.all([
    profiles.count().then((r) => r.total),
    Promise.all(ALL_RFM_CLASSES.map(async (c) => ({ class: c, count: await count({ 'rfm.class': c }) }))),
    Promise.all(LIFECYCLE_STAGES.map(async (stage) => ({ stage, count: await count({ lifecycle: stage }) }))),
    deps.db.collection<StageHistoryDoc>(CrmCollections.stageHistory).orderBy('day', 'desc').limit(HISTORY_DAYS).get().then((r) => r.data),
    Promise.all(
      months.map(async (month) => {
        const inMonth = { 'stats.firstPaidAt': _.gte(monthStart(month)).and(_.lt(monthStart(monthBefore(month, -1)))) };
        const members = await count({ netOrders: _.gte(1), ...inMonth });
        const repeaters = await count({ netOrders: _.gte(2), ...inMonth });
        return { month, members, repeaters, repeatRate: members > 0 ? repeaters / members : 0 };
      }),
    ),
  ]);
  return {
    total,
    rfm,
    lifecycle,
    lifecycleHistory: history
      .reverse()
      .map((h) => ({ day: h.day, counts: Object.fromEntries(LIFECYCLE_STAGES.map((s) => [s, h.counts[s] ?? 0])) as Record<LifecycleStage, number> })),
    cohorts,
  };
}
