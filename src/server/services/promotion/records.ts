/** Collections of coupons and the points mall (indexes in src/server/schema.ts). */
export const PromotionCollections = {
  templates: 'coupon_templates',
  coupons: 'coupons',
  /** `{templateId}:{openid}` → claims through the claim center. */
  claimCounts: 'coupon_claims',
  /** `{requestId}`: one operator grant (coupon.grant): its fingerprint, then its result. */
  grants: 'coupon_grants',
  mallItems: 'mall_items',
  /** `{orderId}`: what one redemption took. */
  redemptions: 'mall_redemptions',
  /** `{itemId}:{openid}` → redemptions that count toward the per-member limit. */
  redemptionCounts: 'mall_redemptions_count',
} as const;

/** `coupon_claims/{templateId}:{openid}`. */
export interface ClaimCountDoc {
  templateId: string;
  openid: string;
  count: number;
  updatedAt: number;
}

export const claimCountId = (templateId: string, openid: string): string => `${templateId}:${openid}`;

/** `coupon_grants/{requestId}`: written before the first coupon of the grant, finished with its result. */
export interface CouponGrantDoc {
  templateId: string;
  operatorOpenid: string;
  /** The grant's input fingerprint (server kit): the same requestId with other members is refused. */
  inputHash: string;
  status: 'RUNNING' | 'DONE';
  granted: number | null;
  skipped: Array<{ openid: string; reason: string }> | null;
  createdAt: number;
  updatedAt: number;
}
