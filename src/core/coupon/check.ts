import type { Fen } from '../money';
import { cartBase, ruleDiscount, type CartBase, type CouponCart, type RuleMiss } from './discount';
import type { CouponDoc } from './types';

/** Why a coupon does not apply to a cart now. */
export type CouponMiss = 'USED' | 'LOCKED' | 'EXPIRED' | 'NOT_STARTED' | 'IN_STORE_ONLY' | 'NO_DISCOUNT' | RuleMiss;

export type CouponCheck = { usable: true; discount: Fen } | { usable: false; reason: CouponMiss };

type Checked = Pick<CouponDoc, 'status' | 'validFrom' | 'validUntil' | 'rule' | 'inStoreOnly'>;

/** A coupon is valid from `validFrom` up to (not including) `validUntil`. */
export function isWithinValidity(coupon: Pick<CouponDoc, 'validFrom' | 'validUntil'>, now: number): boolean {
  return coupon.validFrom <= now && now < coupon.validUntil;
}

/** Whether `coupon` can be used on `cart` at checkout at `now`, and for how much. */
export function checkCoupon(coupon: Checked, cart: CouponCart, now: number, base: CartBase = cartBase(cart)): CouponCheck {
  if (coupon.status === 'USED') return miss('USED');
  if (coupon.status === 'LOCKED') return miss('LOCKED');
  if (coupon.status === 'EXPIRED' || now >= coupon.validUntil) return miss('EXPIRED');
  if (now < coupon.validFrom) return miss('NOT_STARTED');
  if (coupon.inStoreOnly) return miss('IN_STORE_ONLY');
  const discount = ruleDiscount(coupon.rule, cart, base);
  if (typeof discount === 'string') return miss(discount);
  if (discount <= 0) return miss('NO_DISCOUNT');
  return { usable: true, discount };
}

const miss = (reason: CouponMiss): CouponCheck => ({ usable: false, reason });

export interface CouponOption<C> {
  coupon: C;
  check: CouponCheck;
}

type Ranked = Checked & { _id: string };

/**
 * Every coupon with its check, best first: usable ones by discount (largest
 * first; ties: the one expiring soonest, then by id), then the unusable.
 */
export function rankCoupons<C extends Ranked>(coupons: readonly C[], cart: CouponCart, now: number): Array<CouponOption<C>> {
  const base = cartBase(cart);
  const options = coupons.map((coupon) => ({ coupon, check: checkCoupon(coupon, cart, now, base) }));
  return options.sort(compareOptions);
}

/** The best usable coupon for the cart, or null. */
export function bestCoupon<C extends Ranked>(coupons: readonly C[], cart: CouponCart, now: number): { coupon: C; discount: Fen } | null {
  const [first] = rankCoupons(coupons, cart, now);
  return first?.check.usable ? { coupon: first.coupon, discount: first.check.discount } : null;
}

function compareOptions<C extends Ranked>(a: CouponOption<C>, b: CouponOption<C>): number {
  const da = a.check.usable ? a.check.discount : -1;
  const db = b.check.usable ? b.check.discount : -1;
  if (da !== db) return db - da;
  if (a.coupon.validUntil !== b.coupon.validUntil) return a.coupon.validUntil - b.coupon.validUntil;
  return a.coupon._id < b.coupon._id ? -1 : a.coupon._id > b.coupon._id ? 1 : 0;
}
