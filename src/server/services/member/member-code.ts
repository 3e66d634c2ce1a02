import type { MemberCodeView, MemberSummaryView } from '../../../core/contracts/member';
import { looksLikeMemberQr } from '../../../core/member/code-format';
import { tierOfGrowth } from '../../../core/member/tiers';
import type { Db } from '../../db';
import type { ServiceDeps } from '../order/deps';
import { pointsBalanceOf } from '../points/ledger';
import { findMemberById, requireMember, type Member } from './access';
import { MEMBER_CODE_PERIOD_MS, memberCodeFor, resolveMemberCode } from './code';
import { memberCodeSecret } from './code-secret';
import { memberErrors } from './errors';
import { issueNumericMemberCode, resolveNumericMemberCode } from './numeric-code';
import { loadTiers } from './settings';

/** The member's current code, as a QR payload and as digits; the page shows it until `expiresAt`, then asks again. */
export async function currentMemberCode(deps: ServiceDeps, openid: string): Promise<MemberCodeView> {
  const member = await requireMember(deps.db, openid);
  const now = deps.now();
  const secret = await memberCodeSecret(deps.db, now);
  const { code, expiresAt } = memberCodeFor(secret, member.memberId, now);
  const numericCode = await issueNumericMemberCode(deps.db, secret, member.memberId, now);
  return { code, numericCode, memberId: member.memberId, expiresAt, periodMs: MEMBER_CODE_PERIOD_MS };
}

/** The member of a live code in either spelling (the QR payload or the typed digits), else null. */
export async function memberOfAnyCode(db: Db, code: string, now: number): Promise<Member | null> {
  const memberId = looksLikeMemberQr(code)
    ? resolveMemberCode(await memberCodeSecret(db, now), code, now)
    : await resolveNumericMemberCode(db, code, now);
  return memberId ? findMemberById(db, memberId) : null;
}

/** Staff scanned a member code: who it is (no phone or birthday), or MEMBER_CODE_INVALID. */
export async function lookupMemberByCode(deps: ServiceDeps, code: string): Promise<MemberSummaryView> {
  const member = await memberOfAnyCode(deps.db, code, deps.now());
  if (!member) throw memberErrors.codeInvalid();
  return summaryOfMember(deps.db, member);
}

/** What staff see of a member: nickname, tier, points, growth. */
export async function summaryOfMember(db: Db, member: Member): Promise<MemberSummaryView> {
  const [tiers, points] = await Promise.all([loadTiers(db), pointsBalanceOf(db, member.openid)]);
  const tier = tierOfGrowth(tiers, member.growth);
  return {
    memberId: member.memberId,
    nickname: member.nickname,
    tier: { id: tier.id, name: tier.name, discountBps: tier.discountBps },
    points,
    growth: member.growth,
  };
}
