import type { RefundParts } from '../../../core/wallet/split';
import { createHash } from 'crypto';
import type { Fen } from '../../../core/money';
import type { WalletPlan } from '../../../core/wallet/plans';
import type { Bucket } from '../../../core/wallet/buckets';
import type { WalletKind } from '../../../core/wallet/entries';
import { walletEntryKey } from '../../../core/wallet/entries';
import type { GiftLot } from '../../../core/wallet/lots';
import type { PayoutLine } from '../../../core/wallet/payouts';
import type { PlanCouponSkip } from '../../../core/wallet/plan-gifts';
import type { PrincipalRefundStatus, StoreChargeStatus } from '../../../core/contracts/wallet';

export const WalletCollections = {
  accounts: 'wallet_accounts',
  entries: 'wallet_entries',
  plans: 'wallet_plans',
  topUps: 'wallet_topups',
  spends: 'wallet_spends',
  refunds: 'wallet_refunds',
  payouts: 'wallet_payouts',
  charges: 'wallet_charges',
  days: 'wallet_days',
  idempotency: 'idempotency',
} as const;

/** `wallet_accounts/{openid}`: both bucket balances, always Σ of the member's entries, written with every entry. */
export interface WalletAccountDoc {
  openid: string;
  principalFen: Fen;
  giftFen: Fen;
  /** The gift bucket by expiry (Σ fen = giftFen). */
  giftLots: GiftLot[];
  /** The soonest gift expiry (the expiry sweep's index); null: none. */
  nextGiftExpiryAt: number | null;
  /** The member's open principal refund request (PENDING), if any: one at a time. */
  openRefundId?: string | null;
  /** The last entry's sequence number (the ledger's cursor). */
  seq: number;
  createdAt: number;
  updatedAt: number;
}

/** `wallet_entries/{member:cause:bucket}`: the append-only ledger, one entry per (cause, bucket). */
export interface WalletEntryDoc {
  openid: string;
  seq: number;
  cause: string;
  bucket: Bucket;
  kind: WalletKind;
  deltaFen: Fen;
  balanceAfterFen: Fen;
  /** What caused it (an order id, a charge id, a refund request id). */
  refId: string;
  title: string;
  createdAt: number;
}

/** `wallet_plans/{planId}`. */
export interface WalletPlanDoc extends Omit<WalletPlan, 'planId' | 'giftPoints' | 'giftCouponTemplateId'> {
  /** Points given with each paid top-up (absent on older plans: none). */
  giftPoints?: number;
  /** A coupon template given with each paid top-up (absent or null: none). */
  giftCouponTemplateId?: string | null;
  sort: number;
  createdAt: number;
  updatedAt: number;
  updatedBy: string;
}

/** `wallet_topups/{orderId}`: a top-up, from its order's creation; PAID once its payment was applied (the principal refund's trades). */
export interface WalletTopUpDoc {
  openid: string;
  planId: string;
  status: 'PENDING' | 'PAID' | 'CANCELLED';
  payFen: Fen;
  giftFen: Fen;
  /** The trade that took the money (out_trade_no), once paid. */
  outTradeNo: string | null;
  /** Principal refunded through this trade so far. */
  refundedFen: Fen;
  createdAt: number;
  paidAt: number | null;
  /** The plan's points and coupon, snapshotted at creation (absent: none). */
  giftPoints?: number;
  giftCouponTemplateId?: string | null;
  /** What the payment gave of them (wallet/plan-gifts), once paid. */
  gifts?: TopUpGiftsRecord;
}

/** A paid top-up's points and coupon: the coupon is skipped (never given later) when its template could not give one at payment time. */
export interface TopUpGiftsRecord {
  points: number;
  couponTemplateId: string | null;
  couponId: string | null;
  couponSkipped: PlanCouponSkip | null;
}

/** `wallet_spends/{orderId | charge id}`: what a payment took from each bucket and what refunds gave back. */
export interface WalletSpendDoc {
  openid: string;
  principalFen: Fen;
  giftFen: Fen;
  /** The latest expiry of the gift lots it took from: gift refunded goes back with it. */
  giftExpiresAt: number | null;
  returnedPrincipalFen: Fen;
  returnedGiftFen: Fen;
  /** The refunds (out_refund_no) already returned: each once. */
  refundNos: string[];
  createdAt: number;
  /**
   * A split payment's wallet part (services/wallet/hold): HELD until the
   * WeChat part is paid (SETTLED) or the order is cancelled (RELEASED).
   * Absent: a payment wholly from the wallet, settled when made.
   */
  state?: 'HELD' | 'SETTLED' | 'RELEASED';
  /** A split payment: the WeChat part (its trade's total, which WeChat's refund API needs). */
  cashFen?: Fen;
  /** A split payment's refunds as performed: each refund's wallet and WeChat parts (core/wallet/split splitRefundParts). */
  refundParts?: Record<string, RefundParts>;
}

/** `wallet_refunds/{refundId}`: a principal refund request (本金退款). */
export interface WalletRefundDoc {
  openid: string;
  requestId: string;
  status: PrincipalRefundStatus;
  reason: string;
  /** At request: the principal then; at approval: what is paid back. */
  principalFen: Fen;
  giftForfeitFen: Fen;
  requestedAt: number;
  reviewedAt: number | null;
  reviewedBy: string | null;
  note: string;
  /** The payouts (wallet_payouts ids) to the top-up trades; DONE when all are. */
  payoutIds: string[];
  doneAt: number | null;
  /** Unique per member while PENDING or APPROVED (`<openid>`), else the refund id: one open request per member. */
  openKey: string;
}

/** `wallet_payouts/{out_refund_no}`: one provider refund of a principal refund, performed outside transactions by the tick. */
export interface WalletPayoutDoc extends PayoutLine {
  refundId: string;
  openid: string;
  status: 'DUE' | 'DONE';
  attempts: number;
  leaseUntil: number;
  lastError: string | null;
  providerRefundId: string | null;
  createdAt: number;
  doneAt: number | null;
}

/** `wallet_charges/{chargeId}`: an in-store charge, one per (store, receipt). */
export interface WalletChargeDoc {
  openid: string;
  storeId: string;
  storeName: string;
  receiptNo: string;
  amountFen: Fen;
  staffOpenid: string;
  status: StoreChargeStatus;
  createdAt: number;
  expiresAt: number;
  decidedAt: number | null;
  balanceAfterFen: Fen | null;
}

/** `wallet_days/{YYYY-MM-DD}:{shard}`: the operators' daily rollup, sharded (every payment touches it). */
export interface WalletDayDoc {
  day: string;
  topUpFen: Fen;
  giftFen: Fen;
  spentFen: Fen;
  refundedFen: Fen;
}

const bounded = (key: string): string => (key.length <= 100 ? key : `wh_${createHash('sha256').update(key).digest('hex').slice(0, 40)}`);

export const entryDocId = (openid: string, cause: string, bucket: Bucket): string => bounded(walletEntryKey(openid, cause, bucket));

/** A charge's id from its store and receipt: the same receipt is the same charge. */
export const chargeIdOf = (storeId: string, receiptNo: string): string => bounded(`ch_${storeId}_${receiptNo}`).replace(/[^A-Za-z0-9_.:-]/g, '_').slice(0, 64);

export const emptyAccount = (openid: string, now: number): WalletAccountDoc => ({
  openid,
  principalFen: 0,
  giftFen: 0,
  giftLots: [],
  nextGiftExpiryAt: null,
  seq: 0,
  createdAt: now,
  updatedAt: now,
});
