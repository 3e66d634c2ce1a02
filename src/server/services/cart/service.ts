import type { Transaction } from '../../db';
import { inputFingerprint, reusedKeyError } from '../../kit/input-fingerprint';
import { MAX_CART_LINES, MAX_LINE_QUANTITY, type CartView } from '../../../core/contracts/cart';
import { orderErrors } from '../../../core/order/errors';
import { CatalogCollections, loadOne, type SkuDoc } from '../catalog/records';
import { loadSellable } from '../catalog/sellable';
import type { ServiceDeps } from '../order/deps';
import { refuse, transact } from '../order/transact';
import { CARTS, emptyCart, RECENT_REQUEST_IDS, type CartDoc } from './records';
import { buildCartView } from './view';

export async function cartList(deps: ServiceDeps, openid: string): Promise<CartView> {
  const { data } = await deps.db.collection<CartDoc>(CARTS).doc(openid).get();
  return buildCartView(deps.db, data[0] ?? null);
}

export const CART_ADD_SCOPE = 'cart.add';

/**
 * Adds to a line (creating it); a requestId already applied changes nothing,
 * and with another SKU or quantity it is IDEMPOTENCY_KEY_REUSED.
 */
export async function cartAdd(
  deps: ServiceDeps,
  openid: string,
  input: { skuId: string; quantity: number; requestId?: string },
): Promise<CartView> {
  assertQuantity(input.quantity);
  const { sku } = (await loadSellable(deps.db, [input.skuId])).get(input.skuId)!;
  const now = deps.now();
  const fingerprint = input.requestId ? inputFingerprint(CART_ADD_SCOPE, openid, input) : null;
  const cart = await transact(deps.db, async (tx) => {
    const current = (await readCart(tx, openid)) ?? emptyCart(openid, now);
    if (input.requestId && current.recentRequestIds.includes(input.requestId)) {
      const reused = reusedKeyError(current.requestFingerprints?.[input.requestId], fingerprint!);
      return reused ? refuse(reused) : current;
    }
    const existing = current.lines.find((l) => l.skuId === input.skuId);
    const quantity = (existing?.quantity ?? 0) + input.quantity;
    if (quantity > MAX_LINE_QUANTITY) return refuse(orderErrors.cartLimit('quantity', MAX_LINE_QUANTITY));
    if (!existing && current.lines.length >= MAX_CART_LINES) return refuse(orderErrors.cartLimit('lines', MAX_CART_LINES));
    if (quantity > sku.stock) return refuse(orderErrors.outOfStock(sku._id, Math.max(0, sku.stock), sku.name));
    const lines = existing
      ? current.lines.map((l) => (l.skuId === input.skuId ? { ...l, quantity, updatedAt: now } : l))
      : [...current.lines, { skuId: input.skuId, quantity, addedAt: now, updatedAt: now }];
    const recentRequestIds = input.requestId
      ? [...current.recentRequestIds, input.requestId].slice(-RECENT_REQUEST_IDS)
      : current.recentRequestIds;
    const requestFingerprints =
      input.requestId && fingerprint ? keptFingerprints(recentRequestIds, { ...current.requestFingerprints, [input.requestId]: fingerprint }) : null;
    return writeCart(tx, { ...current, lines, recentRequestIds, ...(requestFingerprints ? { requestFingerprints } : {}), updatedAt: now });
  });
  return buildCartView(deps.db, cart);
}

/** Sets a line's quantity (idempotent). */
export async function cartUpdate(deps: ServiceDeps, openid: string, input: { skuId: string; quantity: number }): Promise<CartView> {
  assertQuantity(input.quantity);
  const sku = await loadOne<SkuDoc>(deps.db, CatalogCollections.skus, input.skuId);
  const stock = sku ? sku.stock : null;
  const now = deps.now();
  const cart = await transact(deps.db, async (tx) => {
    const current = await readCart(tx, openid);
    const existing = current?.lines.find((l) => l.skuId === input.skuId);
    if (!current || !existing) return refuse(orderErrors.cartItemNotFound(input.skuId));
    if (existing.quantity === input.quantity) return current;
    // Lowering a quantity is always allowed; raising it needs the stock.
    if (input.quantity > existing.quantity && (stock === null || input.quantity > stock)) {
      return refuse(orderErrors.outOfStock(input.skuId, Math.max(0, stock ?? 0)));
    }
    const lines = current.lines.map((l) => (l.skuId === input.skuId ? { ...l, quantity: input.quantity, updatedAt: now } : l));
    return writeCart(tx, { ...current, lines, updatedAt: now });
  });
  return buildCartView(deps.db, cart);
}

/** Removes lines; removing what is not there is not an error (a double tap). */
export async function cartRemove(deps: ServiceDeps, openid: string, input: { skuIds: string[] }): Promise<CartView> {
  const now = deps.now();
  const cart = await transact(deps.db, (tx) => removeCartLinesInTx(tx, openid, input.skuIds, now));
  return buildCartView(deps.db, cart);
}

/** Also used by order creation, inside its transaction. */
export async function removeCartLinesInTx(tx: Transaction, openid: string, skuIds: readonly string[], now: number): Promise<CartDoc | null> {
  const current = await readCart(tx, openid);
  if (!current) return null;
  const removing = new Set(skuIds);
  const lines = current.lines.filter((l) => !removing.has(l.skuId));
  if (lines.length === current.lines.length) return current;
  return writeCart(tx, { ...current, lines, updatedAt: now });
}

/** The fingerprints of the requestIds still kept, so the map stays as short as the list. */
function keptFingerprints(kept: readonly string[], fingerprints: Record<string, string>): Record<string, string> {
  return Object.fromEntries(kept.filter((id) => fingerprints[id] !== undefined).map((id) => [id, fingerprints[id]]));
}

function assertQuantity(quantity: number): void {
  if (!Number.isSafeInteger(quantity) || quantity < 1 || quantity > MAX_LINE_QUANTITY) {
    throw orderErrors.quantityInvalid(quantity, MAX_LINE_QUANTITY);
  }
}

async function readCart(tx: Transaction, openid: string): Promise<CartDoc | null> {
  const { data } = await tx.collection<CartDoc>(CARTS).doc(openid).get();
  if (!data) return null;
  const { _id: _ignored, ...cart } = data;
  return cart;
}

async function writeCart(tx: Transaction, cart: CartDoc): Promise<CartDoc> {
  await tx.collection<CartDoc>(CARTS).doc(cart.openid).set(cart);
  return cart;
}
