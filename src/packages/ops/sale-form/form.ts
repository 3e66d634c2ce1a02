import dayjs from 'dayjs'
import type { ChosenSku } from '../../../components/ops-sku-picker'
import { formatDateTime, parseDateTime } from '../../../components/ops-datetime/format'
import type { CreateFlashSaleInput, FlashSaleField, FlashSaleView } from '../../../core/contracts/flashsale'
import { formatPrice } from '../../../core/money'
import { parseCount, parseYuan, yuanText } from '../shared/money'

/**
 * The flash-sale form: what the operator typed, and the rules it must meet.
 * The rules mirror src/core/flashsale/validate.ts (which cannot be imported
 * here: it brings the contracts' zod into the app bundle); the server checks
 * them again and answers SALE_INVALID with the same fields.
 */
export const DEFAULT_SHARDS = 4
export const MAX_SHARDS = 32
export const DEFAULT_PAYMENT_MINUTES = 5
export const MAX_PAYMENT_MINUTES = 30
/** A start a little in the past is "now" (as on the server). */
export const START_GRACE_MS = 60_000

export interface SaleForm {
  sku: ChosenSku | null
  title: string
  salePrice: string
  quantity: string
  startAt: string
  endAt: string
  perMemberLimit: string
  shards: string
  paymentMinutes: string
}

export type SaleFormField = FlashSaleField | 'title'
export type SaleFormErrors = Partial<Record<SaleFormField, string>>

/** A new sale: starts at the next whole hour, for two hours, one per member. */
export function emptySaleForm(now: number): SaleForm {
  const start = dayjs(now).add(1, 'hour').startOf('hour')
  return {
    sku: null,
    title: '',
    salePrice: '',
    quantity: '',
    startAt: formatDateTime(start.valueOf()),
    endAt: formatDateTime(start.add(2, 'hour').valueOf()),
    perMemberLimit: '1',
    shards: String(DEFAULT_SHARDS),
    paymentMinutes: String(DEFAULT_PAYMENT_MINUTES)
  }
}

/** The form of a sale being edited (its SKU as chosen then; price and stock read again by the page). */
export function saleFormOf(sale: FlashSaleView, sku: ChosenSku): SaleForm {
  return {
    sku,
    title: sale.title === sale.productName ? '' : sale.title,
    salePrice: yuanText(sale.salePrice),
    quantity: String(sale.quantity),
    startAt: formatDateTime(sale.startAt),
    endAt: formatDateTime(sale.endAt),
    perMemberLimit: String(sale.perMemberLimit),
    shards: String(sale.shards),
    paymentMinutes: String(sale.paymentMinutes)
  }
}

export interface SaleCheck {
  errors: SaleFormErrors
  /** The terms to send, when there is no error. */
  terms: Omit<CreateFlashSaleInput, 'skuId'> | null
}

/**
 * Checks the form at `now` (server clock). `held`: units the sale being
 * edited holds already (they count as available again).
 */
export function checkSaleForm(form: SaleForm, now: number, held = 0): SaleCheck {
  const errors: SaleFormErrors = {}
  const price = parseYuan(form.salePrice)
  const quantity = parseCount(form.quantity)
  const startAt = parseDateTime(form.startAt)
  const endAt = parseDateTime(form.endAt)
  const limit = parseCount(form.perMemberLimit)
  const shards = parseCount(form.shards)
  const minutes = parseCount(form.paymentMinutes)

  if (!form.sku) errors.skuId = '请选择商品规格'
  if (form.title.trim().length > 60) errors.title = '标题最多 60 个字'

  if (price === null) errors.salePrice = '请填写秒杀价（元，最多两位小数）'
  else if (price <= 0) errors.salePrice = '秒杀价必须大于 0'
  else if (form.sku && price >= form.sku.price) errors.salePrice = `秒杀价必须低于原价 ${formatPrice(form.sku.price)}`

  const available = form.sku ? form.sku.stock + held : null
  if (quantity === null || quantity < 1) errors.quantity = '秒杀数量至少为 1'
  else if (available !== null && quantity > available) errors.quantity = `秒杀数量不能超过可用库存 ${Math.max(0, available)}`

  if (startAt === null) errors.startAt = '请填写开始时间，如 2026-11-25 10:00:00'
  else if (startAt < now - START_GRACE_MS) errors.startAt = '开始时间不能早于当前时间'
  if (endAt === null) errors.endAt = '请填写结束时间，如 2026-11-25 12:00:00'
  else if (startAt !== null && endAt <= startAt) errors.endAt = '结束时间必须晚于开始时间'

  if (limit === null || limit < 1) errors.perMemberLimit = '每人限购至少为 1'
  else if (quantity !== null && quantity >= 1 && limit > quantity) errors.perMemberLimit = '每人限购不能超过秒杀数量'
  if (shards === null || shards < 1 || shards > MAX_SHARDS) errors.shards = `并发通道数应为 1–${MAX_SHARDS}`
  if (minutes === null || minutes < 1 || minutes > MAX_PAYMENT_MINUTES) errors.paymentMinutes = `支付时限应为 1–${MAX_PAYMENT_MINUTES} 分钟`

  if (Object.keys(errors).length > 0) return { errors, terms: null }
  const title = form.title.trim()
  return {
    errors,
    terms: {
      salePrice: price!,
      quantity: quantity!,
      startAt: startAt!,
      endAt: endAt!,
      perMemberLimit: limit!,
      shards: shards!,
      paymentMinutes: minutes!,
      ...(title ? { title } : {})
    }
  }
}

/** The fields in the order they are shown: the first error is the one toasted. */
export const SALE_FIELD_ORDER: SaleFormField[] = ['skuId', 'title', 'salePrice', 'quantity', 'perMemberLimit', 'startAt', 'endAt', 'shards', 'paymentMinutes']

export const firstError = (errors: SaleFormErrors): string | null => {
  const field = SALE_FIELD_ORDER.find((f) => errors[f])
  return field ? errors[field]! : null
}
