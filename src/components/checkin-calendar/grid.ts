import dayjs from 'dayjs'

export interface CalendarCell {
  /** "YYYY-MM-DD", or null for the blanks before the 1st and after the last day. */
  date: string | null
  day: number | null
}

/** The weeks of a month ("YYYY-MM"), Sunday first, padded to whole weeks. Pure calendar arithmetic: no time zone enters. */
export function monthGrid(month: string): CalendarCell[] {
  const first = dayjs(`${month}-01`)
  const cells: CalendarCell[] = Array.from({ length: first.day() }, () => ({ date: null, day: null }))
  for (let day = 1; day <= first.daysInMonth(); day += 1) cells.push({ date: first.date(day).format('YYYY-MM-DD'), day })
  while (cells.length % 7 !== 0) cells.push({ date: null, day: null })
  return cells
}

/** "YYYY-MM" `delta` months from `month`. */
export const shiftMonth = (month: string, delta: number): string => dayjs(`${month}-01`).add(delta, 'month').format('YYYY-MM')

export const WEEKDAY_LABELS = ['日', '一', '二', '三', '四', '五', '六']
