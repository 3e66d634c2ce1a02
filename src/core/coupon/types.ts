import type { Fen } from '../money';

/**
 * What a coupon takes off, snapshotted from its template onto every coupon so
 * a later template edit never changes a coupon already held. `threshold` is
 * the goods amount (after the member discount) the order must reach.
 * `productIds` (指定商品): when present and not empty, only those products'
 * lines count toward the threshold and the discount; absent: the whole order.
 */
export type CouponRule =
  /** 满 threshold 减 amountOff. */
  | { kind: 'amount'; amountOff: Fen; threshold: Fen; productIds?: string[] }
  /** offBps off the goods (1000 = 10% off, "9折"), at most maxOff when set. */
  | { kind: 'percent'; offBps: number; maxOff: Fen | null; threshold: Fen; productIds?: string[] }
  /** One unit of `skuId` free when the order contains it. */
  | { kind: 'freeItem'; skuId: string; threshold: Fen };

export type CouponKind = CouponRule['kind'];

/** A fixed window, or N days from the moment the coupon is issued. */
export type CouponValidity = { type: 'absolute'; from: number; until: number } | { type: 'relative'; days: number };

export const COUPON_STATUSES = ['AVAILABLE', 'LOCKED', 'USED', 'EXPIRED'] as const;
/** LOCKED: held by an unpaid order; USED: that order was paid, or staff verified it in-store. */
export type CouponStatus = (typeof COUPON_STATUSES)[number];

export const COUPON_STATUS_LABELS: Record<CouponStatus, string> = {
  AVAILABLE: '可使用',
  LOCKED: '使用中',
  USED: '已使用',
  EXPIRED: '已过期',
};

/** `grant`: an operator gave it directly (coupon.grant). */
export type CouponSource = 'claim' | 'gift' | 'mall' | 'join' | 'birthday' | 'grant';

/** `coupon_templates/{templateId}`: managed by operators. */
export interface CouponTemplateDoc {
  title: string;
  description: string;
  rule: CouponRule;
  validity: CouponValidity;
  /** Coupons the claim center and operator grants may hand out in all (null: no limit). Gifts and the points mall do not count here. */
  totalQuantity: number | null;
  /** Coupons counted against totalQuantity so far: claim-center claims plus operator grants. */
  claimed: number;
  /** Of `claimed`, those an operator granted directly (absent: none). */
  granted?: number;
  /** Coupons per member through the claim center and operator grants together. */
  perMemberLimit: number;
  /** Listed in the claim center (领券中心). */
  claimable: boolean;
  /** Verified by staff in-store only; never applied at online checkout. */
  inStoreOnly: boolean;
  status: 'ACTIVE' | 'INACTIVE';
  sort: number;
  createdAt: number;
  updatedAt: number;
}

/** `coupons/{couponId}`: one coupon a member holds. */
export interface CouponDoc {
  openid: string;
  templateId: string;
  source: CouponSource;
  title: string;
  rule: CouponRule;
  inStoreOnly: boolean;
  status: CouponStatus;
  validFrom: number;
  validUntil: number;
  /** Shown as a QR/bar code for in-store verification; unique. */
  code: string;
  issuedAt: number;
  /** The order holding (LOCKED) or having used (USED) the coupon. */
  orderId: string | null;
  lockedAt: number | null;
  usedAt: number | null;
  /** Set when staff verified the coupon in-store. */
  usedStoreId: string | null;
  verifiedBy: string | null;
  updatedAt: number;
  /** A claim-center coupon: the claim's input fingerprint (server kit); absent on other and older coupons. */
  inputHash?: string;
  /** Granted by a CRM campaign or journey (its id): an order using it was reached by marketing. */
  campaignId?: string;
}

export type Coupon = CouponDoc & { _id: string };
export type CouponTemplate = CouponTemplateDoc & { _id: string };

/** What an order records of the coupon it used. */
export interface OrderCoupon {
  couponId: string;
  templateId: string;
  title: string;
  kind: CouponKind;
  /** Fen taken off this order. */
  discount: Fen;
}
