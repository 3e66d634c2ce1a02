import { addDays, chinaDay, dayStartMs, isCalendarDay } from '../../../core/points/china-day'

export type DatePreset = 'any' | 'today' | '7d' | '30d' | 'custom'

export const DATE_PRESETS: Array<{ value: DatePreset; label: string }> = [
  { value: 'any', label: '全部时间' },
  { value: 'today', label: '今天' },
  { value: '7d', label: '近 7 天' },
  { value: '30d', label: '近 30 天' },
  { value: 'custom', label: '自定义' }
]

/**
 * The audit log's time range in epoch ms (Asia/Shanghai days, `to` exclusive).
 * A custom range takes whole days, both ends included; a half-typed day is left out.
 */
export function rangeOf(preset: DatePreset, fromDay: string, toDay: string, now: number): { from?: number; to?: number } {
  const today = chinaDay(now)
  const tomorrow = dayStartMs(addDays(today, 1))
  if (preset === 'today') return { from: dayStartMs(today), to: tomorrow }
  if (preset === '7d') return { from: dayStartMs(addDays(today, -6)), to: tomorrow }
  if (preset === '30d') return { from: dayStartMs(addDays(today, -29)), to: tomorrow }
  if (preset !== 'custom') return {}
  const from = isCalendarDay(fromDay.trim()) ? dayStartMs(fromDay.trim()) : undefined
  const to = isCalendarDay(toDay.trim()) ? dayStartMs(addDays(toDay.trim(), 1)) : undefined
  if (from !== undefined && to !== undefined && from >= to) return { from }
  return { from, to }
}
