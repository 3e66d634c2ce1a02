import { formatDateTime, parseDateTime } from '../../../components/ops-datetime/format'
import type { CreateCampaignInput } from '../../../core/contracts/crm'
import { checkOffer, emptyOfferDraft, type OfferDraft, type OfferErrors } from '../shared/crm/incentive-form'

/** The campaign form as typed, checked into a crm.createCampaign input (without its requestId). */
export interface CampaignForm {
  name: string
  segmentId: string
  offer: OfferDraft
  startMode: 'now' | 'later'
  startAt: string
}

export type CampaignFormErrors = OfferErrors & Partial<Record<'name' | 'segmentId' | 'startAt', string>>

export function emptyCampaignForm(now: number, segmentId = '', defaultHoldoutPct = 10): CampaignForm {
  return { name: '', segmentId, offer: emptyOfferDraft(defaultHoldoutPct), startMode: 'now', startAt: formatDateTime(now + 3_600_000 - (now % 60_000)) }
}

export function checkCampaignForm(form: CampaignForm, now: number): { errors: CampaignFormErrors; input: Omit<CreateCampaignInput, 'requestId'> | null } {
  const { errors: offerErrors, offer } = checkOffer(form.offer)
  const errors: CampaignFormErrors = { ...offerErrors }
  const name = form.name.trim()
  if (!name) errors.name = '请填写活动名称'
  else if (name.length > 20) errors.name = '名称最多 20 个字'
  if (!form.segmentId) errors.segmentId = '请选择分群'
  let startAt = now
  if (form.startMode === 'later') {
    const at = parseDateTime(form.startAt)
    if (at === null) errors.startAt = '请填写开始时间，如 2026-05-01 10:00:00'
    else if (at <= now) errors.startAt = '开始时间须晚于现在；要马上开始请选「立即开始」'
    else startAt = at
  }
  if (Object.keys(errors).length > 0 || !offer) return { errors, input: null }
  return { errors, input: { name, segmentId: form.segmentId, incentive: offer.incentive, message: offer.message, holdoutPct: offer.holdoutPct, startAt } }
}

export const firstError = (errors: CampaignFormErrors): string | undefined => Object.values(errors).find(Boolean)
