import { bpsOf, type Fen } from '../money';
import { maxCouponDiscount, priceOrder, type FulfillmentType } from '../pricing';
import type { CouponRule } from './types';

/** What a coupon is checked against: the order's lines at their prices, and how it is priced. */
export interface CouponCart {
  lines: ReadonlyArray<{ skuId: string; unitPrice: Fen; quantity: number }>;
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

export type RuleMiss = 'BELOW_THRESHOLD' | 'ITEM_MISSING';

/**
 * The rule's discount on the cart in whole fen (percentages round down),
 * capped by what pricing allows, or why the rule does not apply.
 */
export function ruleDiscount(rule: CouponRule, cart: CouponCart, base: CartBase = cartBase(cart)): Fen | RuleMiss {
  if (base.goods < rule.threshold) return 'BELOW_THRESHOLD';
  const raw = rawDiscount(rule, cart, base.goods);
  return typeof raw === 'string' ? raw : Math.min(raw, base.cap);
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
