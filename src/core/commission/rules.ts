import type { Fen } from '../money';

/**
 * Commission (佣金) rules, shared by shopping guides (导购) and community
 * leaders (团长). Pure: no I/O. The ledger (services/commission) applies them.
 *
 * - An order accrues `floor(baseFen × rateBps / 10 000)` once, to one
 *   beneficiary of one kind.
 * - Refunds reverse it in proportion to the money refunded, computed on the
 *   order's cumulative refunded fen (so rounding never drifts over several
 *   partial refunds): after refunds totalling R of a paid P, the reversed
 *   total is `floor(accrued × R / P)`; the refund that brings R to P (or the
 *   one that ends the order, `final`) reverses exactly what is left. A
 *   reversal is never negative and never takes more than was accrued.
 */

export type CommissionKind = 'guide' | 'leader';
export const COMMISSION_KINDS: readonly CommissionKind[] = ['guide', 'leader'];

/** 100% in basis points; rates above this are refused. */
export const MAX_RATE_BPS = 10_000;

export function isValidRateBps(rate: unknown): rate is number {
  return typeof rate === 'number' && Number.isInteger(rate) && rate >= 0 && rate <= MAX_RATE_BPS;
}

/** The commission an order earns: rounded down to the fen, 0 for a non-positive base or rate. */
export function commissionOf(baseFen: Fen, rateBps: number): Fen {
  if (!Number.isFinite(baseFen) || baseFen <= 0 || !isValidRateBps(rateBps) || rateBps === 0) return 0;
  return Math.floor((Math.floor(baseFen) * rateBps) / MAX_RATE_BPS);
}

export interface ReversalInput {
  /** What the order accrued. */
  accruedFen: Fen;
  /** What earlier refunds of the order already reversed. */
  reversedFen: Fen;
  /** Money refunded by earlier refunds of the order. */
  refundedBeforeFen: Fen;
  /** This refund's money. */
  refundedFen: Fen;
  /** The order's paid total. */
  orderPaidFen: Fen;
  /** This refund ends the order (REFUNDED): reverse whatever is left. */
  final?: boolean;
}

/** The commission this refund reverses (≥ 0, ≤ what is left). */
export function reversalOf(input: ReversalInput): Fen {
  const left = Math.max(0, input.accruedFen - input.reversedFen);
  if (left === 0) return 0;
  const refundedTotal = Math.max(0, input.refundedBeforeFen) + Math.max(0, input.refundedFen);
  if (input.final || input.orderPaidFen <= 0 || refundedTotal >= input.orderPaidFen) return left;
  const target = Math.floor((input.accruedFen * refundedTotal) / input.orderPaidFen);
  return Math.max(0, Math.min(left, target - input.reversedFen));
}

/** Ids derived from their cause. */
export const commissionAccountId = (kind: CommissionKind, beneficiaryId: string): string => `${kind}:${beneficiaryId}`;
export const commissionOrderId = (kind: CommissionKind, beneficiaryId: string, orderId: string): string => `${kind}:${beneficiaryId}:${orderId}`;
export const accrueEntryId = (kind: CommissionKind, beneficiaryId: string, orderId: string): string => `${kind}:${beneficiaryId}:${orderId}:accrue`;
export const reverseEntryId = (kind: CommissionKind, beneficiaryId: string, orderId: string, refundKey: string): string =>
  `${kind}:${beneficiaryId}:${orderId}:reverse:${refundKey}`;
export const commissionPeriodId = (kind: CommissionKind, beneficiaryId: string, period: string): string => `${kind}:${beneficiaryId}:${period}`;

/** `YYYY-MM` (a Shanghai calendar month). */
export const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
export const isPeriod = (period: unknown): period is string => typeof period === 'string' && PERIOD_PATTERN.test(period);
