const MINUTE = 60_000
const HOUR = 60 * MINUTE

/** 3 分钟 / 5 小时 / 2 天 3 小时: a span as an operator reads it. */
export function span(ms: number): string {
  const m = Math.max(0, Math.floor(ms / MINUTE))
  if (m < 60) return `${Math.max(1, m)} 分钟`
  const h = Math.floor(m / 60)
  if (h < 24) return `${h} 小时`
  const d = Math.floor(h / 24)
  return h % 24 ? `${d} 天 ${h % 24} 小时` : `${d} 天`
}

/** 已等待 5 小时. */
export const waited = (requestedAt: number, now: number): string => `已等待 ${span(now - requestedAt)}`

/** 43 小时后自动同意, or 即将自动同意 once due (the next sweep run approves it). */
export function autoApproveNote(autoApproveAt: number | null, now: number): string | null {
  if (autoApproveAt === null) return null
  return autoApproveAt - now <= MINUTE ? '即将自动同意' : `${span(autoApproveAt - now)}后自动同意`
}

/** Less than 6 hours left: shown in the brand colour. */
export const urgent = (autoApproveAt: number | null, now: number): boolean => autoApproveAt !== null && autoApproveAt - now < 6 * HOUR
