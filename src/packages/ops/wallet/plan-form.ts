import { ApiError } from '../../../api/errors'
import type { OpsWalletPlanView } from '../../../core/contracts/wallet'
import { MAX_GIFT_POINTS, MAX_TOP_UP_FEN, planTitle } from '../../../core/wallet/plans'
import { formatDateTime, parseDateTime } from '../../../components/ops-datetime/format'
import { parseCount, parseYuan, yuanText } from '../shared/money'

/** A plan as the form holds it: amounts and numbers as typed text; '' is "none" for the optional ones. */
export interface PlanForm {
  planId: string | null
  title: string
  pay: string
  gift: string
  points: string
  /** A coupon template id, or NO_COUPON. */
  coupon: string
  limit: string
  validUntil: string
  giftDays: string
  active: boolean
}

export type PlanFormKey = 'title' | 'pay' | 'gift' | 'points' | 'coupon' | 'limit' | 'validUntil' | 'giftDays'
export type PlanFormErrors = Partial<Record<PlanFormKey, string>>

/** What wallet.savePlan takes. */
export interface SavePlanPayload {
  planId?: string
  title: string
  payFen: number
  giftFen: number
  giftPoints: number
  giftCouponTemplateId: string | null
  perMemberLimit: number | null
  validUntil: number | null
  giftValidDays: number | null
  active: boolean
}

export const NO_COUPON = ''

export const emptyPlanForm = (): PlanForm => ({
  planId: null,
  title: '',
  pay: '',
  gift: '',
  points: '',
  coupon: NO_COUPON,
  limit: '',
  validUntil: '',
  giftDays: '',
  active: true
})

/** 300 → "300", 9990 → "99.90". */
const amountText = (fen: number): string => (fen % 100 === 0 ? String(fen / 100) : yuanText(fen))

export const planFormOf = (plan: OpsWalletPlanView): PlanForm => ({
  planId: plan.planId,
  title: plan.title,
  pay: amountText(plan.payFen),
  gift: plan.giftFen > 0 ? amountText(plan.giftFen) : '',
  points: plan.giftPoints > 0 ? String(plan.giftPoints) : '',
  coupon: plan.giftCoupon?.templateId ?? NO_COUPON,
  limit: plan.perMemberLimit === null ? '' : String(plan.perMemberLimit),
  validUntil: plan.validUntil === null ? '' : formatDateTime(plan.validUntil),
  giftDays: plan.giftValidDays === null ? '' : String(plan.giftValidDays),
  active: plan.active
})

/** The payload that saves an existing plan unchanged but for `active` (停用 / 启用 in the list). */
export const toggledPayload = (plan: OpsWalletPlanView, active: boolean): SavePlanPayload => ({
  planId: plan.planId,
  title: plan.title,
  payFen: plan.payFen,
  giftFen: plan.giftFen,
  giftPoints: plan.giftPoints,
  giftCouponTemplateId: plan.giftCoupon?.templateId ?? null,
  perMemberLimit: plan.perMemberLimit,
  validUntil: plan.validUntil,
  giftValidDays: plan.giftValidDays,
  active
})

const MAX_YUAN = MAX_TOP_UP_FEN / 100

/** An optional whole number in [min, max]: '' is null; else the number or the error. */
function optionalCount(text: string, min: number, max: number, message: string): { value: number | null; error?: string } {
  if (text.trim() === '') return { value: null }
  const n = parseCount(text)
  return n === null || n < min || n > max ? { value: null, error: message } : { value: n }
}

/**
 * The form checked: errors per field (Chinese, shown under each field), or the
 * payload to save. An empty 名称 becomes "充100送10". A 截止时间 must be in the
 * future unless it is the one the plan already had (so an ended plan can be edited).
 */
export function checkPlanForm(form: PlanForm, now: number, keptValidUntil: number | null = null): { errors: PlanFormErrors; payload: SavePlanPayload | null } {
  const errors: PlanFormErrors = {}
  const payFen = parseYuan(form.pay)
  if (form.pay.trim() === '') errors.pay = '请填写充值金额'
  else if (payFen === null || payFen < 100 || payFen > MAX_TOP_UP_FEN) errors.pay = `充值金额应为 ¥1–¥${MAX_YUAN.toLocaleString('en-US')}，最多两位小数`

  const giftFen = form.gift.trim() === '' ? 0 : parseYuan(form.gift)
  if (giftFen === null || giftFen > MAX_TOP_UP_FEN) errors.gift = '赠送金额应为 0 或正数，最多两位小数'

  const points = optionalCount(form.points, 0, MAX_GIFT_POINTS, `赠送积分应为 0–${MAX_GIFT_POINTS} 的整数`)
  if (points.error) errors.points = points.error
  const limit = optionalCount(form.limit, 1, 1000, '每人限充应为 1–1000 次，留空为不限')
  if (limit.error) errors.limit = limit.error
  const giftDays = optionalCount(form.giftDays, 1, 3650, '赠送金有效期应为 1–3650 天，留空为永久')
  if (giftDays.error) errors.giftDays = giftDays.error

  let validUntil: number | null = null
  if (form.validUntil.trim() !== '') {
    // The end the plan has, shown to the second: kept exactly as it is.
    const kept = keptValidUntil !== null && form.validUntil.trim() === formatDateTime(keptValidUntil)
    validUntil = kept ? keptValidUntil : parseDateTime(form.validUntil)
    if (validUntil === null) errors.validUntil = '时间格式应为 2026-12-31 23:59:59'
    else if (validUntil <= now && !kept) errors.validUntil = '截止时间应晚于现在'
  }

  const title = form.title.trim() || (payFen !== null && giftFen !== null ? planTitle(payFen, giftFen).replace(/ /g, '') : '')
  if (title.length > 30) errors.title = '名称最多 30 个字'
  else if (/[\r\n\t]/.test(form.title)) errors.title = '名称不能换行'

  if (Object.keys(errors).length > 0 || payFen === null || giftFen === null) return { errors, payload: null }
  return {
    errors,
    payload: {
      ...(form.planId ? { planId: form.planId } : {}),
      title,
      payFen,
      giftFen,
      giftPoints: points.value ?? 0,
      giftCouponTemplateId: form.coupon || null,
      perMemberLimit: limit.value,
      validUntil,
      giftValidDays: giftDays.value,
      active: form.active
    }
  }
}

const FIELD_OF_PATH: Record<string, PlanFormKey> = {
  title: 'title',
  payFen: 'pay',
  giftFen: 'gift',
  giftPoints: 'points',
  giftCouponTemplateId: 'coupon',
  perMemberLimit: 'limit',
  validUntil: 'validUntil',
  giftValidDays: 'giftDays'
}

/** A refused save as field errors where the server named the field (the coupon, an invalid value); null: show it as a whole. */
export function serverFieldErrors(error: unknown): PlanFormErrors | null {
  if (!(error instanceof ApiError)) return null
  if (error.code === 'PLAN_COUPON_NOT_FOUND' || error.code === 'PLAN_COUPON_UNAVAILABLE') return { coupon: error.message }
  if (error.code !== 'INVALID_ARGUMENT') return null
  const fields = (error.details?.fields ?? []) as Array<{ path?: unknown; message?: unknown }>
  const found: PlanFormErrors = {}
  for (const field of fields) {
    const key = typeof field.path === 'string' ? FIELD_OF_PATH[field.path] : undefined
    if (key && typeof field.message === 'string' && !found[key]) found[key] = field.message
  }
  return Object.keys(found).length > 0 ? found : null
}
