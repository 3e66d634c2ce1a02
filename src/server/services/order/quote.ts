import type { QuoteView } from '../../../core/contracts/order';
import { orderErrors } from '../../../core/order/errors';
import { priceOrder } from '../../../core/pricing';
import { chooseCoupon, couponCartOf, orderCouponOf, type CouponRequest } from '../promotion/checkout';
import type { ServiceDeps } from './deps';
import { memberDiscountBpsFor } from './member-discount';
import { orderItems, prepareOrder, type FulfillmentRequest } from './prepare';
import type { StockLine } from './stock';

/**
 * What the order would cost now, with the coupon it would use (the best
 * usable one unless `couponId` names one or is null); it reserves nothing,
 * so `create` checks stock and the coupon again. Delivery costs the same
 * wherever it goes, so a delivery quote needs no address yet (the checkout
 * shows coupons and amounts while the address is being filled); `create`
 * still answers ADDRESS_REQUIRED without one.
 */
export async function quoteOrder(
  deps: ServiceDeps,
  openid: string,
  input: { items: StockLine[]; fulfillment: FulfillmentRequest; couponId?: CouponRequest },
): Promise<QuoteView> {
  const prepared = await prepareOrder(deps, { ...input, fulfillment: quotable(input.fulfillment) });
  for (const line of prepared.lines) {
    const { sku } = prepared.sellable.get(line.skuId)!;
    if (sku.stock < line.quantity) throw orderErrors.outOfStock(sku._id, Math.max(0, sku.stock), sku.name);
  }
  const items = orderItems(prepared, (skuId) => prepared.sellable.get(skuId)!.sku.price);
  const memberDiscountBps = await memberDiscountBpsFor(deps, openid);
  const cart = couponCartOf(items, prepared.fulfillment.type, memberDiscountBps);
  const { choice, options } = await chooseCoupon(deps, openid, input.couponId, cart, deps.now());
  const amounts = priceOrder({ lines: items, fulfillment: prepared.fulfillment.type, memberDiscountBps, couponDiscount: choice?.discount });
  const coupon = choice ? orderCouponOf(choice.coupon, amounts.couponDiscount ?? 0) : null;
  return { items, fulfillment: prepared.fulfillment, amounts, memberDiscountBps, coupon, couponOptions: options };
}

const NO_ADDRESS = { name: '', phone: '', region: '', detail: '' };

const quotable = (request: FulfillmentRequest): FulfillmentRequest =>
  request.type === 'delivery' && !request.address ? { type: 'delivery', address: NO_ADDRESS } : request;
