import type { Fen } from '../money';

/**
 * Flash sales (秒杀) as stored. The sale's units live in K shard documents
 * so that concurrent buyers rarely write the same document; the sale
 * document itself is read on the hot path and written rarely (sold-out
 * flag, stop, settle).
 */

export const FlashSaleCollections = {
  sales: 'flash_sales',
  shards: 'flash_sale_shards',
  members: 'flash_sale_members',
  reminders: 'flash_sale_reminders',
} as const;

/** `flash_sales/{saleId}`. */
export interface FlashSaleDoc {
  skuId: string;
  productId: string;
  /** The operator's title, or '' (the product name is shown then). */
  title: string;
  productName: string;
  skuName: string;
  image: string | null;
  /** The SKU's price when the sale was created or last edited. */
  listPrice: Fen;
  salePrice: Fen;
  /** Units taken from the SKU's stock at creation. */
  quantity: number;
  startAt: number;
  endAt: number;
  stoppedAt: number | null;
  perMemberLimit: number;
  shardCount: number;
  paymentMinutes: number;
  /**
   * Set when a buyer found every shard empty: the next buyers are refused on
   * this read alone. Cleared when a cancelled order gives a unit back.
   */
  soldOut: boolean;
  /** When the unsold units went back to the SKU (stop or end); null until then. */
  settledAt: number | null;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
}

export type FlashSale = FlashSaleDoc & { _id: string };

/**
 * `flash_sale_shards/{saleId}:{k}`: `sold + remaining + returned === allocated`.
 * `returned`: units given back to the SKU (unsold at settle, or cancelled after it).
 */
export interface FlashSaleShardDoc {
  saleId: string;
  shard: number;
  allocated: number;
  remaining: number;
  sold: number;
  paid: number;
  refunded: number;
  returned: number;
  /** Set at settle: units coming back afterwards go to the SKU, not to this shard. */
  closed: boolean;
  updatedAt: number;
}

export type FlashSaleShard = FlashSaleShardDoc & { _id: string };

/** A member's recent buys, kept on their count document so a replay is answered before any refusal. */
export interface FlashSaleRecentBuy {
  requestId: string;
  orderId: string;
  expiresAt: number;
  /** The buy's input fingerprint (server kit); absent on buys from before fingerprints. */
  inputHash?: string;
}

/** `flash_sale_members/{saleId}:{openid}`: units the member holds (cancelled orders not counted). */
export interface FlashSaleMemberDoc {
  saleId: string;
  openid: string;
  count: number;
  /** Units the member paid for and kept (paid, not refunded); absent on older documents. Counts the sale's paid buyers. */
  paid?: number;
  recent: FlashSaleRecentBuy[];
  updatedAt: number;
}

/** `flash_sale_reminders/{saleId}:{openid}`: a reminder request, sent by the notifications issue. */
export interface FlashSaleReminderDoc {
  saleId: string;
  openid: string;
  /** The sale's start when asked (kept in step by update/launchNow). */
  remindAt: number;
  status: 'PENDING' | 'SENT' | 'CANCELLED';
  createdAt: number;
}

/** What a flash-sale order carries (`order.flashSale`) to give its unit back. */
export interface FlashSaleOrderInfo {
  saleId: string;
  shard: number;
}

/** Recent buys kept per member for replays; older ones are answered by the idempotency record. */
export const RECENT_BUYS_KEPT = 10;

export const shardDocId = (saleId: string, shard: number): string => `${saleId}:${shard}`;
export const memberDocId = (saleId: string, openid: string): string => `${saleId}:${openid}`;
export const reminderDocId = (saleId: string, openid: string): string => `${saleId}:${openid}`;
