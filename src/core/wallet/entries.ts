import type { Fen } from '../money';
import type { Bucket } from './buckets';

/**
 * Ledger entry kinds (wallet_entries.kind). Every entry is caused by one
 * thing (a cause id below) and its id is derived from (member, cause,
 * bucket), so a retried or replayed cause finds its entries and applies nothing.
 */
export const WALLET_KINDS = ['topUp', 'gift', 'spend', 'storeCharge', 'refund', 'principalRefund', 'giftForfeit', 'giftExpiry', 'adjust', 'release'] as const;
export type WalletKind = (typeof WALLET_KINDS)[number];

export const WALLET_KIND_LABELS: Record<WalletKind, string> = {
  topUp: '充值',
  gift: '充值赠送',
  spend: '消费',
  storeCharge: '门店消费',
  refund: '退款退回',
  principalRefund: '本金退款',
  giftForfeit: '赠送金作废',
  giftExpiry: '赠送金过期',
  adjust: '人工调整',
  release: '支付取消退回',
};

/** The cause ids: one per thing that changes a balance. */
export const walletCause = {
  /** The top-up order's payment (principal and gift together). */
  topUp: (orderId: string) => `topup:${orderId}`,
  /** An order paid from the wallet. */
  spend: (orderId: string) => `spend:${orderId}`,
  /** The wallet part of a split payment (余额 + 微信), held when the WeChat trade is opened. */
  hold: (orderId: string) => `hold:${orderId}`,
  /** A held wallet part given back: its order was cancelled before the WeChat part was paid. */
  release: (orderId: string) => `release:${orderId}`,
  /** A refund (out_refund_no) of a wallet-paid order. */
  refund: (refundNo: string) => `refund:${refundNo}`,
  /** An in-store charge (per store and receipt). */
  charge: (chargeId: string) => `charge:${chargeId}`,
  /** An approved principal refund request. */
  payout: (requestId: string) => `payout:${requestId}`,
  /** A gift lot reaching its expiry. */
  expire: (lotId: string) => `expire:${lotId}`,
  /** An operator's adjustment (per request id). */
  adjust: (requestId: string) => `adjust:${requestId}`,
};

/** `wallet_entries/_id`: the member, the cause and the bucket; bounded (hashed by the server when long). */
export const walletEntryKey = (openid: string, cause: string, bucket: Bucket): string => `${openid}:${cause}:${bucket}`;

/** What a customer sees of an entry. */
export interface WalletEntryView {
  id: string;
  bucket: Bucket;
  deltaFen: Fen;
  kind: WalletKind;
  createdAt: number;
  /** What it was (the label of its kind, an order number, a store). */
  title: string;
  balanceAfterFen: Fen;
}
