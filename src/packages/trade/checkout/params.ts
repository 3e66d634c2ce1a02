/** What to check out, from the page's query: the selected cart lines, or one SKU bought now. */
export type CheckoutSource =
  | { source: 'cart'; skuIds: string[] }
  | { source: 'buyNow'; skuId: string; quantity: number; productId: string | null; liveRoomId: string | null };

/** `?source=cart&skuIds=a,b` or `?source=buyNow&skuId=..&quantity=..[&productId=..][&liveRoomId=..]`; null when unusable. */
export function parseCheckoutParams(params: Partial<Record<string, string | undefined>>): CheckoutSource | null {
  const read = (key: string) => safeDecode(params[key] ?? '').trim();
  if (read('source') === 'buyNow') {
    const skuId = read('skuId');
    const quantity = Number(read('quantity') || '1');
    if (!skuId || !Number.isSafeInteger(quantity) || quantity < 1) return null;
    return { source: 'buyNow', skuId, quantity, productId: read('productId') || null, liveRoomId: read('liveRoomId') || null };
  }
  const skuIds = read('skuIds')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  return skuIds.length > 0 ? { source: 'cart', skuIds: [...new Set(skuIds)] } : null;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
