import type { Arm } from './holdout';
import type { Channel } from './channel';
import type { LifecycleStage } from './lifecycle';
import type { RfmScore } from './rfm';
import type { MemberStats } from './stats';

/** A delivery whose measurement window is still open: the payment hook credits its orders to the campaign. */
export interface OpenDelivery {
  /** `crm_deliveries/{deliveryId}`. */
  deliveryId: string;
  campaignId: string;
  arm: Arm;
  /** The coupon it granted (target arm, coupon incentive), to count its redemption. */
  couponId: string | null;
  deliveredAt: number;
  until: number;
}

/** Sort keys: `<zero-padded value>:<openid>`, unique and ordered, so a page resumes with one range condition. */
export interface ProfileSortKeys {
  last: string;
  spend: string;
  orders: string;
  joined: string;
}

/**
 * `crm_profiles/{openid}` (客户画像): the member's figures, scores and tags,
 * denormalised for the member list's indexed filters. Written in the
 * transactions of joining, paying and refunding, by tagging and by the
 * daily re-score.
 */
export interface MemberProfileDoc {
  openid: string;
  /** False for a customer who paid before joining: listed once they join. */
  isMember: boolean;
  nickname: string;
  phone: string | null;
  /** The card number (members.memberId). */
  memberId: string | null;
  birthMonth: number | null;
  joinedAt: number | null;
  /** 成长值 as of the last write (the tier follows it). */
  growth: number;
  tierId: string;
  tierName: string;
  stats: MemberStats;
  netOrders: number;
  netFen: number;
  aovFen: number;
  lastPaidAt: number | null;
  topCategories: string[];
  /** Bound by an invite or a guide before any order (issue 13); wins over the first order's channel. */
  boundChannel: Channel | null;
  channel: Channel;
  lastVisitAt: number | null;
  rfm: RfmScore;
  lifecycle: LifecycleStage;
  /** When the stage last changed (the journeys' occurrence of "entered a stage"). */
  lifecycleSince: number;
  manualTags: string[];
  ruleTags: string[];
  /** manualTags ∪ ruleTags: what filters match. */
  tags: string[];
  sk: ProfileSortKeys;
  open: OpenDelivery[];
  /** When campaign messages were queued for the member (last 7 days): the frequency cap. */
  messagedAt: number[];
  /** Journeys: the occurrence each journey last fired for (an occurrence fires once). */
  fired: Record<string, string>;
  scoredAt: number;
  updatedAt: number;
}

/** Digits of each sort key's value (epoch ms, fen, orders). */
export const SORT_KEY_WIDTHS: Record<keyof ProfileSortKeys, number> = { last: 13, spend: 12, orders: 7, joined: 13 };

/** A sort key's value part: zero-padded, so string order is numeric order (a range of values is a range of keys). */
export const sortKeyValue = (key: keyof ProfileSortKeys, value: number): string =>
  String(Math.max(0, Math.floor(value))).padStart(SORT_KEY_WIDTHS[key], '0');

export function sortKeysOf(p: Pick<MemberProfileDoc, 'openid' | 'lastPaidAt' | 'netFen' | 'netOrders' | 'joinedAt'>): ProfileSortKeys {
  return {
    last: `${sortKeyValue('last', p.lastPaidAt ?? 0)}:${p.openid}`,
    spend: `${sortKeyValue('spend', p.netFen)}:${p.openid}`,
    orders: `${sortKeyValue('orders', p.netOrders)}:${p.openid}`,
    joined: `${sortKeyValue('joined', p.joinedAt ?? 0)}:${p.openid}`,
  };
}

export const MEMBER_SORTS = ['last', 'spend', 'orders', 'joined'] as const;
export type MemberSort = (typeof MEMBER_SORTS)[number];
export const MEMBER_SORT_LABELS: Record<MemberSort, string> = { last: '最近消费', spend: '消费金额', orders: '消费次数', joined: '入会时间' };
