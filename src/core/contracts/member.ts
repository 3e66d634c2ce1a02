// Namespace import keeps esbuild from bundling every zod locale (see system.ts).
import * as z from 'zod';
import { isCalendarDay } from '../points/china-day';
import { MAX_POINTS_MULTIPLIER, MAX_TIER_DISCOUNT_BPS, MAX_TIERS, tierTableProblem, type MemberTier } from '../member/tiers';
import { IdMatching, MobilePhone, ScannedCode, SingleLineText } from './fields';

/** Contracts of the `member` function: the member card (会员卡). */

export const JoinInput = z.object({
  nickname: SingleLineText(20).min(1, '请填写昵称'),
  phone: MobilePhone.optional(),
  /** `YYYY-MM-DD`; not after today (checked by the service: BIRTHDAY_INVALID). */
  birthday: z.string().refine(isCalendarDay, '生日须为有效日期（YYYY-MM-DD）').optional(),
});

export const CardInput = z.object({});
export const CodeInput = z.object({});
export const ClaimBirthdayGiftInput = z.object({});
/** Staff: the member code scanned in-store. */
export const LookupByCodeInput = z.object({ code: ScannedCode(128) });

export const TierInput = z.object({
  id: IdMatching(/^[a-z][a-z0-9_-]{0,31}$/, '等级 id 应为小写字母开头的 1–32 位字母、数字、_ 或 -'),
  name: SingleLineText(8, 1),
  minGrowth: z.number().int().min(0),
  discountBps: z.number().int().min(0).max(MAX_TIER_DISCOUNT_BPS),
  pointsMultiplier: z.number().min(0).max(MAX_POINTS_MULTIPLIER),
});
/** Operators: the whole tier table, lowest first. */
export const SetTiersInput = z
  .object({ tiers: z.array(TierInput).min(1).max(MAX_TIERS) })
  .superRefine((input, ctx) => {
    const problem = tierTableProblem(input.tiers);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['tiers'] });
  });

/** Operators: members whose phone (digits) or nickname starts with `query`, for pickers (coupon grants). */
export const SearchMembersInput = z.object({
  query: SingleLineText(20, 1),
  page: z.number().int().min(0).max(50).default(0),
  pageSize: z.number().int().min(1).max(20).default(10),
});

/** Actions a client may call: `contracts.member` (`lookupByCode` needs staff, `setTiers` and `searchMembers` an operator). */
export const memberContracts = {
  join: { input: JoinInput },
  card: { input: CardInput },
  code: { input: CodeInput },
  claimBirthdayGift: { input: ClaimBirthdayGiftInput },
  lookupByCode: { input: LookupByCodeInput },
  setTiers: { input: SetTiersInput },
  searchMembers: { input: SearchMembersInput },
  /** Sent when the app opens: the member's visit that day (one record a day, services/crm/visit). */
  visit: { input: z.object({}) },
};

export const MemberErrorCode = {
  NotAMember: 'NOT_A_MEMBER',
  MemberNotFound: 'MEMBER_NOT_FOUND',
  MemberCodeInvalid: 'MEMBER_CODE_INVALID',
  BirthdayInvalid: 'BIRTHDAY_INVALID',
  BirthdayMissing: 'BIRTHDAY_MISSING',
  NotBirthMonth: 'NOT_BIRTH_MONTH',
} as const;

export interface TierView extends MemberTier {
  benefits: string[];
}

export interface MemberProfile {
  /** The card number shown on the card and carried by the member code (not the openid). */
  memberId: string;
  nickname: string;
  /** Masked: 138****0000. */
  phone: string | null;
  birthday: string | null;
  joinedAt: number;
}

export interface ExpiringPoints {
  amount: number;
  /** Last valid day, `YYYY-MM-DD` (China time). */
  on: string;
}

export interface MemberCardView {
  joined: true;
  member: MemberProfile;
  growth: number;
  tier: TierView;
  nextTier: TierView | null;
  /** Growth still needed for the next tier, and 0–100 of the way there (100 at the top). */
  progress: { remaining: number; percent: number };
  points: { balance: number; expiringSoon: ExpiringPoints | null };
  birthdayGift: { inBirthMonth: boolean; claimedThisYear: boolean };
  tiers: TierView[];
}

export interface GiftView {
  points: number;
  /** The coupon template granted with it, or null when the gift is points only. */
  couponTemplateId: string | null;
}

/** A customer who has not joined: what joining gives. */
export interface NotMemberCardView {
  joined: false;
  tiers: TierView[];
  joinGift: GiftView;
}

export type CardView = MemberCardView | NotMemberCardView;

export interface JoinView {
  /** True when this call made the customer a member (the join gift came with it). */
  created: boolean;
  /** What this call granted; null on a repeated join. */
  gift: (GiftView & { couponIssued: boolean }) | null;
  card: MemberCardView;
}

export interface MemberCodeView {
  /** The QR payload. */
  code: string;
  /** The same code as 18 digits for staff to type (src/core/member/code-format), shown under the QR. */
  numericCode: string;
  memberId: string;
  /** Show a new code from this instant (a code is still accepted for one more period). */
  expiresAt: number;
  periodMs: number;
}

export interface BirthdayGiftView {
  year: number;
  /** False when this year's gift was claimed before (then nothing is granted again). */
  granted: boolean;
  points: number;
  couponIssued: boolean;
}

/** What staff see after scanning a member code. */
export interface MemberSummaryView {
  memberId: string;
  nickname: string;
  tier: { id: string; name: string; discountBps: number };
  points: number;
  growth: number;
}

export interface TiersView {
  tiers: TierView[];
}

export interface MemberOutputs {
  join: JoinView;
  card: CardView;
  code: MemberCodeView;
  claimBirthdayGift: BirthdayGiftView;
  lookupByCode: MemberSummaryView;
  setTiers: TiersView;
  searchMembers: MemberSearchPage;
  visit: { recorded: boolean; day: string };
}

/** A member as an operator's picker shows them: no full phone. `openid` is for the next call, not for display. */
export interface MemberPickView {
  openid: string;
  nickname: string;
  /** 138****0000, or null. */
  phone: string | null;
  tierName: string;
}

export interface MemberSearchPage {
  items: MemberPickView[];
  page: number;
  hasMore: boolean;
}

export type JoinInput = z.input<typeof JoinInput>;
export type SetTiersInput = z.input<typeof SetTiersInput>;
export type SearchMembersInput = z.input<typeof SearchMembersInput>;
