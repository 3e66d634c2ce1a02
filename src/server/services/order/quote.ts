import type { QuoteView } from '../../../core/contracts/order';
import { orderErrors } from '../../../core/order/errors';
import { priceOrder } from '../../../core/pricing';
import type { ServiceDeps } from './deps';
import { memberDiscountBpsFor } from './member-discount';
import { orderItems, prepareOrder, type FulfillmentRequest } from './prepare';
import type { StockLine } from './stock';

/** What the order would cost now; it reserves nothing, so `create` checks stock again. */
export async function quoteOrder(
  deps: ServiceDeps,
  openid: string,
  input: { items: StockLine[]; fulfillment: FulfillmentRequest },
): Promise<QuoteView> {
  const prepared = await prepareOrder(deps, input);
  for (const line of prepared.lines) {
    const { sku } = prepared.sellable.get(line.skuId)!;
    if (sku.stock < line.quantity) throw orderErrors.outOfStock(sku._id, Math.max(0, sku.stock), sku.name);
  }
  const items = orderItems(prepared, (skuId) => prepared.sellable.get(skuId)!.sku.price);
  const memberDiscountBps = await memberDiscountBpsFor(deps, openid);
  const amounts = priceOrder({ lines: items, fulfillment: prepared.fulfillment.type, memberDiscountBps });
  return { items, fulfillment: prepared.fulfillment, amounts, memberDiscountBps };
}
