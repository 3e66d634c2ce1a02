import type { MemberFilter, Range } from '../../../../core/crm/filter'
import type { Channel } from '../../../../core/crm/channel'
import { CHANNEL_LABELS } from '../../../../core/crm/channel'
import type { LifecycleStage } from '../../../../core/crm/lifecycle'
import type { RfmClass } from '../../../../core/crm/rfm'
import { parseCount, parseYuan, yuanText } from '../money'

/** 30000 → "300", 12345 → "123.45". */
const yuanShort = (fen: number): string => yuanText(fen).replace(/\.00$/, '')

/**
 * The member filter as the operator edits it (ranges are typed text, spend in
 * yuan), turned into the `MemberFilter` the crm function takes. One editor
 * for the member list, segments and rule tags.
 */
export interface RangeDraft {
  min: string
  max: string
}

export interface FilterDraft {
  q: string
  tiers: string[]
  rfmClasses: RfmClass[]
  lifecycles: LifecycleStage[]
  tags: string[]
  channels: Channel[]
  /** Yuan. */
  spend: RangeDraft
  lastPaidDays: RangeDraft
  orders: RangeDraft
  /** Kept as they came (a rule tag or segment may carry them); the editor does not show them. */
  rest: Pick<MemberFilter, 'aovFen' | 'category' | 'birthdayThisMonth'>
}

export type FilterField = 'spend' | 'lastPaidDays' | 'orders'
export type FilterErrors = Partial<Record<FilterField, string>>

const emptyRange = (): RangeDraft => ({ min: '', max: '' })

export const emptyFilterDraft = (): FilterDraft => ({
  q: '',
  tiers: [],
  rfmClasses: [],
  lifecycles: [],
  tags: [],
  channels: [],
  spend: emptyRange(),
  lastPaidDays: emptyRange(),
  orders: emptyRange(),
  rest: {}
})

const rangeText = (range: Range | undefined, show: (n: number) => string = String): RangeDraft => ({
  min: range?.min === undefined ? '' : show(range.min),
  max: range?.max === undefined ? '' : show(range.max)
})

export function draftOfFilter(filter: MemberFilter): FilterDraft {
  const rest: FilterDraft['rest'] = {}
  if (filter.aovFen) rest.aovFen = filter.aovFen
  if (filter.category) rest.category = filter.category
  if (filter.birthdayThisMonth) rest.birthdayThisMonth = true
  return {
    q: filter.q ?? '',
    tiers: filter.tiers ?? [],
    rfmClasses: filter.rfmClasses ?? [],
    lifecycles: filter.lifecycles ?? [],
    tags: filter.tags ?? [],
    channels: filter.channels ?? [],
    spend: rangeText(filter.spendFen, yuanShort),
    lastPaidDays: rangeText(filter.lastPaidDays),
    orders: rangeText(filter.orders),
    rest
  }
}

function parseRange(draft: RangeDraft, parse: (text: string) => number | null, unit: string): { range?: Range; error?: string } {
  const minText = draft.min.trim()
  const maxText = draft.max.trim()
  const min = minText === '' ? undefined : parse(minText)
  const max = maxText === '' ? undefined : parse(maxText)
  if (min === null || max === null) return { error: `请填写${unit}` }
  if (min !== undefined && max !== undefined && min > max) return { error: '下限不能大于上限' }
  if (min === undefined && max === undefined) return {}
  return { range: { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) } }
}

/** The filter the draft stands for, or the errors of its ranges. Empty fields are left out. */
export function filterOfDraft(draft: FilterDraft): { filter: MemberFilter | null; errors: FilterErrors } {
  const errors: FilterErrors = {}
  const spend = parseRange(draft.spend, parseYuan, '金额（元，最多两位小数）')
  const days = parseRange(draft.lastPaidDays, parseCount, '整数天数')
  const orders = parseRange(draft.orders, parseCount, '整数次数')
  if (spend.error) errors.spend = spend.error
  if (days.error) errors.lastPaidDays = days.error
  if (orders.error) errors.orders = orders.error
  if (Object.keys(errors).length > 0) return { filter: null, errors }
  const q = draft.q.trim()
  const filter: MemberFilter = {
    ...(q ? { q } : {}),
    ...(draft.tiers.length ? { tiers: draft.tiers } : {}),
    ...(draft.rfmClasses.length ? { rfmClasses: draft.rfmClasses } : {}),
    ...(draft.lifecycles.length ? { lifecycles: draft.lifecycles } : {}),
    ...(draft.tags.length ? { tags: draft.tags } : {}),
    ...(draft.channels.length ? { channels: draft.channels } : {}),
    ...(spend.range ? { spendFen: spend.range } : {}),
    ...(orders.range ? { orders: orders.range } : {}),
    ...(days.range ? { lastPaidDays: days.range } : {}),
    ...draft.rest
  }
  return { filter, errors }
}

/** How many conditions (apart from the search) the filter sets: the 筛选 button's badge. */
export function conditionCount(filter: MemberFilter): number {
  return Object.keys(filter).filter((key) => key !== 'q').length
}

const rangeSummary = (range: Range, unit: string, show: (n: number) => string = String): string => {
  if (range.min !== undefined && range.max !== undefined) return `${show(range.min)}–${show(range.max)}${unit}`
  if (range.min !== undefined) return `≥${show(range.min)}${unit}`
  return `≤${show(range.max ?? 0)}${unit}`
}

/** The filter in words, one phrase per condition (segment and tag rows, the member list's chips). */
export function filterSummary(filter: MemberFilter, tierNames: Record<string, string> = {}): string[] {
  const parts: string[] = []
  if (filter.q) parts.push(`搜索「${filter.q}」`)
  if (filter.tiers?.length) parts.push(`等级 ${filter.tiers.map((t) => tierNames[t] ?? t).join('/')}`)
  if (filter.rfmClasses?.length) parts.push(filter.rfmClasses.join('/'))
  if (filter.lifecycles?.length) parts.push(filter.lifecycles.join('/'))
  if (filter.tags?.length) parts.push(`标签 ${filter.tags.join('+')}`)
  if (filter.channels?.length) parts.push(`来自${filter.channels.map((c) => CHANNEL_LABELS[c]).join('/')}`)
  if (filter.spendFen) parts.push(`消费 ${rangeSummary(filter.spendFen, '元', yuanShort)}`)
  if (filter.orders) parts.push(`${rangeSummary(filter.orders, '单')}`)
  if (filter.lastPaidDays) parts.push(`${rangeSummary(filter.lastPaidDays, '天')}前消费`)
  if (filter.aovFen) parts.push(`客单价 ${rangeSummary(filter.aovFen, '元', yuanShort)}`)
  if (filter.category) parts.push(`某品类购买 ≥${filter.category.minOrders} 次`)
  if (filter.birthdayThisMonth) parts.push('本月生日')
  return parts
}

export const filterSummaryText = (filter: MemberFilter, tierNames?: Record<string, string>): string => filterSummary(filter, tierNames).join(' · ') || '全部会员'
