/** Collections of coupons and the points mall (indexes in src/server/schema.ts). */
export const PromotionCollections = {
  templates: 'coupon_templates',
  coupons: 'coupons',
  /** `{templateId}:{openid}` → claims through the claim center. */
  claimCounts: 'coupon_claims',
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
