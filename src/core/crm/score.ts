import { DAY_MS } from '../points/china-day';
import { lifecycleOf, type LifecycleStage } from './lifecycle';
import { rfmOf, type RfmScore } from './rfm';
import type { CrmSettings } from './settings';
import { netFenOf, netOrdersOf, type MemberStats } from './stats';

const daysSince = (at: number | null, now: number): number | null => (at === null ? null : Math.max(0, Math.floor((now - at) / DAY_MS)));

/** R, F, M, the class and the lifecycle stage of a member's figures at `now`. */
export function scoreMember(stats: MemberStats, now: number, settings: CrmSettings): { rfm: RfmScore; lifecycle: LifecycleStage } {
  const netOrders = netOrdersOf(stats);
  const daysSinceLast = daysSince(stats.lastPaidAt, now);
  return {
    rfm: rfmOf({ daysSinceLast, netOrders, netFen: netFenOf(stats) }, settings.rfm),
    lifecycle: lifecycleOf({ netOrders, daysSinceFirst: daysSince(stats.firstPaidAt, now), daysSinceLast }, settings.lifecycle),
  };
}
