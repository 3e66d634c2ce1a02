import type { DeliveryAddress, OrderFulfillment, OrderItem } from '../../../core/order/types';
import { orderErrors } from '../../../core/order/errors';
import { lineTotal } from '../../../core/pricing';
import { MAX_LINE_QUANTITY } from '../../../core/contracts/cart';
import { CatalogCollections, loadOne, type StoreDoc } from '../catalog/records';
import { loadSellable, type Sellable } from '../catalog/sellable';
import type { ServiceDeps } from './deps';
import type { StockLine } from './stock';

export type FulfillmentRequest = { type: 'delivery'; address?: DeliveryAddress } | { type: 'pickup'; storeId: string };

export interface PreparedOrder {
  /** One line per SKU (repeated SKUs merged), in the order first given. */
  lines: StockLine[];
  sellable: Map<string, Sellable>;
  fulfillment: OrderFulfillment;
}

/** Everything about an order that can be checked before the transaction. */
export async function prepareOrder(
  deps: ServiceDeps,
  input: { items: StockLine[]; fulfillment: FulfillmentRequest },
  /** Already decided by the caller (a community order's leader point): not looked up as a store. */
  resolved?: OrderFulfillment,
): Promise<PreparedOrder> {
  const lines = mergeLines(input.items);
  const fulfillment = resolved ?? (await resolveFulfillment(deps, input.fulfillment));
  const sellable = await loadSellable(
    deps.db,
    lines.map((l) => l.skuId),
  );
  return { lines, sellable, fulfillment };
}

/** The order's lines at `priceOf` (the SKU price read in the transaction, or now for a quote). */
export function orderItems(prepared: PreparedOrder, priceOf: (skuId: string) => number): OrderItem[] {
  return prepared.lines.map((line) => {
    const { sku, product } = prepared.sellable.get(line.skuId)!;
    const unitPrice = priceOf(line.skuId);
    return {
      skuId: sku._id,
      productId: product._id,
      productName: product.name,
      skuName: sku.name,
      image: product.images?.[0] ?? null,
      unitPrice,
      quantity: line.quantity,
      lineTotal: lineTotal({ unitPrice, quantity: line.quantity }),
    };
  });
}

function mergeLines(items: StockLine[]): StockLine[] {
  const merged = new Map<string, number>();
  for (const item of items) {
    assertQuantity(item.quantity);
    merged.set(item.skuId, (merged.get(item.skuId) ?? 0) + item.quantity);
  }
  return [...merged].map(([skuId, quantity]) => {
    assertQuantity(quantity);
    return { skuId, quantity };
  });
}

function assertQuantity(quantity: number): void {
  if (!Number.isSafeInteger(quantity) || quantity < 1 || quantity > MAX_LINE_QUANTITY) {
    throw orderErrors.quantityInvalid(quantity, MAX_LINE_QUANTITY);
  }
}

/** The order's fulfilment from the request: ADDRESS_REQUIRED / STORE_NOT_FOUND (also used by the points mall). */
export async function resolveFulfillment(deps: ServiceDeps, request: FulfillmentRequest): Promise<OrderFulfillment> {
  if (request.type === 'delivery') {
    if (!request.address) throw orderErrors.addressRequired();
    return { type: 'delivery', address: request.address };
  }
  const store = await loadOne<StoreDoc>(deps.db, CatalogCollections.stores, request.storeId);
  if (!store || store.pickupEnabled === false) throw orderErrors.storeNotFound(request.storeId);
  return { type: 'pickup', storeId: store._id, storeName: store.name };
}
