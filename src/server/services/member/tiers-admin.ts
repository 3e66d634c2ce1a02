import type { TiersView } from '../../../core/contracts/member';
import type { MemberTier } from '../../../core/member/tiers';
import type { ServiceDeps } from '../order/deps';
import { MemberCollections } from './records';
import { TIERS_SETTINGS_ID, type TiersSettingsDoc } from './settings';
import { tierView } from './views';

/**
 * Operators replace the tier table (validated by the contract). Members keep
 * their growth; their tier follows the new thresholds from the next read.
 */
export async function setTiers(deps: ServiceDeps, operatorOpenid: string | null, tiers: MemberTier[]): Promise<TiersView> {
  const doc: TiersSettingsDoc = { tiers, updatedAt: deps.now(), updatedBy: operatorOpenid };
  await deps.db.collection<TiersSettingsDoc>(MemberCollections.settings).doc(TIERS_SETTINGS_ID).set(doc);
  deps.log.info('member tiers set', { tiers: tiers.map((t) => `${t.id}@${t.minGrowth}`).join(',') });
  return { tiers: tiers.map(tierView) };
}
