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
}

export interface OrderAmounts {
  itemsTotal: Fen;
  discount: Fen;
  shippingFee: Fen;
  payable: Fen;
}

/**
 * The one pricing rule, run on the server for quotes and orders:
 * payable = items − member discount (rounded down to the fen) + shipping.
 * Pickup ships nothing; delivery is free once the discounted goods reach 99 元.
 */
export function priceOrder(input: PricingInput): OrderAmounts {
  if (input.lines.length === 0) throw new AppError('QUANTITY_INVALID', '请至少选择一件商品');
  const itemsTotal = input.lines.reduce((sum, line) => sum + lineTotal(line), 0);
  assertAmount(itemsTotal, '商品总额');
  const discount = bpsOf(itemsTotal, discountBps(input.memberDiscountBps ?? 0));
  const goodsAfterDiscount = itemsTotal - discount;
  const shippingFee = shippingFeeFor(input.fulfillment, goodsAfterDiscount);
  return { itemsTotal, discount, shippingFee, payable: goodsAfterDiscount + shippingFee };
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
