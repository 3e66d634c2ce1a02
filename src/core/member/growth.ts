import type { Fen } from '../money';

/** 成长值: 1 per whole yuan paid (never spent; a refund takes back what the order gave). */
export function growthForPaid(paid: Fen): number {
  if (!Number.isSafeInteger(paid) || paid < 0) throw new RangeError(`paid must be a non-negative integer of fen, got ${paid}`);
  return Math.floor(paid / 100);
}
