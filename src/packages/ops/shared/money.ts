import { formatFen, type Fen } from '../../../core/money'

/** Fen of a price typed in yuan ("12", "12.9", "12.90"); null when it is not one. No floats involved. */
export function parseYuan(text: string): Fen | null {
  const m = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(text.trim())
  if (!m) return null
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
}

/** The text of a price field for an amount in fen: 1290 → "12.90". */
export const yuanText = (fen: Fen): string => formatFen(fen)

/** A whole number typed in a field; null when it is not one. */
export function parseCount(text: string): number | null {
  return /^\d{1,7}$/.test(text.trim()) ? Number(text.trim()) : null
}
