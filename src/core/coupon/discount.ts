import { bpsOf, type Fen } from '../money';
import { maxCouponDiscount, priceOrder, type FulfillmentType } from '../pricing';
import type { CouponRule } from './types';

/** What a coupon is checked against: the order's lines at their prices, and how it is priced. */
export interface CouponCart {
  /** `productId` is needed for coupons scoped to products; a line without it is outside every scope. */
  lines: ReadonlyArray<{ skuId: string; productId?: string; unitPrice: Fen; quantity: number }>;
  fulfillment: FulfillmentType;
  memberDiscountBps: number;
}

/** The cart as pricing sees it before any coupon. */
export interface CartBase {
  /** Goods after the member discount: what thresholds and percentages apply to. */
  goods: Fen;
  /** The most any coupon may take from this cart. */
  cap: Fen;
}

export function cartBase(cart: CouponCart): CartBase {
  const amounts = priceOrder({ lines: [...cart.lines], fulfillment: cart.fulfillment, memberDiscountBps: cart.memberDiscountBps });
  const goods = amounts.itemsTotal - amounts.discount;
  return { goods, cap: maxCouponDiscount(goods, amounts.shippingFee) };
}

export type RuleMiss = 'BELOW_THRESHOLD' | 'ITEM_MISSING' | 'NOT_IN_SCOPE';

/** The products a rule is limited to, or null for the whole order. */
export function ruleScope(rule: CouponRule): readonly string[] | null {
  return rule.kind !== 'freeItem' && rule.productIds && rule.productIds.length > 0 ? rule.productIds : null;
}

/**
 * The goods a scoped rule counts: its products' lines after the member
 * discount (rounded as pricing rounds a whole order), never above the order's goods.
 */
function scopedGoods(scope: readonly string[], cart: CouponCart, base: CartBase): Fen {
  const inScope = cart.lines.filter((l) => l.productId !== undefined && scope.includes(l.productId));
  const gross = inScope.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0);
  return Math.min(base.goods, gross - bpsOf(gross, cart.memberDiscountBps));
}

/**
 * The rule's discount on the cart in whole fen (percentages round down),
 * capped by what pricing allows, or why the rule does not apply. A scoped
 * rule (`productIds`) measures its threshold and percentage on its products'
 * goods only and takes off at most those goods.
 */
export function ruleDiscount(rule: CouponRule, cart: CouponCart, base: CartBase = cartBase(cart)): Fen | RuleMiss {
  const scope = ruleScope(rule);
  const goods = scope ? scopedGoods(scope, cart, base) : base.goods;
  if (scope && goods <= 0) return 'NOT_IN_SCOPE';
  if (goods < rule.threshold) return 'BELOW_THRESHOLD';
  const raw = rawDiscount(rule, cart, goods);
  return typeof raw === 'string' ? raw : Math.min(raw, base.cap, goods);
}

function rawDiscount(rule: CouponRule, cart: CouponCart, goods: Fen): Fen | RuleMiss {
  switch (rule.kind) {
    case 'amount':
      return rule.amountOff;
    case 'percent': {
      const off = bpsOf(goods, rule.offBps);
      return rule.maxOff === null ? off : Math.min(off, rule.maxOff);
    }
    case 'freeItem': {
      const line = cart.lines.find((l) => l.skuId === rule.skuId);
      if (!line) return 'ITEM_MISSING';
      // One unit at the price the member pays for it.
      return line.unitPrice - bpsOf(line.unitPrice, cart.memberDiscountBps);
    }
  }
}
