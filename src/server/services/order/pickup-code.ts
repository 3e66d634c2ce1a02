import { randomInt } from 'crypto';
import { PICKUP_CODE_DIGITS } from '../../../core/pickup/code';
import type { OrderStatus } from '../../../core/order/status';
import type { Order, OrderDoc, OrderFulfillment } from '../../../core/order/types';
import type { Db, Transaction } from '../../db';
import { OrderCollections } from './records';

/** `_id` = the code. A code is taken while its order is open; a finished order's code may be given again. */
export const PICKUP_CODES = 'pickup_codes';

export interface PickupCodeDoc {
  orderId: string;
  storeId: string;
  /** False once the goods were handed over, or the order was cancelled or refunded. */
  open: boolean;
  createdAt: number;
  releasedAt: number | null;
}

/** 10^8 codes against at most thousands open: a clash is rare, eight in a row is a bug. */
const ATTEMPTS = 8;
const FINISHED: readonly OrderStatus[] = ['COMPLETED', 'CANCELLED', 'REFUNDED'];

export function newPickupCode(): string {
  let code = '';
  while (code.length < PICKUP_CODE_DIGITS) code += String(randomInt(0, 10));
  return code;
}

/**
 * In the transaction that creates order `orderId`: a pickup fulfilment gets a
 * code nobody's open pickup holds, and the code's document is written in the
 * same transaction (two orders drawing the same code conflict and one re-runs
 * with a fresh draw). Every run draws anew and writes only through `tx`, so a
 * re-run is safe. A delivery comes back unchanged.
 */
export async function withPickupCodeInTx(
  tx: Transaction,
  orderId: string,
  fulfillment: OrderFulfillment,
  now: number,
  draw: () => string = newPickupCode,
): Promise<OrderFulfillment> {
  if (fulfillment.type !== 'pickup') return fulfillment;
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const code = draw();
    const ref = tx.collection<PickupCodeDoc>(PICKUP_CODES).doc(code);
    const held = (await ref.get()).data;
    if (held && held.orderId !== orderId && (await heldInTx(tx, held))) continue;
    await ref.set({ orderId, storeId: fulfillment.storeId, open: true, createdAt: now, releasedAt: null });
    return { ...fulfillment, pickupCode: code };
  }
  throw new Error(`no free pickup code after ${ATTEMPTS} draws`);
}

/** A code is still held while it is open and its order has not finished (cancelled and refunded orders never release it themselves). */
async function heldInTx(tx: Transaction, held: PickupCodeDoc): Promise<boolean> {
  if (!held.open) return false;
  const order = (await tx.collection<OrderDoc>(OrderCollections.orders).doc(held.orderId).get()).data;
  return order !== null && !FINISHED.includes(order.status);
}

/** In the hand-over's (or cancellation's, or refund's) transaction: the code is free again. */
export async function releasePickupCodeInTx(tx: Transaction, order: Order, now: number): Promise<void> {
  const code = order.fulfillment.type === 'pickup' ? order.fulfillment.pickupCode : undefined;
  if (!code) return;
  const ref = tx.collection<PickupCodeDoc>(PICKUP_CODES).doc(code);
  const held = (await ref.get()).data;
  if (held?.orderId === order._id && held.open) await ref.update({ open: false, releasedAt: now });
}

/** A cancelled or refunded pickup order frees its code in the same transaction (a code is also free once its order has finished: see `heldInTx`). */
export const pickupCodeOrderHooks = {
  cancelled: (tx: Transaction, order: Order, _deps: unknown, now: number) => releasePickupCodeInTx(tx, order, now),
  refunded: (tx: Transaction, order: Order, _deps: unknown, now: number) => releasePickupCodeInTx(tx, order, now),
};

/** The order a typed or scanned 取货码 belongs to, or null (unknown code, or a code given again since). */
export async function orderIdOfPickupCode(db: Db, code: string): Promise<string | null> {
  const { data } = await db.collection<PickupCodeDoc>(PICKUP_CODES).doc(code).get();
  return data[0]?.orderId ?? null;
}
