import { GUIDE_SETTINGS_LIMITS, type GuideSettings } from '../../../core/guide/rules'

export interface GuideSettingsForm {
  /** Percent as typed, e.g. "3" or "2.5". */
  ratePct: string
  rebindDays: string
}

export type GuideSettingsErrors = Partial<Record<keyof GuideSettingsForm, string>>

export const formOfGuideSettings = (s: GuideSettings): GuideSettingsForm => ({
  ratePct: String(s.commissionBps / 100),
  rebindDays: String(s.rebindDays)
})

/** The form checked as the server will check it: a percent with at most two decimals (basis points), whole days. */
export function checkGuideSettingsForm(form: GuideSettingsForm): { errors: GuideSettingsErrors; settings: GuideSettings | null } {
  const errors: GuideSettingsErrors = {}
  const pct = form.ratePct.trim()
  const maxPct = GUIDE_SETTINGS_LIMITS.commissionBps / 100
  let commissionBps = 0
  if (!/^\d+(\.\d{1,2})?$/.test(pct)) errors.ratePct = '请输入佣金比例，最多两位小数'
  else {
    commissionBps = Math.round(Number(pct) * 100)
    if (commissionBps > GUIDE_SETTINGS_LIMITS.commissionBps) errors.ratePct = `佣金比例最高 ${maxPct}%`
  }
  const daysText = form.rebindDays.trim()
  const rebindDays = Number(daysText)
  if (!/^\d+$/.test(daysText)) errors.rebindDays = '请输入整数天数'
  else if (rebindDays > GUIDE_SETTINGS_LIMITS.rebindDays) errors.rebindDays = `最多 ${GUIDE_SETTINGS_LIMITS.rebindDays} 天`
  return Object.keys(errors).length > 0 ? { errors, settings: null } : { errors, settings: { commissionBps, rebindDays } }
}
