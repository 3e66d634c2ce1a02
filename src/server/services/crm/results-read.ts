import type { ArmResult, CampaignResults } from '../../../core/contracts/crm';
import type { Arm } from '../../../core/crm/holdout';
import { computeUplift, type ArmSample } from '../../../core/crm/uplift';
import { chinaDay, DAY_MS } from '../../../core/points/china-day';
import type { Db } from '../../db';
import { readPages } from '../../kit/read-pages';
import { CrmCollections, type CampaignDoc, type ResultShardDoc } from './records';

const PAGE = 1000;

function shardsOf(db: Db, campaignId: string): Promise<ResultShardDoc[]> {
  const query = db.collection<ResultShardDoc>(CrmCollections.results).where({ campaignId });
  return readPages(async (skip, limit) => (await query.orderBy('day', 'asc').skip(skip).limit(limit).get()).data, PAGE);
}

type Sums = { converted: number; gmvFen: number; gmvSqFen: number; redeemed: number };
const zero = (): Sums => ({ converted: 0, gmvFen: 0, gmvSqFen: 0, redeemed: 0 });

function armResult(members: number, sums: Sums): ArmResult {
  return {
    members,
    converted: sums.converted,
    gmvFen: sums.gmvFen,
    conversionRate: members > 0 ? sums.converted / members : 0,
    gmvPerMemberFen: members > 0 ? Math.round(sums.gmvFen / members) : 0,
    couponsRedeemed: sums.redeemed,
  };
}

/**
 * A campaign's measured results: the arms' members (counted at delivery),
 * the members who paid within their window and what they paid (summed from
 * the result shards), the uplift with its 95 % intervals and the verdict,
 * and the cumulative conversion per day for the chart.
 */
export async function campaignResults(db: Db, campaignId: string, campaign: CampaignDoc, now: number): Promise<CampaignResults> {
  const shards = await shardsOf(db, campaignId);
  const totals: Record<Arm, Sums> = { target: zero(), holdout: zero() };
  const byDay = new Map<string, Record<Arm, { converted: number; gmvFen: number }>>();
  for (const shard of shards) {
    const t = totals[shard.arm];
    t.converted += shard.converted;
    t.gmvFen += shard.gmvFen;
    t.gmvSqFen += shard.gmvSqFen;
    t.redeemed += shard.redeemed;
    const day = byDay.get(shard.day) ?? { target: { converted: 0, gmvFen: 0 }, holdout: { converted: 0, gmvFen: 0 } };
    day[shard.arm].converted += shard.converted;
    day[shard.arm].gmvFen += shard.gmvFen;
    byDay.set(shard.day, day);
  }
  const sample = (arm: Arm): ArmSample => ({ members: campaign.counters[arm], ...totals[arm] });
  const uplift = computeUplift(sample('target'), sample('holdout'));
  return {
    target: armResult(campaign.counters.target, totals.target),
    holdout: armResult(campaign.counters.holdout, totals.holdout),
    uplift: uplift.uplift,
    ci95: uplift.ci95,
    verdict: uplift.verdict,
    windowDays: campaign.windowDays,
    daily: cumulativeDays(byDay, Math.min(campaign.startAt, now), now, campaign),
  };
}

function cumulativeDays(
  byDay: Map<string, Record<Arm, { converted: number; gmvFen: number }>>,
  from: number,
  now: number,
  campaign: CampaignDoc,
): CampaignResults['daily'] {
  const last = Math.min(now, (campaign.deliveredAt ?? now) + campaign.windowDays * DAY_MS);
  const days: CampaignResults['daily'] = [];
  const running = { target: { converted: 0, gmvFen: 0 }, holdout: { converted: 0, gmvFen: 0 } };
  for (let at = from, n = 0; at <= last + DAY_MS && n < 120; at += DAY_MS, n += 1) {
    const day = chinaDay(at);
    if (days.length > 0 && days[days.length - 1].day === day) continue;
    if (day > chinaDay(last)) break;
    const today = byDay.get(day);
    for (const arm of ['target', 'holdout'] as const) {
      running[arm].converted += today?.[arm].converted ?? 0;
      running[arm].gmvFen += today?.[arm].gmvFen ?? 0;
    }
    days.push({ day, target: { ...running.target }, holdout: { ...running.holdout } });
  }
  return days;
}
