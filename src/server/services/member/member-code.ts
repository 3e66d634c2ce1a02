import type { MemberCodeView, MemberSummaryView } from '../../../core/contracts/member';
import { tierOfGrowth } from '../../../core/member/tiers';
import type { ServiceDeps } from '../order/deps';
import { pointsBalanceOf } from '../points/ledger';
import { findMemberById, requireMember } from './access';
import { MEMBER_CODE_PERIOD_MS, memberCodeFor, resolveMemberCode } from './code';
import { memberCodeSecret } from './code-secret';
import { memberErrors } from './errors';
import { loadTiers } from './settings';

/** The member's current code; the page shows it until `expiresAt`, then asks again. */
export async function currentMemberCode(deps: ServiceDeps, openid: string): Promise<MemberCodeView> {
  const member = await requireMember(deps.db, openid);
  const now = deps.now();
  const { code, expiresAt } = memberCodeFor(await memberCodeSecret(deps.db, now), member.memberId, now);
  return { code, memberId: member.memberId, expiresAt, periodMs: MEMBER_CODE_PERIOD_MS };
}

/** Staff scanned a member code: who it is (no phone or birthday), or MEMBER_CODE_INVALID. */
export async function lookupMemberByCode(deps: ServiceDeps, code: string): Promise<MemberSummaryView> {
  const now = deps.now();
  const memberId = resolveMemberCode(await memberCodeSecret(deps.db, now), code, now);
  const member = memberId ? await findMemberById(deps.db, memberId) : null;
  if (!member) throw memberErrors.codeInvalid();
  const [tiers, points] = await Promise.all([loadTiers(deps.db), pointsBalanceOf(deps.db, member.openid)]);
  const tier = tierOfGrowth(tiers, member.growth);
  return {
    memberId: member.memberId,
    nickname: member.nickname,
    tier: { id: tier.id, name: tier.name, discountBps: tier.discountBps },
    points,
    growth: member.growth,
  };
}
