import type { MemberTier } from '../../../core/member/tiers';
import { tierOfGrowth } from '../../../core/member/tiers';
import type { Channel } from '../../../core/crm/channel';
import { matchesFilter, type MemberFilter } from '../../../core/crm/filter';
import { sortKeysOf, type MemberProfileDoc, type OpenDelivery } from '../../../core/crm/profile';
import { scoreMember } from '../../../core/crm/score';
import type { CrmSettings } from '../../../core/crm/settings';
import { aovFenOf, netFenOf, netOrdersOf, topCategoriesOf, EMPTY_STATS, type MemberStats } from '../../../core/crm/stats';
import type { MemberDoc } from '../member/records';

/** What deriving a profile needs besides the profile: read once per transaction or per chunk. */
export interface DeriveContext {
  settings: CrmSettings;
  tiers: readonly MemberTier[];
  ruleTags: ReadonlyArray<{ name: string; rule: MemberFilter }>;
  now: number;
}

/** The member fields a profile copies (the member list searches and filters them). */
export interface MemberFacts {
  openid: string;
  memberId: string | null;
  nickname: string;
  phone: string | null;
  birthMonth: number | null;
  growth: number;
  joinedAt: number | null;
}

export const birthMonthOf = (birthday: string | null): number | null => (birthday ? Number(birthday.slice(5, 7)) : null);

export const memberFactsOfDoc = (member: MemberDoc & { _id?: string }): MemberFacts => ({
  openid: member.openid,
  memberId: member.memberId,
  nickname: member.nickname,
  phone: member.phone,
  birthMonth: birthMonthOf(member.birthday),
  growth: member.growth,
  joinedAt: member.joinedAt,
});

/**
 * Everything in a profile that follows from its stats, the member and the
 * settings: figures, scores, stage, tier, rule tags and sort keys. The
 * payment hook, the refund, the re-score and the rebuild all call it, so
 * they agree on every derived field.
 */
export function deriveProfile(
  base: {
    member: MemberFacts;
    stats: MemberStats;
    manualTags: readonly string[];
    boundChannel: Channel | null;
    lastVisitAt: number | null;
    open: readonly OpenDelivery[];
    messagedAt: readonly number[];
    fired?: Readonly<Record<string, string>>;
    previous: Pick<MemberProfileDoc, 'lifecycle' | 'lifecycleSince'> | null;
  },
  ctx: DeriveContext,
): MemberProfileDoc {
  const { member, stats } = base;
  const now = ctx.now;
  const { rfm, lifecycle } = scoreMember(stats, now, ctx.settings);
  const tier = tierOfGrowth(ctx.tiers, member.growth);
  const netOrders = netOrdersOf(stats);
  const netFen = netFenOf(stats);
  const draft: MemberProfileDoc = {
    openid: member.openid,
    isMember: true,
    nickname: member.nickname,
    phone: member.phone,
    memberId: member.memberId,
    birthMonth: member.birthMonth,
    joinedAt: member.joinedAt,
    growth: member.growth,
    tierId: tier.id,
    tierName: tier.name,
    stats,
    netOrders,
    netFen,
    aovFen: aovFenOf(stats),
    lastPaidAt: stats.lastPaidAt,
    topCategories: topCategoriesOf(stats),
    boundChannel: base.boundChannel,
    channel: base.boundChannel ?? stats.firstOrderChannel ?? 'direct',
    lastVisitAt: base.lastVisitAt,
    rfm,
    lifecycle,
    lifecycleSince: base.previous && base.previous.lifecycle === lifecycle ? base.previous.lifecycleSince : now,
    manualTags: [...base.manualTags],
    ruleTags: [],
    tags: [],
    sk: sortKeysOf({ openid: member.openid, lastPaidAt: stats.lastPaidAt, netFen, netOrders, joinedAt: member.joinedAt }),
    open: base.open.filter((d) => d.until > now),
    messagedAt: base.messagedAt.filter((at) => at > now - 7 * 86_400_000),
    fired: { ...base.fired },
    scoredAt: now,
    updatedAt: now,
  };
  draft.ruleTags = ctx.ruleTags.filter((t) => matchesFilter(draft, t.rule, now)).map((t) => t.name);
  draft.tags = [...new Set([...draft.manualTags, ...draft.ruleTags])].sort();
  return draft;
}

/** A profile re-derived with new stats (or at a new time), keeping its own tags, bindings, visits and deliveries. */
export function rederive(profile: MemberProfileDoc, member: MemberFacts, stats: MemberStats, ctx: DeriveContext): MemberProfileDoc {
  return deriveProfile(
    {
      member,
      stats,
      manualTags: profile.manualTags,
      boundChannel: profile.boundChannel,
      lastVisitAt: profile.lastVisitAt,
      open: profile.open,
      messagedAt: profile.messagedAt,
      fired: profile.fired,
      previous: profile,
    },
    ctx,
  );
}

/** A new member's profile: no orders yet. */
export function freshProfile(member: MemberFacts, ctx: DeriveContext): MemberProfileDoc {
  return deriveProfile({ member, stats: EMPTY_STATS, manualTags: [], boundChannel: null, lastVisitAt: null, open: [], messagedAt: [], previous: null }, ctx);
}

/** The member facts a profile holds (the re-score reads no member documents). */
export function memberFactsOf(profile: MemberProfileDoc): MemberFacts {
  return {
    openid: profile.openid,
    memberId: profile.memberId,
    nickname: profile.nickname,
    phone: profile.phone,
    birthMonth: profile.birthMonth,
    growth: profile.growth,
    joinedAt: profile.joinedAt,
  };
}
