import type { InviteState, RewardState } from '../../../core/growth/reward';
import type { InviteSettings } from '../../../core/growth/settings';
import type { ShareKind, ShareTouch } from '../../../core/growth/share';
import type { ShareTargetKind } from '../../../core/growth/share-target';
import type { Fen } from '../../../core/money';

export const GrowthCollections = {
  codes: 'growth_codes',
  owners: 'growth_owners',
  invites: 'growth_invites',
  rewardDays: 'growth_reward_days',
  shareOpens: 'growth_share_opens',
  shareTouches: 'growth_share_touches',
  shareStats: 'growth_share_stats',
  shareTargets: 'growth_share_targets',
  settings: 'settings',
} as const;

export const INVITE_SETTINGS_ID = 'growth_invite';

/** `growth_codes/{code}`: whose invite (and share) code this is. */
export interface CodeDoc {
  openid: string;
  createdAt: number;
}

/** `growth_owners/{openid}`: a customer's code (one each, given on first ask). */
export interface OwnerDoc {
  code: string;
  createdAt: number;
}

/** One side's reward as recorded when it was decided. */
export interface RewardPartDoc {
  state: RewardState;
  points: number;
  couponTemplateId: string | null;
  couponIssued: boolean;
}

/**
 * `growth_invites/{invitee openid}`: the binding (first touch wins: created
 * once, in a transaction, never re-bound) and its reward's progress.
 */
export interface InviteDoc {
  invitee: string;
  inviter: string;
  code: string;
  state: InviteState;
  boundAt: number;
  /** The invitee's first paid order after the binding, once paid. */
  orderId: string | null;
  orderPaidAt: number | null;
  /** When the reward is due by time (payment + N days); the sweep takes `ordered` bindings by it. */
  dueAt: number | null;
  rewardedAt: number | null;
  /** Decided when the reward was given or voided; null while pending. */
  rewards: { inviter: RewardPartDoc; invitee: RewardPartDoc } | null;
  updatedAt: number;
}

/** `growth_reward_days/{inviter}:{day}`: inviter rewards given that Shanghai day (the daily cap). */
export interface RewardDayDoc {
  inviter: string;
  day: string;
  count: number;
  updatedAt: number;
}

/** `growth_share_opens/{hash of sharer, opener, kind, target}`: the first open of one share by one opener. */
export interface ShareOpenDoc {
  sharer: string;
  opener: string;
  kind: ShareKind;
  targetId: string;
  openedAt: number;
}

/** `growth_share_touches/{opener}`: the opener's latest opens, newest first (the payment hook reads this one document). */
export interface ShareTouchesDoc {
  touches: ShareTouch[];
  updatedAt: number;
}

/**
 * `growth_share_stats/{sharer}`: what one member's shares did. Written by
 * the opens and the payments of that member's audience only, so one
 * document per sharer (not a counter every payment touches).
 */
export interface ShareStatsDoc {
  sharer: string;
  opens: number;
  orders: number;
  gmvFen: Fen;
  refundedFen: Fen;
  byKind: Partial<Record<ShareKind, number>>;
  lastAt: number;
}

/** What an order carries when a share sold it (set in its payment's transaction). */
export interface OrderShareDoc {
  sharer: string;
  code: string;
  kind: ShareKind;
  targetId: string;
  openedAt: number;
}

export type InviteSettingsDoc = Partial<InviteSettings> & { updatedAt?: number; updatedBy?: string };

/**
 * `growth_share_targets/{code}` (code: 12 characters derived from sharer,
 * kind and id): what a poster's mini-program code (scene `t.<code>`) opens,
 * and the code's fileID once made.
 */
export interface ShareTargetDoc {
  /** The sharer's share code (never an openid). */
  sharerCode: string;
  kind: ShareTargetKind;
  targetId: string;
  createdAt: number;
  /** The mini-program code in cloud storage, once made. */
  fileID: string | null;
  /** While one call makes the code: until when others wait for it instead of asking WeChat again. */
  makingUntil: number | null;
}
