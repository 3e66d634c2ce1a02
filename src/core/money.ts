/** Money is integer fen (分) everywhere; this file is the one place that formats it. */
export type Fen = number;

export function assertFen(value: number, what = 'amount'): Fen {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be an integer number of fen, got ${value}`);
  return value;
}

/** 12345 → "123.45"; -5 → "-0.05". */
export function formatFen(fen: Fen): string {
  assertFen(fen);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}${yuan}.${cents}`;
}

/** 12345 → "¥123.45". */
export const formatPrice = (fen: Fen): string => `¥${formatFen(fen)}`;

/** Basis points of an amount, rounded down to the fen (a discount never overshoots). */
export function bpsOf(fen: Fen, bps: number): Fen {
  assertFen(fen);
  if (!Number.isSafeInteger(bps) || bps < 0 || bps > 10000) throw new RangeError(`bps must be 0..10000, got ${bps}`);
  return Math.floor((fen * bps) / 10000);
}
