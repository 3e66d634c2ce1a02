/** The coupon API other bounded contexts use (members' gifts, the staff scanner). */
export { issueCouponInTx, type IssueCouponRequest } from './issue';
export { verifyCouponInStore, type VerifyCouponRequest } from './verify';
