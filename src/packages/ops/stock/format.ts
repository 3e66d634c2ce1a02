const SHANGHAI_MS = 8 * 60 * 60_000

/** `2025-01-06 10:00` in Asia/Shanghai, whatever the device's zone. */
export function stockTime(at: number): string {
  const d = new Date(at + SHANGHAI_MS)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** `+5` / `-3`. */
export const signed = (delta: number): string => (delta > 0 ? `+${delta}` : String(delta))
