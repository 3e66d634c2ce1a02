import { readPages } from '../../kit/read-pages';
import type { InviteItemView, InviteRewardView, InvitesView } from '../../../core/contracts/growth';
import { maskNickname } from '../../../core/growth/code';
import { INVITE_STATE_LABELS, REWARD_STATE_LABELS, type RewardState } from '../../../core/growth/reward';
import type { InviteRewardSide, InviteSettings } from '../../../core/growth/settings';
import type { CouponTemplateDoc } from '../../../core/coupon/types';
import { loadByIds } from '../catalog/records';
import { MemberCollections, type MemberDoc } from '../member/records';
import type { ServiceDeps } from '../order/deps';
import { PromotionCollections } from '../promotion/records';
import { GrowthCollections, type InviteDoc, type RewardPartDoc } from './records';
import { loadInviteSettings } from './settings';

/** Bindings read per query, and at most this many listed (the totals count them all up to MAX_READ). */
const PAGE = 100;
const MAX_LISTED = 200;
const MAX_READ = 2_000;

/**
 * growth.invites: whom the caller invited, newest first, from the moment of
 * each binding: the friend's masked nickname (never an openid), the state and
 * each side's reward (as given, or as the current rules would give it).
 */
export async function listInvites(deps: ServiceDeps, inviter: string): Promise<InvitesView> {
  const query = deps.db.collection<InviteDoc>(GrowthCollections.invites).where({ inviter });
  const bindings = await readPages(async (skip, limit) => (await query.orderBy('boundAt', 'desc').skip(skip).limit(limit).get()).data, PAGE, MAX_READ);
  const settings = await loadInviteSettings(deps.db);
  const templateIds = [settings.inviter.couponTemplateId, settings.invitee.couponTemplateId, ...bindings.flatMap((b) => [b.rewards?.inviter.couponTemplateId, b.rewards?.invitee.couponTemplateId])].filter(
    (id): id is string => Boolean(id),
  );
  const templates = await loadByIds<CouponTemplateDoc>(deps.db, PromotionCollections.templates, templateIds);
  const titleOf = (id: string | null | undefined): string | null => (id ? templates.get(id)?.title ?? null : null);
  const listed = bindings.slice(0, MAX_LISTED);
  const members = await loadByIds<MemberDoc>(deps.db, MemberCollections.members, listed.map((b) => b.invitee));

  const pendingPart = (state: RewardState, side: InviteRewardSide): InviteRewardView => ({
    state,
    stateLabel: REWARD_STATE_LABELS[state],
    points: side.points,
    coupon: titleOf(side.couponTemplateId),
  });
  const decidedPart = (part: RewardPartDoc): InviteRewardView => ({
    state: part.state,
    stateLabel: REWARD_STATE_LABELS[part.state],
    points: part.points,
    coupon: part.state === 'given' ? (part.couponIssued ? titleOf(part.couponTemplateId) : null) : titleOf(part.couponTemplateId),
  });
  const items: InviteItemView[] = listed.map((b) => {
    const member = members.get(b.invitee);
    return {
      invitee: member ? maskNickname(member.nickname) : '新朋友（未开卡）',
      state: b.state,
      stateLabel: INVITE_STATE_LABELS[b.state],
      boundAt: b.boundAt,
      rewardedAt: b.rewardedAt,
      rewards: b.rewards
        ? { inviter: decidedPart(b.rewards.inviter), invitee: decidedPart(b.rewards.invitee) }
        : { inviter: pendingPart('pending', settings.inviter), invitee: pendingPart('pending', settings.invitee) },
    };
  });

  const given = bindings.filter((b) => b.rewards?.inviter.state === 'given');
  return {
    items,
    totals: {
      invited: bindings.length,
      ordered: bindings.filter((b) => b.state !== 'bound').length,
      rewarded: bindings.filter((b) => b.state === 'rewarded').length,
      points: given.reduce((sum, b) => sum + (b.rewards?.inviter.points ?? 0), 0),
      coupons: given.filter((b) => b.rewards?.inviter.couponIssued).length,
    },
    rules: rulesOf(settings, titleOf),
  };
}

export function rulesOf(settings: InviteSettings, titleOf: (id: string | null) => string | null): InvitesView['rules'] {
  return {
    inviter: { points: settings.inviter.points, coupon: titleOf(settings.inviter.couponTemplateId) },
    invitee: { points: settings.invitee.points, coupon: titleOf(settings.invitee.couponTemplateId) },
    rewardDelayDays: settings.rewardDelayDays,
    dailyCapPerInviter: settings.dailyCapPerInviter,
    enabled: settings.enabled,
  };
}
