import type { Fen } from '../money';

/** The points mall (积分商城): items priced in points, or points + cash. */

export type MallItemKind = 'goods' | 'coupon';
export type MallItemStatus = 'ON_SALE' | 'OFF_SALE';

/** `mall_items/{itemId}`: managed by operators. `stock + sold` stays constant. */
export interface MallItemDoc {
  title: string;
  subtitle: string;
  description: string;
  image: string | null;
  kind: MallItemKind;
  /**
   * Goods: the catalog SKU handed over (for its product and name), or null
   * for goods of the mall's own. Either way the mall item's `stock` is the
   * allocation: redeeming never takes catalog stock.
   */
  skuId: string | null;
  /** Coupon items: the template of the coupon issued. */
  templateId: string | null;
  pointsPrice: number;
  /** Fen paid on top of the points; 0: points only (no payment). */
  cashPrice: Fen;
  stock: number;
  sold: number;
  /** Redemptions per member, cancelled ones not counted; 0: no limit. */
  perMemberLimit: number;
  status: MallItemStatus;
  sort: number;
  createdAt: number;
  updatedAt: number;
}

export type MallItem = MallItemDoc & { _id: string };

/**
 * `mall_redemptions/{orderId}`: what one redemption took, so a cancel or a
 * refund gives back exactly that, once (ACTIVE → RETURNED).
 */
export interface MallRedemptionDoc {
  openid: string;
  itemId: string;
  kind: MallItemKind;
  pointsPrice: number;
  cashPrice: Fen;
  /** The points ledger entry that took the points. */
  ledgerId: string;
  status: 'ACTIVE' | 'RETURNED';
  couponId: string | null;
  createdAt: number;
  returnedAt: number | null;
}

/** `mall_redemptions_count/{itemId}:{openid}`: the member's redemptions of the item that still count. */
export interface MallRedemptionCountDoc {
  itemId: string;
  openid: string;
  count: number;
  updatedAt: number;
}

/** What a mall order records about its redemption (`orders.mall`). */
export interface MallOrderInfo {
  itemId: string;
  kind: MallItemKind;
  pointsPrice: number;
  cashPrice: Fen;
  /** The coupon issued by a coupon item (null until issued). */
  couponId: string | null;
}

export const mallCountId = (itemId: string, openid: string): string => `${itemId}:${openid}`;
