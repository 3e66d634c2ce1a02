/** The largest in-store amount staff may type: 1 000 000 元 (in fen). */
export const MAX_AMOUNT_FEN = 100_000_000

/**
 * 消费金额 as typed (yuan, up to 2 decimals) → integer fen, or null when it is not
 * a positive amount. Parsed from the digits, never through a float (0.29 * 100 ≠ 29).
 */
export function parseYuanToFen(text: string): number | null {
  const match = /^(\d{1,9})(?:\.(\d{0,2}))?$/.exec(text.trim())
  if (!match) return null
  const yuan = Number(match[1])
  const cents = Number((match[2] ?? '').padEnd(2, '0'))
  const fen = yuan * 100 + cents
  if (!Number.isSafeInteger(fen) || fen <= 0 || fen > MAX_AMOUNT_FEN) return null
  return fen
}
