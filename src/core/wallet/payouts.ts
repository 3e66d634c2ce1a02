import type { Fen } from '../money';

/** A paid top-up as the principal refund sees it: the provider's trade, what it took, what was refunded through it so far. */
export interface TopUpPayment {
  orderId: string;
  outTradeNo: string;
  paidFen: Fen;
  refundedFen: Fen;
  paidAt: number;
}

export interface PayoutLine {
  orderId: string;
  outTradeNo: string;
  /** What this trade gives back. */
  amountFen: Fen;
  /** The trade's total (WeChat's refund API needs it). */
  totalFen: Fen;
}

/**
 * Principal refunds go back to the original top-up payments, newest first
 * (the most recent money in is the first out, and the newest trades are
 * the ones WeChat still accepts refunds on: a trade can be refunded for a
 * year), each at most what it paid less what was refunded through it.
 * Answers null when the payments cannot cover the amount (the principal
 * came from somewhere else: an operator adjustment, a refund to the wallet).
 */
export function allocatePayout(payments: readonly TopUpPayment[], amountFen: Fen): PayoutLine[] | null {
  let left = amountFen;
  const lines: PayoutLine[] = [];
  const newestFirst = [...payments].sort((a, b) => b.paidAt - a.paidAt || (a.orderId < b.orderId ? 1 : -1));
  for (const p of newestFirst) {
    if (left <= 0) break;
    const room = p.paidFen - p.refundedFen;
    if (room <= 0) continue;
    const take = Math.min(room, left);
    lines.push({ orderId: p.orderId, outTradeNo: p.outTradeNo, amountFen: take, totalFen: p.paidFen });
    left -= take;
  }
  return left > 0 ? null : lines;
}

/** out_refund_no of a payout line: `W<requestId>-<n>` (≤ 64 chars), reused on every retry. */
export const payoutRefundNo = (requestId: string, index: number): string => `W${requestId}-${index + 1}`;

/**
 * THE IN-STORE THRESHOLD: a charge above this (settings `wallet.confirmAboveFen`,
 * default ¥200) waits for the customer to confirm it on their phone.
 */
export const DEFAULT_CONFIRM_ABOVE_FEN = 20_000;
export const needsCustomerConfirm = (amountFen: Fen, confirmAboveFen: Fen): boolean => amountFen > confirmAboveFen;
/** How long a charge waits for the customer's confirmation. */
export const CHARGE_CONFIRM_MS = 5 * 60_000;
