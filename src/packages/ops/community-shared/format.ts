/** `12-02 20:00` in Shanghai time. */
export function shanghaiShort(ms: number): string {
  const d = new Date(ms + 8 * 3_600_000)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** `YYYY-MM` of the month before the one `ms` is in (Shanghai): the month usually settled. */
export function previousMonth(ms = Date.now()): string {
  const d = new Date(ms + 8 * 3_600_000)
  const index = d.getUTCFullYear() * 12 + d.getUTCMonth() - 1
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

export function thisMonth(ms = Date.now()): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 7)
}

export const bpsText = (bps: number): string => `${Number((bps / 100).toFixed(2))}%`

/** The month before `YYYY-MM`. */
export function monthBefore(month: string): string {
  const [y, m] = month.split('-').map(Number)
  const index = y * 12 + (m - 1) - 1
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}
