import { useCallback, useEffect, useState } from 'react';
import { ApiError, call, errorMessage } from '../../../api';
import type { OrderItemLine } from '../../../components/order-items';
import { useCartStore } from '../../../stores/cart';
import type { CheckoutSource } from './params';
import { PICKUP_STORE_ID } from './store';

export type LinesState =
  | { status: 'loading' }
  | { status: 'error'; message: string; code: string | null }
  | { status: 'empty'; message: string }
  | { status: 'ready'; lines: OrderItemLine[] };

/** The goods being checked out, as the customer chose them: selected cart lines, or one SKU bought now. */
export function useCheckoutLines(source: CheckoutSource | null) {
  const [state, setState] = useState<LinesState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!source) {
      setState({ status: 'empty', message: '没有要结算的商品' });
      return;
    }
    let current = true;
    setState({ status: 'loading' });
    loadLines(source).then(
      (next) => current && setState(next),
      (error: unknown) =>
        current && setState({ status: 'error', message: errorMessage(error), code: error instanceof ApiError ? error.code : null }),
    );
    return () => {
      current = false;
    };
  }, [source, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}

async function loadLines(source: CheckoutSource): Promise<LinesState> {
  if (source.source === 'cart') return cartLines(source.skuIds);
  return { status: 'ready', lines: [await buyNowLine(source.skuId, source.quantity, source.productId)] };
}

async function cartLines(skuIds: string[]): Promise<LinesState> {
  const cart = useCartStore.getState();
  const loaded = await cart.load();
  const { lines, error } = useCartStore.getState();
  if (!loaded && lines.length === 0) return { status: 'error', message: error ?? '购物车加载失败', code: null };
  const chosen = lines
    .filter((line) => line.available && skuIds.includes(line.skuId))
    .map<OrderItemLine>((line) => ({
      skuId: line.skuId,
      productName: line.productName,
      skuName: line.skuName,
      image: line.image,
      unitPrice: line.price,
      quantity: line.quantity,
    }));
  return chosen.length > 0 ? { status: 'ready', lines: chosen } : { status: 'empty', message: '所选商品已不在购物车中或暂不可购买' };
}

/** The SKU's names and price from the product, or (without a product id) from a quote of the line alone. */
async function buyNowLine(skuId: string, quantity: number, productId: string | null): Promise<OrderItemLine> {
  if (productId) {
    const product = await call('catalog', 'productDetail', { productId });
    const sku = product.skus.find((s) => s._id === skuId);
    if (sku) {
      return { skuId, productName: product.name, skuName: sku.name, image: product.images[0] ?? product.image, unitPrice: sku.price, quantity };
    }
  }
  const quote = await call('order', 'quote', { items: [{ skuId, quantity }], fulfillment: { type: 'pickup', storeId: PICKUP_STORE_ID } });
  const item = quote.items[0]!;
  return { skuId, productName: item.productName, skuName: item.skuName, image: item.image, unitPrice: item.unitPrice, quantity };
}
