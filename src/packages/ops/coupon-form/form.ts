import dayjs from 'dayjs'
import type { ChosenSku } from '../../../components/ops-sku-picker'
import { formatDateTime, parseDateTime } from '../../../components/ops-datetime/format'
import type { OpsTemplateView, SaveTemplateInput } from '../../../core/contracts/coupon'
import { ruleLabel, scopeLabel, validityLabel, zheText } from '../../../core/coupon/labels'
import { templateIssues, type TemplateField } from '../../../core/coupon/template-rules'
import type { CouponRule, CouponValidity } from '../../../core/coupon/types'
import { parseCount, parseYuan, yuanText } from '../shared/money'

/**
 * The coupon template form: what the operator typed, turned into a
 * coupon.saveTemplate input. The business rules are core/coupon/template-rules
 * (pure, shared with the server, which checks them again with the same codes).
 */
export type CouponKindChoice = 'amount' | 'percent' | 'freeItem'
export type ValidityMode = 'relative' | 'absolute'

export interface ScopeProduct {
  productId: string
  name: string
}

export interface CouponForm {
  kind: CouponKindChoice
  title: string
  description: string
  /** Yuan; empty = 无门槛. */
  threshold: string
  /** Yuan off (满减). */
  amountOff: string
  /** 折 (8.5 = 15% off). */
  zhe: string
  /** Yuan, the percent coupon's cap. */
  maxOff: string
  freeSku: ChosenSku | null
  /** 指定商品 on: only `products` count. */
  scoped: boolean
  products: ScopeProduct[]
  validityMode: ValidityMode
  days: string
  from: string
  until: string
  /** Empty = 不限. */
  totalQuantity: string
  perMemberLimit: string
  claimable: boolean
  inStoreOnly: boolean
}

export type CouponFormField = TemplateField | 'title' | 'zhe' | 'from' | 'until' | 'days'
export type CouponFormErrors = Partial<Record<CouponFormField, string>>

export function emptyCouponForm(now: number): CouponForm {
  const start = dayjs(now).startOf('day')
  return {
    kind: 'amount',
    title: '',
    description: '',
    threshold: '',
    amountOff: '',
    zhe: '',
    maxOff: '',
    freeSku: null,
    scoped: false,
    products: [],
    validityMode: 'relative',
    days: '30',
    from: formatDateTime(start.valueOf()),
    until: formatDateTime(start.add(30, 'day').subtract(1, 'second').valueOf()),
    totalQuantity: '',
    perMemberLimit: '1',
    claimable: true,
    inStoreOnly: false
  }
}

/** The form of a template being edited; scope names and the free item are filled in by the page. */
export function couponFormOf(template: OpsTemplateView, now: number): CouponForm {
  const form = emptyCouponForm(now)
  const rule = template.rule
  const validity = template.validity
  return {
    ...form,
    kind: rule.kind,
    title: template.title,
    description: template.description,
    threshold: rule.threshold > 0 ? yuanText(rule.threshold) : '',
    amountOff: rule.kind === 'amount' ? yuanText(rule.amountOff) : '',
    zhe: rule.kind === 'percent' ? zheText(rule.offBps) : '',
    maxOff: rule.kind === 'percent' && rule.maxOff !== null ? yuanText(rule.maxOff) : '',
    scoped: rule.kind !== 'freeItem' && (rule.productIds?.length ?? 0) > 0,
    products: rule.kind !== 'freeItem' ? (rule.productIds ?? []).map((productId) => ({ productId, name: '' })) : [],
    validityMode: validity.type,
    days: validity.type === 'relative' ? String(validity.days) : form.days,
    from: validity.type === 'absolute' ? formatDateTime(validity.from) : form.from,
    until: validity.type === 'absolute' ? formatDateTime(validity.until) : form.until,
    totalQuantity: template.totalQuantity === null ? '' : String(template.totalQuantity),
    perMemberLimit: String(template.perMemberLimit),
    claimable: template.claimable,
    inStoreOnly: template.inStoreOnly
  }
}

/** "8.5" → 1500 bps off ("9.25" → 750); null when it is not a 折 number below 10. */
export function parseZhe(text: string): number | null {
  const m = /^(\d)(?:\.(\d{1,2}))?$/.exec(text.trim())
  if (!m) return null
  const hundredths = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
  return 10000 - hundredths * 10
}

/** The rule as typed so far, or null while a needed amount is missing (the preview waits). */
export function ruleOf(form: CouponForm): CouponRule | null {
  const threshold = form.threshold.trim() === '' ? 0 : parseYuan(form.threshold)
  if (threshold === null) return null
  const productIds = form.scoped && form.products.length > 0 ? form.products.map((p) => p.productId) : undefined
  if (form.kind === 'amount') {
    const amountOff = parseYuan(form.amountOff)
    return amountOff === null ? null : { kind: 'amount', amountOff, threshold, ...(productIds ? { productIds } : {}) }
  }
  if (form.kind === 'percent') {
    const offBps = parseZhe(form.zhe)
    if (offBps === null) return null
    const maxOff = form.maxOff.trim() === '' ? null : parseYuan(form.maxOff)
    return { kind: 'percent', offBps, maxOff, threshold, ...(productIds ? { productIds } : {}) }
  }
  return form.freeSku ? { kind: 'freeItem', skuId: form.freeSku.skuId, threshold } : null
}

function validityOf(form: CouponForm): CouponValidity | null {
  if (form.validityMode === 'relative') {
    const days = parseCount(form.days)
    return days === null ? null : { type: 'relative', days }
  }
  const from = parseDateTime(form.from)
  const until = parseDateTime(form.until)
  return from === null || until === null ? null : { type: 'absolute', from, until }
}

/** The coupon's face as members will see it, while the operator types. */
export function previewOf(form: CouponForm): { title: string; rule: string; scope: string; validity: string } {
  const rule = ruleOf(form)
  const validity = validityOf(form)
  return {
    title: form.title.trim() || '优惠券名称',
    rule: rule ? ruleLabel(rule) : '填写金额后显示',
    scope: rule ? scopeLabel(rule) : form.scoped ? '指定商品可用' : '全场通用',
    validity: validity ? (validity.type === 'relative' ? validityLabel(validity) : `${form.from.slice(0, 10)} 至 ${form.until.slice(0, 10)}`) : ''
  }
}

export interface CouponCheck {
  errors: CouponFormErrors
  input: SaveTemplateInput | null
}

/** Checks the form at `now`; `issued`: coupons the edited template has handed out already. */
export function checkCouponForm(form: CouponForm, now: number, issued = 0, templateId?: string): CouponCheck {
  const errors: CouponFormErrors = {}
  const title = form.title.trim()
  if (!title) errors.title = '请填写优惠券名称'
  else if (title.length > 30) errors.title = '名称最多 30 个字'
  if (form.threshold.trim() !== '' && parseYuan(form.threshold) === null) errors.threshold = '请填写门槛金额（元，最多两位小数），无门槛留空'
  if (form.kind === 'amount' && parseYuan(form.amountOff) === null) errors.amountOff = '请填写减免金额（元）'
  if (form.kind === 'percent') {
    if (parseZhe(form.zhe) === null) errors.zhe = '请填写折扣，如 8.5（即 85 折）'
    if (form.maxOff.trim() === '' || parseYuan(form.maxOff) === null) errors.maxOff = '请填写最高减免金额（元）'
  }
  if (form.kind === 'freeItem' && !form.freeSku) errors.skuId = '请选择赠品'
  if (form.kind !== 'freeItem' && form.scoped && form.products.length === 0) errors.productIds = '请添加至少一个指定商品'
  if (form.validityMode === 'relative' && parseCount(form.days) === null) errors.days = '请填写有效天数'
  if (form.validityMode === 'absolute') {
    if (parseDateTime(form.from) === null) errors.from = '请填写开始时间'
    if (parseDateTime(form.until) === null) errors.until = '请填写结束时间'
  }
  const totalQuantity = form.totalQuantity.trim() === '' ? null : parseCount(form.totalQuantity)
  if (form.totalQuantity.trim() !== '' && totalQuantity === null) errors.totalQuantity = '请填写整数，不限留空'
  const perMemberLimit = parseCount(form.perMemberLimit)
  if (perMemberLimit === null) errors.perMemberLimit = '请填写每人限领张数'

  const rule = ruleOf(form)
  const validity = validityOf(form)
  if (rule && validity && perMemberLimit !== null && !errors.totalQuantity) {
    for (const issue of templateIssues({ rule, validity, totalQuantity, perMemberLimit }, now, issued)) {
      const field = formFieldOf(issue.field, form.validityMode)
      if (!errors[field]) errors[field] = issue.message
    }
  }
  if (Object.keys(errors).length > 0 || !rule || !validity || perMemberLimit === null) return { errors, input: null }
  return {
    errors,
    input: {
      ...(templateId ? { templateId } : {}),
      title,
      description: form.description.trim(),
      rule,
      validity,
      totalQuantity,
      perMemberLimit,
      claimable: form.claimable,
      inStoreOnly: form.inStoreOnly
    }
  }
}

/** Server issue fields mapped onto the form's fields. */
export function formFieldOf(field: string, mode: ValidityMode): CouponFormField {
  if (field === 'offBps') return 'zhe'
  if (field === 'validity') return mode === 'relative' ? 'days' : 'until'
  return field as CouponFormField
}

export const firstError = (errors: CouponFormErrors): string | undefined => Object.values(errors).find(Boolean)
