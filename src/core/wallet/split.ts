import type { Fen } from '../money';

/**
 * SPLIT PAYMENT (余额 + 微信支付): when the balance is short of the order,
 * the whole balance is held (taken from the buckets, gift first, like any
 * spend) and WeChat Pay is asked for the rest. The payment notification
 * settles the hold in the transaction that marks the order paid; a cancel
 * (by the customer, or the sweep once the provider says the trade is
 * unpaid) gives it back. Holding by debiting keeps "balance = Σ entries"
 * true at every moment: the held money cannot be spent twice, and nothing
 * needs a separate "available" figure.
 */

/** What the WeChat trade of an order must be for: the payable less its held wallet part. */
export const cashDueOf = (order: { amounts: { payable: Fen }; walletHold?: { fen: Fen } | null }): Fen =>
  order.amounts.payable - (order.walletHold?.fen ?? 0);

/** Why a split payment cannot be made now (null: it can, holding `holdFen`). */
export function splitRefusal(balanceFen: Fen, payableFen: Fen): 'WALLET_INSUFFICIENT' | 'WALLET_COVERS_ORDER' | null {
  if (balanceFen <= 0) return 'WALLET_INSUFFICIENT';
  if (balanceFen >= payableFen) return 'WALLET_COVERS_ORDER';
  return null;
}

export interface RefundParts {
  walletFen: Fen;
  cashFen: Fen;
}

/**
 * THE SPLIT REFUND RULE: a refund of a split-paid order goes back to the
 * wallet and to WeChat in the order's own proportion, cumulatively (as
 * core/wallet/buckets refundSplit does for the two buckets): after refunds
 * totalling C of the order's T = W + K, the wallet has had floor(W × C / T)
 * and WeChat the rest, so the refunds that bring C to T give back exactly W
 * and K, never more to either. `allocated`: what earlier refunds of the
 * order were given, in the order they were performed.
 */
export function splitRefundParts(paid: RefundParts, allocated: RefundParts, amountFen: Fen): RefundParts {
  if (!Number.isSafeInteger(amountFen) || amountFen < 0) throw new RangeError(`refund must be a non-negative integer of fen, got ${amountFen}`);
  const total = paid.walletFen + paid.cashFen;
  if (total === 0) return { walletFen: 0, cashFen: 0 };
  const cumulative = Math.min(total, allocated.walletFen + allocated.cashFen + amountFen);
  const walletSoFar = Math.floor((paid.walletFen * cumulative) / total);
  return { walletFen: walletSoFar - allocated.walletFen, cashFen: cumulative - walletSoFar - allocated.cashFen };
}
