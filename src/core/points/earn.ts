import type { Fen } from '../money';

/** A points multiplier (1.5 = ×1.5) in hundredths, so earning is integer arithmetic. */
export function multiplierHundredths(multiplier: number): number {
  if (!Number.isFinite(multiplier) || multiplier < 0) throw new RangeError(`points multiplier must be ≥ 0, got ${multiplier}`);
  return Math.round(multiplier * 100);
}

/**
 * Points earned for a paid amount: `pointsPerYuan` per whole yuan, times the
 * tier multiplier, rounded down. 128.50 元 × 1.5 → 192.
 */
export function pointsEarnedFor(paid: Fen, multiplier: number, pointsPerYuan = 1): number {
  if (!Number.isSafeInteger(paid) || paid < 0) throw new RangeError(`paid must be a non-negative integer of fen, got ${paid}`);
  if (!Number.isSafeInteger(pointsPerYuan) || pointsPerYuan < 0) throw new RangeError(`pointsPerYuan must be a non-negative integer`);
  return Math.floor((paid * pointsPerYuan * multiplierHundredths(multiplier)) / 10000);
}
