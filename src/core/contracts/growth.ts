// Namespace import keeps esbuild from bundling every zod locale (see system.ts).
import * as z from 'zod';
import type { InviteState, RewardState } from '../growth/reward';
import { INVITE_SETTINGS_LIMITS, type InviteSettings } from '../growth/settings';
import { SHARE_KINDS, type ShareKind } from '../growth/share';
import { SHARE_TARGET_KINDS } from '../growth/share-target';
import type { Fen } from '../money';
import { Id, ScannedCode } from './fields';

/**
 * Contracts of the `growth` function (老带新 invites and share attribution):
 * customers ask for their invite code, bind an invite at first sign-in, list
 * whom they invited and record share opens; operators read and save the
 * reward settings and the sharers' results. Its timer `tick` gives rewards
 * that became due by time (N days after payment with no refund).
 */

/** A code as typed or scanned; malformed ones are answered INVITE_NOT_FOUND, not INVALID_ARGUMENT. */
const RawCode = ScannedCode(64);

export const InviteCodeInput = z.object({});
export const BindInviteInput = z.object({ code: RawCode });
export const InvitesInput = z.object({});
export const ShareCodeInput = z.object({});
export const OpenShareInput = z.object({
  /** The sharer's share code (their invite code), from the card's `sharer=`. */
  sharer: RawCode,
  kind: z.enum(SHARE_KINDS),
  targetId: Id,
});
export const InviteSettingsInput = z.object({});
/** A poster's mini-program code for a product, group-buy activity, group or flash sale. */
export const ShareWxaCodeInput = z.object({ kind: z.enum(SHARE_TARGET_KINDS), id: Id });
/** The landing page's `scene` as WeChat passed it (URL-encoded or not). */
export const ResolveShareSceneInput = z.object({ scene: ScannedCode(64) });

const Points = z.number().int().min(0).max(INVITE_SETTINGS_LIMITS.points);
const RewardSideSchema = z.object({ points: Points, couponTemplateId: Id.nullable() });
export const InviteSettingsSchema: z.ZodType<InviteSettings> = z.object({
  enabled: z.boolean(),
  inviter: RewardSideSchema,
  invitee: RewardSideSchema,
  rewardDelayDays: z.number().int().min(0).max(INVITE_SETTINGS_LIMITS.rewardDelayDays),
  dailyCapPerInviter: z.number().int().min(0).max(INVITE_SETTINGS_LIMITS.dailyCapPerInviter),
  shareWindowDays: z.number().int().min(1).max(INVITE_SETTINGS_LIMITS.shareWindowDays),
});
export const SaveInviteSettingsInput = z.object({ settings: InviteSettingsSchema });
export const ShareStatsInput = z.object({ limit: z.number().int().min(1).max(100).default(50) });
export const InviteTickInput = z.object({});

export const growthContracts = {
  inviteCode: { input: InviteCodeInput },
  bindInvite: { input: BindInviteInput },
  invites: { input: InvitesInput },
  shareCode: { input: ShareCodeInput },
  openShare: { input: OpenShareInput },
  settings: { input: InviteSettingsInput },
  saveSettings: { input: SaveInviteSettingsInput },
  shareStats: { input: ShareStatsInput },
  shareWxaCode: { input: ShareWxaCodeInput },
  resolveShareScene: { input: ResolveShareSceneInput },
};

/** Actions only the timer runs (`cloudfunctions/growth/config.json`). */
export const growthTimerContracts = {
  tick: { input: InviteTickInput },
};

export const GrowthErrorCode = {
  InviteNotFound: 'INVITE_NOT_FOUND',
  InviteSelf: 'INVITE_SELF',
  InviteAlreadyMember: 'INVITE_ALREADY_MEMBER',
  InviteAlreadyBound: 'INVITE_ALREADY_BOUND',
  ShareSceneNotFound: 'SHARE_SCENE_NOT_FOUND',
} as const;

export interface InviteCodeView {
  code: string;
  /** The invite link's path: `/packages/growth/landing/index?invite=<code>`. */
  path: string;
  /** weapp: a temporary URL of the mini-program code (wxacode.getUnlimited, scene = code); null on H5 / locally, where the page draws a QR of the link. */
  wxacodeUrl: string | null;
  /** weapp: the same code's `cloud://` fileID (load it with Taro.cloud.downloadFile: no download domain needed); null where wxacodeUrl is. */
  wxacodeFileId: string | null;
}

export interface ShareWxaCodeView {
  /** The mini-program code's `cloud://` fileID (made once per target); null without WeChat (H5, the local cloud): draw a QR of the link. */
  fileID: string | null;
  /** What the code carries (`t.` + 12 characters, ≤ 32): growth.resolveShareScene turns it back into the page. */
  scene: string;
}

export interface ResolveShareSceneView {
  /** The page to open, with the sharer: e.g. /pages/product/index?id=p1&sharer=AB12CD34. */
  path: string;
}

export interface BindInviteView {
  bound: true;
  /** The inviter's masked nickname. */
  inviter: string;
  /** True when this call made the binding; false when it was already there. */
  boundNow: boolean;
}

export interface InviteRewardView {
  state: RewardState;
  stateLabel: string;
  points: number;
  /** The coupon's title when one was (or will be) given. */
  coupon: string | null;
}

export interface InviteItemView {
  /** The invitee's masked nickname: never an openid. */
  invitee: string;
  state: InviteState;
  stateLabel: string;
  boundAt: number;
  rewardedAt: number | null;
  /** Each side's reward: `inviter` is the caller's, `invitee` the friend's. */
  rewards: { inviter: InviteRewardView; invitee: InviteRewardView };
}

export interface InvitesView {
  items: InviteItemView[];
  totals: {
    invited: number;
    ordered: number;
    rewarded: number;
    /** Points the caller earned from invites. */
    points: number;
    coupons: number;
  };
  /** The current rules, for the page's rules text. */
  rules: { inviter: { points: number; coupon: string | null }; invitee: { points: number; coupon: string | null }; rewardDelayDays: number; dailyCapPerInviter: number; enabled: boolean };
}

export interface OpenShareView {
  /** True when this (sharer, opener, target) was recorded now; false on a repeat, a self-open or an unknown code. */
  recorded: boolean;
}

export interface ShareStatRow {
  /** The sharer's nickname and card number (operators see members' names). */
  nickname: string;
  memberId: string | null;
  opens: number;
  orders: number;
  gmvFen: Fen;
  refundedFen: Fen;
  lastAt: number;
  byKind: Partial<Record<ShareKind, number>>;
}

export interface ShareStatsView {
  rows: ShareStatRow[];
}

/** What each `growth` action answers (the typed client, src/api). */
export interface GrowthOutputs {
  inviteCode: InviteCodeView;
  bindInvite: BindInviteView;
  invites: InvitesView;
  shareCode: { code: string };
  openShare: OpenShareView;
  settings: InviteSettings;
  saveSettings: InviteSettings;
  shareStats: ShareStatsView;
  shareWxaCode: ShareWxaCodeView;
  resolveShareScene: ResolveShareSceneView;
}
