/**
 * The operators' invite (老带新) settings: what each side gets, when, and how
 * many rewards one inviter may earn a day.
 */

export interface InviteRewardSide {
  /** Points given (0: none). */
  points: number;
  /** A coupon template given with the points, or null. */
  couponTemplateId: string | null;
}

export interface InviteSettings {
  /** Off: new bindings are still recorded (first touch), but no reward becomes due while off. */
  enabled: boolean;
  inviter: InviteRewardSide;
  invitee: InviteRewardSide;
  /** N: the first order's reward is due N days after payment when it was not refunded (or at once when completed). */
  rewardDelayDays: number;
  /** Inviter rewards a day (China time) per inviter; over it the inviter's part is `capped` (the invitee's is still given). 0 = no cap. */
  dailyCapPerInviter: number;
  /** Days after opening a share within which the opener's orders count for the sharer. */
  shareWindowDays: number;
}

export const INVITE_SETTINGS_LIMITS = {
  points: 100_000,
  rewardDelayDays: 60,
  dailyCapPerInviter: 1_000,
  shareWindowDays: 30,
} as const;

export const DEFAULT_INVITE_SETTINGS: InviteSettings = {
  enabled: true,
  inviter: { points: 200, couponTemplateId: null },
  invitee: { points: 100, couponTemplateId: null },
  rewardDelayDays: 7,
  dailyCapPerInviter: 10,
  shareWindowDays: 7,
};

const clampInt = (value: unknown, max: number, fallback: number): number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max ? value : fallback;

const sideFrom = (side: Partial<InviteRewardSide> | undefined, fallback: InviteRewardSide): InviteRewardSide => ({
  points: clampInt(side?.points, INVITE_SETTINGS_LIMITS.points, fallback.points),
  couponTemplateId: side?.couponTemplateId === undefined ? fallback.couponTemplateId : side.couponTemplateId || null,
});

/** The stored document (possibly partial or from an older version) read as whole settings. */
export function inviteSettingsFrom(doc: Partial<Omit<InviteSettings, 'inviter' | 'invitee'>> & { inviter?: Partial<InviteRewardSide>; invitee?: Partial<InviteRewardSide> } | null | undefined): InviteSettings {
  const d = DEFAULT_INVITE_SETTINGS;
  return {
    enabled: typeof doc?.enabled === 'boolean' ? doc.enabled : d.enabled,
    inviter: sideFrom(doc?.inviter, d.inviter),
    invitee: sideFrom(doc?.invitee, d.invitee),
    rewardDelayDays: clampInt(doc?.rewardDelayDays, INVITE_SETTINGS_LIMITS.rewardDelayDays, d.rewardDelayDays),
    dailyCapPerInviter: clampInt(doc?.dailyCapPerInviter, INVITE_SETTINGS_LIMITS.dailyCapPerInviter, d.dailyCapPerInviter),
    shareWindowDays: clampInt(doc?.shareWindowDays, INVITE_SETTINGS_LIMITS.shareWindowDays, d.shareWindowDays),
  };
}
