import type { CampaignView, JourneyTrigger, SaveJourneyInput } from '../../../core/contracts/crm'
import type { LifecycleStage } from '../../../core/crm/lifecycle'
import { parseCount } from '../shared/money'
import { checkOffer, emptyOfferDraft, offerDraftOf, type OfferDraft, type OfferErrors } from '../shared/crm/incentive-form'

export type TriggerType = JourneyTrigger['type']

export interface JourneyForm {
  name: string
  trigger: TriggerType
  stage: LifecycleStage
  days: string
  hours: string
  offer: OfferDraft
  active: boolean
}

export type JourneyFormErrors = OfferErrors & Partial<Record<'name' | 'days' | 'hours', string>>

export const emptyJourneyForm = (): JourneyForm => ({ name: '', trigger: 'lifecycle', stage: '休眠期', days: '30', hours: '24', offer: emptyOfferDraft(), active: true })

export function journeyFormOf(view: CampaignView): JourneyForm {
  const t = view.trigger
  const form = emptyJourneyForm()
  return {
    ...form,
    name: view.name,
    trigger: t?.type ?? 'lifecycle',
    stage: t?.type === 'lifecycle' ? t.stage : form.stage,
    days: t?.type === 'noSecondOrder' ? String(t.days) : form.days,
    hours: t?.type === 'idleCart' ? String(t.hours) : form.hours,
    offer: offerDraftOf(view.incentive, view.message, view.holdoutPct),
    active: view.state !== 'PAUSED' && view.state !== 'CANCELLED'
  }
}

export function checkJourneyForm(form: JourneyForm, journeyId?: string): { errors: JourneyFormErrors; input: SaveJourneyInput | null } {
  const { errors: offerErrors, offer } = checkOffer(form.offer)
  const errors: JourneyFormErrors = { ...offerErrors }
  const name = form.name.trim()
  if (!name) errors.name = '请填写旅程名称'
  else if (name.length > 20) errors.name = '名称最多 20 个字'
  let trigger: JourneyTrigger = { type: 'birthdayMonth' }
  if (form.trigger === 'lifecycle') trigger = { type: 'lifecycle', stage: form.stage }
  if (form.trigger === 'noSecondOrder') {
    const days = parseCount(form.days)
    if (days === null || days < 1 || days > 365) errors.days = '请填写 1–365 天'
    else trigger = { type: 'noSecondOrder', days }
  }
  if (form.trigger === 'idleCart') {
    const hours = parseCount(form.hours)
    if (hours === null || hours < 1 || hours > 720) errors.hours = '请填写 1–720 小时'
    else trigger = { type: 'idleCart', hours }
  }
  if (Object.keys(errors).length > 0 || !offer) return { errors, input: null }
  return { errors, input: { ...(journeyId ? { journeyId } : {}), name, trigger, incentive: offer.incentive, message: offer.message, holdoutPct: offer.holdoutPct, active: form.active } }
}
