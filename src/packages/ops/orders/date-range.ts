/** The orders page's date presets, as Asia/Shanghai days (UTC+8 all year) whatever the device's time zone. */
const DAY = 24 * 60 * 60 * 1000
const SHANGHAI = 8 * 60 * 60 * 1000

export type DatePreset = 'all' | 'today' | '7d' | '30d' | 'custom'

export const DATE_PRESETS: Array<{ value: DatePreset; label: string }> = [
  { value: 'all', label: '全部时间' },
  { value: 'today', label: '今天' },
  { value: '7d', label: '7天' },
  { value: '30d', label: '30天' },
  { value: 'custom', label: '自定义' }
]

/** Midnight (Shanghai) of the day `at` falls on. */
export const shanghaiDayStart = (at: number): number => Math.floor((at + SHANGHAI) / DAY) * DAY - SHANGHAI

/** [from, to) of a preset: today, or the last 7 / 30 days including today. */
export function presetRange(preset: Exclude<DatePreset, 'all' | 'custom'>, now: number): { from: number; to: number } {
  const today = shanghaiDayStart(now)
  const days = preset === 'today' ? 1 : preset === '7d' ? 7 : 30
  return { from: today - (days - 1) * DAY, to: today + DAY }
}

/** A typed day (2026-12-01) as the Shanghai midnight it starts at; null when it is no date. */
export function parseDay(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim())
  if (!m) return null
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const utc = Date.UTC(year, month - 1, day)
  const back = new Date(utc)
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null
  return utc - SHANGHAI
}

/** [from, to) of a custom range of whole days, both ends included; null when a day is not valid or the range runs backwards. */
export function customRange(fromText: string, toText: string): { from: number; to: number } | null {
  const from = parseDay(fromText)
  const to = parseDay(toText)
  if (from === null || to === null || to < from) return null
  return { from, to: to + DAY }
}

/** 2026-12-01 10:05 in Shanghai time. */
export function shanghaiMinute(at: number): string {
  const d = new Date(at + SHANGHAI)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}
