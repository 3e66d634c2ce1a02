import dayjs from 'dayjs'

/** How operators type a time: 2026-11-25 10:00:00 (seconds optional), local time. */
export const DATETIME_PLACEHOLDER = 'YYYY-MM-DD HH:mm:ss'
const PATTERN = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::(\d{2}))?$/

export const formatDateTime = (at: number): string => dayjs(at).format('YYYY-MM-DD HH:mm:ss')

/** Epoch ms of a typed time, or null when it is not one (2026-02-30 included). */
export function parseDateTime(text: string): number | null {
  const m = PATTERN.exec(text.trim())
  if (!m) return null
  const [year, month, day, hour, minute, second] = m.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number]
  const at = new Date(year, month - 1, day, hour, minute, second)
  const same =
    at.getFullYear() === year && at.getMonth() === month - 1 && at.getDate() === day && at.getHours() === hour && at.getMinutes() === minute && at.getSeconds() === second
  return same ? at.getTime() : null
}

/** The date part for the date picker, the time part for the time picker; today / 00:00 when the text is no time. */
export function partsOf(text: string): { date: string; time: string } {
  const at = parseDateTime(text)
  const day = dayjs(at ?? Date.now())
  return { date: day.format('YYYY-MM-DD'), time: at === null ? '00:00' : day.format('HH:mm') }
}
