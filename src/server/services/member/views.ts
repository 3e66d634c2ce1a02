import type { MemberProfile, TierView } from '../../../core/contracts/member';
import { tierBenefits, type MemberTier } from '../../../core/member/tiers';
import type { MemberDoc } from './records';

export const tierView = (tier: MemberTier): TierView => ({ ...tier, benefits: tierBenefits(tier) });

/** 13800000000 → 138****0000. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

export function memberProfile(member: MemberDoc): MemberProfile {
  return {
    memberId: member.memberId,
    nickname: member.nickname,
    phone: maskPhone(member.phone),
    birthday: member.birthday,
    joinedAt: member.joinedAt,
  };
}
