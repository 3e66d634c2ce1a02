import { tierOfGrowth } from '../../../core/member/tiers';
import { loadMember } from '../member/access';
import { loadTiers } from '../member/settings';
import type { ServiceDeps } from './deps';

/**
 * The caller's member discount in basis points, applied by pricing to the
 * goods: the discount of the member's tier (from their growth and the
 * operators' tier table), 0 for a customer who has not joined. Decided on
 * the server, never taken from the client.
 */
export async function memberDiscountBpsFor(deps: ServiceDeps, openid: string): Promise<number> {
  const member = await loadMember(deps.db, openid);
  if (!member) return 0;
  return tierOfGrowth(await loadTiers(deps.db), member.growth).discountBps;
}
