import type { CardView, MemberCardView } from '../../../core/contracts/member';
import { isBirthMonth } from '../../../core/member/birthday';
import { progressToNext } from '../../../core/member/tiers';
import { expiringSoon } from '../../../core/points/buckets';
import { chinaYear } from '../../../core/points/china-day';
import type { ServiceDeps } from '../order/deps';
import { loadAccount } from '../points/ledger';
import { loadPointsSettings } from '../points/settings';
import { loadMember, type Member } from './access';
import { loadGifts, loadTiers } from './settings';
import { memberProfile, tierView } from './views';

/** The 会员 tab: the member's card, or for a customer who has not joined, the tiers and the join gift. */
export async function memberCard(deps: ServiceDeps, openid: string): Promise<CardView> {
  const member = await loadMember(deps.db, openid);
  if (member) return cardOf(deps, member);
  const [tiers, gifts] = await Promise.all([loadTiers(deps.db), loadGifts(deps.db)]);
  return { joined: false, tiers: tiers.map(tierView), joinGift: gifts.join };
}

export async function cardOf(deps: ServiceDeps, member: Member): Promise<MemberCardView> {
  const now = deps.now();
  const [tiers, account, settings] = await Promise.all([loadTiers(deps.db), loadAccount(deps.db, member.openid), loadPointsSettings(deps.db)]);
  const progress = progressToNext(tiers, member.growth);
  return {
    joined: true,
    member: memberProfile(member),
    growth: member.growth,
    tier: tierView(progress.tier),
    nextTier: progress.next ? tierView(progress.next) : null,
    progress: { remaining: progress.remaining, percent: progress.percent },
    points: {
      balance: account?.balance ?? 0,
      expiringSoon: account ? expiringSoon(account.buckets, now, settings.expiry) : null,
    },
    birthdayGift: {
      inBirthMonth: member.birthday !== null && isBirthMonth(member.birthday, now),
      claimedThisYear: member.birthdayGiftYears.includes(chinaYear(now)),
    },
    tiers: tiers.map(tierView),
  };
}
