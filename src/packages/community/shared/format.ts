import { chinaDay, chinaMonth } from '../../../core/points/china-day'
import { formatDistance } from '../../../core/pickup/distance'

/** `12月2日 20:00` in Shanghai time. */
export function shanghaiTime(ms: number): string {
  const d = new Date(ms + 8 * 3_600_000)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

export const today = (now = Date.now()): string => chinaDay(now)
export const thisMonth = (now = Date.now()): string => chinaMonth(now)

/** The months before `month` (`YYYY-MM`), newest first, `count` in all with it. */
export function recentMonths(month: string, count: number): string[] {
  const [y, m] = month.split('-').map(Number)
  return Array.from({ length: count }, (_, i) => {
    const index = y * 12 + (m - 1) - i
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
  })
}

export const distanceText = (metres: number | null): string | null => (metres === null ? null : `距你 ${formatDistance(metres)}`)

/** Commission in basis points as a percentage: 1000 → 10%. */
export const bpsText = (bps: number): string => `${Number((bps / 100).toFixed(2))}%`
