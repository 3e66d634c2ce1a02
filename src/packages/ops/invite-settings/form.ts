import type { InviteSettings } from '../../../core/growth/settings'
import { INVITE_SETTINGS_LIMITS } from '../../../core/growth/settings'

/** The settings as the form holds them: numbers as typed text. */
export interface InviteSettingsForm {
  enabled: boolean
  inviterPoints: string
  inviterCoupon: string
  inviteePoints: string
  inviteeCoupon: string
  rewardDelayDays: string
  dailyCapPerInviter: string
  shareWindowDays: string
}

export type InviteFormKey = 'inviterPoints' | 'inviteePoints' | 'rewardDelayDays' | 'dailyCapPerInviter' | 'shareWindowDays'
export type InviteFormErrors = Partial<Record<InviteFormKey, string>>

/** '' stands for 不送券 in the chips. */
export const NO_COUPON = ''

export const formOf = (s: InviteSettings): InviteSettingsForm => ({
  enabled: s.enabled,
  inviterPoints: String(s.inviter.points),
  inviterCoupon: s.inviter.couponTemplateId ?? NO_COUPON,
  inviteePoints: String(s.invitee.points),
  inviteeCoupon: s.invitee.couponTemplateId ?? NO_COUPON,
  rewardDelayDays: String(s.rewardDelayDays),
  dailyCapPerInviter: String(s.dailyCapPerInviter),
  shareWindowDays: String(s.shareWindowDays)
})

const RANGES: Record<InviteFormKey, { min: number; max: number; label: string }> = {
  inviterPoints: { min: 0, max: INVITE_SETTINGS_LIMITS.points, label: '邀请人积分' },
  inviteePoints: { min: 0, max: INVITE_SETTINGS_LIMITS.points, label: '好友积分' },
  rewardDelayDays: { min: 0, max: INVITE_SETTINGS_LIMITS.rewardDelayDays, label: '发放天数' },
  dailyCapPerInviter: { min: 0, max: INVITE_SETTINGS_LIMITS.dailyCapPerInviter, label: '每日上限' },
  shareWindowDays: { min: 1, max: INVITE_SETTINGS_LIMITS.shareWindowDays, label: '分享归因天数' }
}

/** The form checked: errors per field, or the settings to save. */
export function checkForm(form: InviteSettingsForm): { errors: InviteFormErrors; settings: InviteSettings | null } {
  const errors: InviteFormErrors = {}
  const numbers = {} as Record<InviteFormKey, number>
  for (const key of Object.keys(RANGES) as InviteFormKey[]) {
    const { min, max, label } = RANGES[key]
    const text = form[key].trim()
    const value = Number(text)
    if (!/^\d+$/.test(text) || value < min || value > max) errors[key] = `${label}应为 ${min}–${max} 的整数`
    else numbers[key] = value
  }
  if (Object.keys(errors).length > 0) return { errors, settings: null }
  return {
    errors,
    settings: {
      enabled: form.enabled,
      inviter: { points: numbers.inviterPoints, couponTemplateId: form.inviterCoupon || null },
      invitee: { points: numbers.inviteePoints, couponTemplateId: form.inviteeCoupon || null },
      rewardDelayDays: numbers.rewardDelayDays,
      dailyCapPerInviter: numbers.dailyCapPerInviter,
      shareWindowDays: numbers.shareWindowDays
    }
  }
}
