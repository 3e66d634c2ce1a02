import type { Fen } from '../money';
import { ruleDiscount } from './discount';
import type { CouponRule } from './types';

/** The till has no cart lines: only the purchase's goods amount, which is also the most a coupon may take. */
const NO_LINES = { lines: [], fulfillment: 'pickup' as const, memberDiscountBps: 0 };

export type InStoreCheck = { meets: true; discount: Fen } | { meets: false; threshold: Fen };

/**
 * A coupon staff verify against an in-store purchase of `amount` fen: below
 * the rule's threshold it does not apply; otherwise what it takes off, by the
 * same rule table as checkout. A free-item coupon takes nothing off the
 * amount (staff hand over the item), so its discount is 0. A product scope
 * (指定商品) is for staff to judge at the till: the amount is taken as in scope.
 */
export function checkInStore(rule: CouponRule, amount: Fen): InStoreCheck {
  if (amount < rule.threshold) return { meets: false, threshold: rule.threshold };
  const unscoped: CouponRule = rule.kind === 'freeItem' ? rule : { ...rule, productIds: undefined };
  const discount = ruleDiscount(unscoped, NO_LINES, { goods: amount, cap: amount });
  return { meets: true, discount: typeof discount === 'number' ? discount : 0 };
}
