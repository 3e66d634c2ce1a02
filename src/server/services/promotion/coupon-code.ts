import { randomInt } from 'crypto';

const CODE_DIGITS = 12;

/**
 * A coupon's in-store code: 12 random digits (unique index on `coupons.code`;
 * a collision, about one in 10^12 per pair, fails the write and the caller retries).
 */
export function newCouponCode(): string {
  let code = String(randomInt(1, 10));
  while (code.length < CODE_DIGITS) code += String(randomInt(0, 10));
  return code;
}
