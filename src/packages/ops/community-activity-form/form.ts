import { formatDateTime, parseDateTime } from '../../../components/ops-datetime/format'
import type { AdminActivityView } from '../../../core/contracts/community'
import type { Fen } from '../../../core/money'
import { parseYuan, yuanText } from '../shared/money'

export interface ItemRow {
  skuId: string
  productName: string
  skuName: string
  skuPrice: Fen
  /** The activity price in yuan; empty: the SKU's own price. */
  priceText: string
}

export interface ActivityForm {
  title: string
  description: string
  items: ItemRow[]
  startAt: string
  cutoffAt: string
  /** Percent, e.g. "8" or "8.5". */
  rateText: string
  status: 'OPEN' | 'CLOSED'
}

export type ActivityErrors = Partial<Record<'title' | 'items' | 'startAt' | 'cutoffAt' | 'rate', string>>

const HOUR = 3_600_000

export function emptyForm(now = Date.now()): ActivityForm {
  const start = Math.ceil(now / HOUR) * HOUR
  return { title: '', description: '', items: [], startAt: formatDateTime(start), cutoffAt: formatDateTime(start + 24 * HOUR), rateText: '8', status: 'OPEN' }
}

export function formOf(activity: AdminActivityView): ActivityForm {
  return {
    title: activity.title,
    description: activity.description,
    items: activity.items.map((item) => ({
      skuId: item.skuId,
      productName: item.productName,
      skuName: item.skuName,
      skuPrice: item.skuPrice,
      priceText: item.price === null ? '' : yuanText(item.price),
    })),
    startAt: formatDateTime(activity.startAt),
    cutoffAt: formatDateTime(activity.cutoffAt),
    rateText: String(activity.commissionBps / 100),
    status: activity.status,
  }
}

/** Basis points of a percentage typed with at most two decimals: "8.5" → 850. */
export function parseRate(text: string): number | null {
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text.trim())
  if (!m) return null
  const bps = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
  return bps <= 10_000 ? bps : null
}

export function activityErrors(form: ActivityForm): ActivityErrors {
  const errors: ActivityErrors = {}
  if (!form.title.trim()) errors.title = '请填写活动名称'
  if (form.items.length === 0) errors.items = '请至少添加一款商品'
  for (const item of form.items) {
    if (item.priceText.trim() === '') continue
    const fen = parseYuan(item.priceText)
    if (fen === null || fen <= 0) errors.items = `「${item.productName}」的团购价格式不正确`
    else if (fen > item.skuPrice) errors.items = `「${item.productName}」的团购价不能高于售价`
  }
  const start = parseDateTime(form.startAt)
  const cutoff = parseDateTime(form.cutoffAt)
  if (start === null) errors.startAt = '请填写开始时间，如 2026-12-01 08:00:00'
  if (cutoff === null) errors.cutoffAt = '请填写截单时间'
  else if (start !== null && cutoff <= start) errors.cutoffAt = '截单时间应晚于开始时间'
  if (parseRate(form.rateText) === null) errors.rate = '佣金比例应为 0–100 的数字（最多两位小数）'
  return errors
}

export function saveInput(form: ActivityForm, activityId: string | null, requestId: string) {
  return {
    ...(activityId ? { activityId } : { requestId }),
    title: form.title.trim(),
    description: form.description.trim(),
    items: form.items.map((item) => ({ skuId: item.skuId, price: item.priceText.trim() === '' ? null : parseYuan(item.priceText) })),
    startAt: parseDateTime(form.startAt)!,
    cutoffAt: parseDateTime(form.cutoffAt)!,
    commissionBps: parseRate(form.rateText)!,
    status: form.status,
  }
}
