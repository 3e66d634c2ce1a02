/** One cart document per customer (`carts`, `_id` = openid), changed only in transactions. */
export const CARTS = 'carts';

export interface CartLine {
  skuId: string;
  quantity: number;
  addedAt: number;
  updatedAt: number;
}

export interface CartDoc {
  openid: string;
  lines: CartLine[];
  /** The last add requestIds applied, so a replayed add changes nothing. */
  recentRequestIds: string[];
  /** Input fingerprints of those adds by requestId (absent on carts and adds from before fingerprints). */
  requestFingerprints?: Record<string, string>;
  updatedAt: number;
}

export const RECENT_REQUEST_IDS = 20;

export const emptyCart = (openid: string, now: number): CartDoc => ({ openid, lines: [], recentRequestIds: [], updatedAt: now });
