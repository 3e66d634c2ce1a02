import { AppError } from '../errors';
import { bpsOf, type Fen } from '../money';

/** Delivery costs this much unless the goods (after member discount) reach the threshold. */
export const DELIVERY_FEE: Fen = 800;
export const FREE_SHIPPING_THRESHOLD: Fen = 9900;
export const MAX_DISCOUNT_BPS = 10000;

export type FulfillmentType = 'delivery' | 'pickup';

export interface PricingLine {
  unitPrice: Fen;
  quantity: number;
}

export interface PricingInput {
  lines: PricingLine[];
  fulfillment: FulfillmentType;
  /** Member discount on the goods in basis points (100 = 1%); 0 when the customer has none. */
  memberDiscountBps?: number;
  /**
   * A coupon's discount as its rule computed it (src/core/coupon). Given: the
   * amounts carry `couponDiscount`, capped so the goods never go below 0 and
   * at least 1 fen stays payable (WeChat Pay's minimum).
   */
  couponDiscount?: Fen;
}

export interface OrderAmounts {
  itemsTotal: Fen;
  discount: Fen;
  shippingFee: Fen;
  /** Present when a coupon applies to the order. */
  couponDiscount?: Fen;
  payable: Fen;
}

/** An order always leaves this much to pay once a coupon applies: WeChat Pay takes no 0-fen payment. */
export const MIN_PAYABLE_WITH_COUPON: Fen = 1;

/**
 * The one pricing rule, run on the server for quotes and orders:
 * payable = items − member discount (rounded down to the fen) − coupon + shipping.
 * Pickup ships nothing; delivery is free once the member-discounted goods
 * reach 99 元 (the coupon does not count there, so using one never adds shipping).
 */
export function priceOrder(input: PricingInput): OrderAmounts {
  if (input.lines.length === 0) throw new AppError('QUANTITY_INVALID', '请至少选择一件商品');
  const itemsTotal = input.lines.reduce((sum, line) => sum + lineTotal(line), 0);
  assertAmount(itemsTotal, '商品总额');
  const discount = bpsOf(itemsTotal, discountBps(input.memberDiscountBps ?? 0));
  const goodsAfterDiscount = itemsTotal - discount;
  const shippingFee = shippingFeeFor(input.fulfillment, goodsAfterDiscount);
  if (input.couponDiscount === undefined) return { itemsTotal, discount, shippingFee, payable: goodsAfterDiscount + shippingFee };
  assertAmount(input.couponDiscount, '优惠券金额');
  const couponDiscount = Math.min(input.couponDiscount, maxCouponDiscount(goodsAfterDiscount, shippingFee));
  return { itemsTotal, discount, shippingFee, couponDiscount, payable: goodsAfterDiscount - couponDiscount + shippingFee };
}

/** The most a coupon may take: the goods after the member discount, leaving at least 1 fen payable. */
export function maxCouponDiscount(goodsAfterDiscount: Fen, shippingFee: Fen): Fen {
  return Math.max(0, Math.min(goodsAfterDiscount, goodsAfterDiscount + shippingFee - MIN_PAYABLE_WITH_COUPON));
}

export function shippingFeeFor(fulfillment: FulfillmentType, goodsAmount: Fen): Fen {
  if (fulfillment === 'pickup') return 0;
  return goodsAmount >= FREE_SHIPPING_THRESHOLD ? 0 : DELIVERY_FEE;
}

export function lineTotal(line: PricingLine): Fen {
  assertAmount(line.unitPrice, '商品单价');
  if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) {
    throw new AppError('QUANTITY_INVALID', '商品数量必须是正整数', { quantity: line.quantity });
  }
  return line.unitPrice * line.quantity;
}

function discountBps(bps: number): number {
  if (!Number.isSafeInteger(bps) || bps < 0 || bps > MAX_DISCOUNT_BPS) {
    throw new AppError('AMOUNT_INVALID', '会员折扣必须是 0–10000 之间的整数基点', { bps });
  }
  return bps;
}

function assertAmount(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new AppError('AMOUNT_INVALID', `${what}必须是非负整数（单位：分）`, { value });
  }
}
