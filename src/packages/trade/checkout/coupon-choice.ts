/**
 * The coupon the customer wants on this order. `best`: whatever the server
 * finds best (couponId omitted); `none`: no coupon (couponId null); `chosen`:
 * that coupon (couponId).
 */
export type CouponChoice = { mode: 'best' } | { mode: 'none' } | { mode: 'chosen'; couponId: string };

export const BEST_COUPON: CouponChoice = { mode: 'best' };

/** The `couponId` of `order.quote` / `order.create` for a choice (order contract). */
export function couponIdInput(choice: CouponChoice): { couponId?: string | null } {
  if (choice.mode === 'none') return { couponId: null };
  if (choice.mode === 'chosen') return { couponId: choice.couponId };
  return {};
}

/** Refusals of a named coupon (used meanwhile, below the threshold after a change…): checkout goes back to the best one. */
export const isCouponRefusal = (code: string | undefined): boolean => typeof code === 'string' && code.startsWith('COUPON_');
