import dayjs from 'dayjs'
import type { ChosenSku } from '../../../components/ops-sku-picker'
import { formatDateTime, parseDateTime } from '../../../components/ops-datetime/format'
import type { CreateActivityInput, GroupBuyActivityView, LeaderDiscount } from '../../../core/contracts/groupbuy'
import { formatPrice } from '../../../core/money'
import { parseCount, parseYuan, yuanText } from '../shared/money'

/**
 * The group-buy activity form and its rules. They mirror
 * src/core/groupbuy/validate.ts (not imported: it brings the contracts' zod
 * into the app bundle); the server checks again and answers ACTIVITY_INVALID
 * with the same fields.
 */
export const MIN_SIZE = 2
export const MAX_SIZE = 10
export const MIN_MINUTES = 10
export const MAX_MINUTES = 72 * 60
export const MAX_PER_MEMBER_LIMIT = 99

export type DiscountKind = 'none' | 'fen' | 'rate'

export interface ActivityForm {
  sku: ChosenSku | null
  title: string
  groupPrice: string
  groupSize: number
  timeLimitMinutes: number
  perMemberLimit: string
  discountKind: DiscountKind
  /** 立减 in yuan ("5"), or the leader's 折 ("9" = 90% of the group price, "9.5"). */
  discountValue: string
  virtualCompletion: boolean
  startAt: string
  endAt: string
}

export type ActivityField =
  | 'skuId'
  | 'title'
  | 'groupPrice'
  | 'groupSize'
  | 'timeLimitMinutes'
  | 'perMemberLimit'
  | 'leaderDiscount'
  | 'startAt'
  | 'endAt'
export type ActivityErrors = Partial<Record<ActivityField, string>>

/** A new activity: 2-person groups, 24 hours to fill, from now for 7 days. */
export function emptyActivityForm(now: number): ActivityForm {
  const start = dayjs(now).add(1, 'minute').startOf('minute')
  return {
    sku: null,
    title: '',
    groupPrice: '',
    groupSize: 2,
    timeLimitMinutes: 24 * 60,
    perMemberLimit: '1',
    discountKind: 'none',
    discountValue: '',
    virtualCompletion: false,
    startAt: formatDateTime(start.valueOf()),
    endAt: formatDateTime(start.add(7, 'day').valueOf())
  }
}

/** 1000 bps off → "9" (折); 500 → "9.5". */
const rateText = (bps: number): string => String((10000 - bps) / 1000)

export function activityFormOf(activity: GroupBuyActivityView, sku: ChosenSku): ActivityForm {
  const discount = activity.leaderDiscount
  return {
    sku,
    title: activity.title === activity.productName ? '' : activity.title,
    groupPrice: yuanText(activity.groupPrice),
    groupSize: activity.groupSize,
    timeLimitMinutes: activity.timeLimitMinutes,
    perMemberLimit: String(activity.perMemberLimit),
    discountKind: discount === null ? 'none' : discount.type === 'fen' ? 'fen' : 'rate',
    discountValue: discount === null ? '' : discount.type === 'fen' ? yuanText(discount.amount) : rateText(discount.bps),
    virtualCompletion: activity.virtualCompletion,
    startAt: formatDateTime(activity.startAt),
    endAt: formatDateTime(activity.endAt)
  }
}

/** "9" → 1000 bps off; "9.5" → 500; null unless 0.1–9.9 with one decimal at most. */
export function parseRate(text: string): number | null {
  const m = /^(\d)(?:\.(\d))?$/.exec(text.trim())
  if (!m) return null
  const tenths = Number(m[1]) * 10 + Number(m[2] ?? 0)
  if (tenths < 1 || tenths > 99) return null
  return 10000 - tenths * 100
}

export interface ActivityCheck {
  errors: ActivityErrors
  terms: Omit<CreateActivityInput, 'skuId'> | null
}

/** Checks the form at `now` (server clock). */
export function checkActivityForm(form: ActivityForm, now: number): ActivityCheck {
  const errors: ActivityErrors = {}
  const price = parseYuan(form.groupPrice)
  const limit = parseCount(form.perMemberLimit)
  const startAt = parseDateTime(form.startAt)
  const endAt = parseDateTime(form.endAt)

  if (!form.sku) errors.skuId = '请选择商品规格'
  if (form.title.trim().length > 60) errors.title = '标题最多 60 个字'

  if (price === null) errors.groupPrice = '请填写拼团价（元，最多两位小数）'
  else if (price <= 0) errors.groupPrice = '拼团价须大于 0'
  else if (form.sku && price >= form.sku.price) errors.groupPrice = `拼团价须低于商品原价 ${formatPrice(form.sku.price)}`

  if (form.groupSize < MIN_SIZE || form.groupSize > MAX_SIZE) errors.groupSize = `成团人数须为 ${MIN_SIZE}–${MAX_SIZE} 人`
  if (form.timeLimitMinutes < MIN_MINUTES || form.timeLimitMinutes > MAX_MINUTES) errors.timeLimitMinutes = '成团时限须为 10 分钟到 72 小时'
  if (limit === null || limit < 1 || limit > MAX_PER_MEMBER_LIMIT) errors.perMemberLimit = `每人限参团次数须为 1–${MAX_PER_MEMBER_LIMIT}`

  let leaderDiscount: LeaderDiscount | null = null
  if (form.discountKind === 'fen') {
    const amount = parseYuan(form.discountValue)
    if (amount === null || amount < 1) errors.leaderDiscount = '请填写团长立减金额（元）'
    else if (price !== null && amount >= price) errors.leaderDiscount = '团长立减须低于拼团价'
    else leaderDiscount = { type: 'fen', amount }
  } else if (form.discountKind === 'rate') {
    const bps = parseRate(form.discountValue)
    if (bps === null) errors.leaderDiscount = '请填写团长折扣，0.1–9.9 折'
    else leaderDiscount = { type: 'bps', bps }
  }

  if (startAt === null) errors.startAt = '请填写开始时间，如 2026-11-25 10:00:00'
  if (endAt === null) errors.endAt = '请填写结束时间，如 2026-12-01 22:00:00'
  else if (startAt !== null && endAt <= startAt) errors.endAt = '结束时间须晚于开始时间'
  else if (endAt <= now) errors.endAt = '结束时间须晚于现在'

  if (Object.keys(errors).length > 0) return { errors, terms: null }
  const title = form.title.trim()
  return {
    errors,
    terms: {
      groupPrice: price!,
      groupSize: form.groupSize,
      timeLimitMinutes: form.timeLimitMinutes,
      perMemberLimit: limit!,
      leaderDiscount,
      virtualCompletion: form.virtualCompletion,
      startAt: startAt!,
      endAt: endAt!,
      ...(title ? { title } : {})
    }
  }
}

export const ACTIVITY_FIELD_ORDER: ActivityField[] = [
  'skuId',
  'title',
  'groupPrice',
  'leaderDiscount',
  'groupSize',
  'timeLimitMinutes',
  'perMemberLimit',
  'startAt',
  'endAt'
]

export const firstActivityError = (errors: ActivityErrors): string | null => {
  const field = ACTIVITY_FIELD_ORDER.find((f) => errors[f])
  return field ? errors[field]! : null
}
