/** Ledger sources of a redemption: points out when redeemed, back when cancelled or refunded (scoped per member by the ledger). */
export const redeemSource = (requestId: string): string => `redeem:${requestId}`;
export const returnSource = (orderId: string): string => `return:${orderId}`;
/** The coupon a coupon item issues: one per redemption order. */
export const mallCouponId = (orderId: string): string => `mall:${orderId}`;
