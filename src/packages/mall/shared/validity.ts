import dayjs from 'dayjs'

const DAY = 'YYYY.MM.DD'

/**
 * A held coupon's window as the customer reads it: "2026.11.25–2026.12.24"
 * (`validUntil` is exclusive: the last valid instant is a millisecond before),
 * or "2026.12.01 起可用" for one that has not started.
 */
export function couponWindowText(validFrom: number, validUntil: number, now: number = Date.now()): string {
  const last = dayjs(validUntil - 1)
  if (now < validFrom) return `${dayjs(validFrom).format(DAY)} 起可用 · 至 ${last.format(DAY)}`
  return `${dayjs(validFrom).format(DAY)}–${last.format(DAY)}`
}
