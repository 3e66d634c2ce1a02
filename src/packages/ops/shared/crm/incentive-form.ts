import { CAMPAIGN_PAGES, type CampaignMessage, type Incentive } from '../../../../core/contracts/crm'
import { parseCount } from '../money'

/**
 * The incentive and message of a campaign or journey as typed, and their
 * checks (the same rules as the crm contracts: points 1–100000, note ≤ 20,
 * holdout 0–50 %).
 */
export type IncentiveKind = Incentive['type']

export interface OfferDraft {
  incentive: IncentiveKind
  templateId: string
  points: string
  withMessage: boolean
  note: string
  page: (typeof CAMPAIGN_PAGES)[number]
  holdoutPct: string
}

export type OfferField = 'templateId' | 'points' | 'note' | 'holdoutPct'
export type OfferErrors = Partial<Record<OfferField, string>>

export const emptyOfferDraft = (defaultHoldoutPct = 10): OfferDraft => ({
  incentive: 'coupon',
  templateId: '',
  points: '',
  withMessage: true,
  note: '',
  page: 'packages/mall/coupons/index',
  holdoutPct: String(defaultHoldoutPct)
})

export function offerDraftOf(incentive: Incentive, message: CampaignMessage | null, holdoutPct: number): OfferDraft {
  return {
    incentive: incentive.type,
    templateId: incentive.type === 'coupon' ? incentive.templateId : '',
    points: incentive.type === 'points' ? String(incentive.points) : '',
    withMessage: message !== null,
    note: message?.note ?? '',
    page: message?.page ?? 'packages/mall/coupons/index',
    holdoutPct: String(holdoutPct)
  }
}

export interface CheckedOffer {
  incentive: Incentive
  message: CampaignMessage | null
  holdoutPct: number
}

export function checkOffer(draft: OfferDraft): { errors: OfferErrors; offer: CheckedOffer | null } {
  const errors: OfferErrors = {}
  let incentive: Incentive = { type: 'none' }
  if (draft.incentive === 'coupon') {
    if (!draft.templateId) errors.templateId = '请选择要发放的优惠券'
    else incentive = { type: 'coupon', templateId: draft.templateId }
  } else if (draft.incentive === 'points') {
    const points = parseCount(draft.points)
    if (points === null || points < 1 || points > 100_000) errors.points = '请填写 1–100000 的整数积分'
    else incentive = { type: 'points', points }
  }
  const note = draft.note.trim()
  if (draft.withMessage && !note) errors.note = '请填写消息内容'
  else if (draft.withMessage && note.length > 20) errors.note = '消息内容最多 20 个字'
  const holdout = draft.holdoutPct.trim()
  const holdoutPct = /^\d{1,2}(\.\d)?$/.test(holdout) ? Number(holdout) : NaN
  if (!(holdoutPct >= 0 && holdoutPct <= 50)) errors.holdoutPct = '请填写 0–50 之间的百分比'
  if (Object.keys(errors).length > 0) return { errors, offer: null }
  return {
    errors,
    offer: { incentive, message: draft.withMessage ? { template: 'campaignNotice', note, page: draft.page } : null, holdoutPct }
  }
}
