import type { Fen } from '../money';

/**
 * The wallet's two buckets (储值的两个账户):
 * - principal (本金): money the customer paid in. Refundable (单用途预付卡:
 *   the unspent principal must be returned on request).
 * - gift (赠送金): what a top-up plan gave on top. Never refundable, may expire.
 *
 * Balance of a bucket = Σ of its ledger entries (wallet_entries), kept on the
 * account document in the same transaction as every entry.
 */
export type Bucket = 'principal' | 'gift';
export const BUCKETS: readonly Bucket[] = ['principal', 'gift'];

export interface BucketAmounts {
  principalFen: Fen;
  giftFen: Fen;
}

export const ZERO: BucketAmounts = { principalFen: 0, giftFen: 0 };
export const totalOf = (b: BucketAmounts): Fen => b.principalFen + b.giftFen;

function assertAmount(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a non-negative integer of fen, got ${value}`);
}

/**
 * THE SPENDING ORDER: gift first, then principal.
 *
 * Why gift first: the gift is the part the customer can lose (it is not
 * refundable and it may expire); the principal is the part the law lets
 * them take back. Spending the gift first means a customer never watches
 * gift money expire or get forfeited while they were paying with principal,
 * and the refundable principal stays on the account as long as possible:
 * at any moment the customer's refundable amount is as large as it can be.
 * For the store it also retires the non-cash liability first. This is also
 * what customers expect from 充值有礼 ("the bonus is used first").
 *
 * Answers what a payment of `amountFen` takes from each bucket, or null
 * when the balance is short (nothing is taken: all or nothing).
 */
export function spendSplit(balance: BucketAmounts, amountFen: Fen): BucketAmounts | null {
  assertAmount(amountFen, 'amount');
  if (totalOf(balance) < amountFen) return null;
  const giftFen = Math.min(balance.giftFen, amountFen);
  return { giftFen, principalFen: amountFen - giftFen };
}

/**
 * THE REFUND RULE: a refund of a wallet-paid order returns to each bucket
 * exactly what the order took from it. A partial refund returns the buckets
 * in the order's own proportion, cumulatively: after refunds totalling C of
 * the order's T, the gift returned so far is floor(G × C / T) and the rest
 * is principal, so the refund that brings C to T returns exactly P and G
 * (never more in either bucket: C − floor(G·C/T) ≤ P whenever C ≤ T).
 *
 * `taken`: what the order took; `returned`: what earlier refunds of it gave
 * back; `amountFen`: this refund. Answers this refund's split.
 */
export function refundSplit(taken: BucketAmounts, returned: BucketAmounts, amountFen: Fen): BucketAmounts {
  assertAmount(amountFen, 'refund');
  const total = totalOf(taken);
  const before = totalOf(returned);
  const cumulative = Math.min(total, before + amountFen);
  if (total === 0) return ZERO;
  const giftSoFar = Math.floor((taken.giftFen * cumulative) / total);
  const principalSoFar = cumulative - giftSoFar;
  return { giftFen: giftSoFar - returned.giftFen, principalFen: principalSoFar - returned.principalFen };
}

/**
 * THE FORFEITURE RULE: when the customer takes principal R back out of a
 * principal balance P, the gift balance G is forfeited in proportion:
 * ceil(G × R / P) (all of it when R = P, the usual "refund the unspent
 * principal"). The gift came with the principal; it cannot outlive it.
 * Rounded up so a refund of everything never leaves a stray fen of gift.
 */
export function giftForfeitFor(balance: BucketAmounts, principalRefundFen: Fen): Fen {
  assertAmount(principalRefundFen, 'principal refund');
  if (principalRefundFen > balance.principalFen) throw new RangeError('principal refund exceeds the principal balance');
  if (balance.principalFen === 0 || principalRefundFen === 0) return 0;
  return Math.min(balance.giftFen, Math.ceil((balance.giftFen * principalRefundFen) / balance.principalFen));
}
