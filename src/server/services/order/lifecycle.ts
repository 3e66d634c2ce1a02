import type { OrderView } from '../../../core/contracts/order';
import { orderErrors } from '../../../core/order/errors';
import type { Order } from '../../../core/order/types';
import { toOrderView } from '../../../core/order/view';
import type { GroupState } from '../../../core/contracts/groupbuy';
import { AppError } from '../../../core/errors';
import { groupBuyAllowsFulfilment } from '../../../core/groupbuy/state';
import { closeTradeOfCancelledOrder } from '../payment/close-after-cancel';
import type { PaymentProvider } from '../payment/port';
import { changeOrder, step, type Decision } from './change';
import { enqueueShippedInTx } from '../notify/order-hooks';
import { runOrderHooks } from './hooks';
import type { ServiceDeps } from './deps';
import { releaseStockInTx } from './stock';
import { Refusal } from './transact';
import type { Transaction } from '../../db';

/**
 * The customer cancels an unpaid order; its stock goes back once. A repeat
 * answers the cancelled order. Once the cancel has committed, the order's
 * trade is closed with the provider (a repeat tries again), so it cannot be
 * paid; if that fails, a late payment is refunded (PAID_AFTER_CANCEL).
 */
export async function cancelOrder(deps: ServiceDeps, provider: PaymentProvider | null, openid: string, orderId: string): Promise<OrderView> {
  const now = deps.now();
  const order = await changeOrder(deps, orderId, openid, (current) => {
    if (current.status === 'CANCELLED') return null;
    return cancellation(deps, current, 'cancel', now);
  });
  await closeTradeOfCancelledOrder(deps, provider, order);
  return toOrderView(order);
}

/**
 * The timer's cancel: only a PENDING_PAYMENT order past its deadline, read
 * inside the transaction (and, when given, for which `stillSo` holds: the
 * sweep checks the trade it closed is still the order's). Answers whether
 * this call cancelled it.
 */
export async function cancelIfExpired(deps: ServiceDeps, orderId: string, stillSo?: (order: Order) => boolean): Promise<boolean> {
  const now = deps.now();
  let cancelled = false;
  await changeOrder(deps, orderId, null, (current) => {
    cancelled = false; // the transaction may run this again: only the committed run counts
    if (current.status !== 'PENDING_PAYMENT' || current.expiresAt > now) return null;
    if (stillSo && !stillSo(current)) return null;
    const decision = cancellation(deps, current, 'timeout', now);
    cancelled = !(decision instanceof Refusal);
    return decision;
  });
  return cancelled;
}

function cancellation(deps: ServiceDeps, order: Order, event: 'cancel' | 'timeout', now: number): Decision {
  const next = step(order, [event], now, event === 'cancel' ? 'customer' : 'system');
  if (next instanceof Refusal) return next;
  const releasing = !order.stockReleased;
  const patch = { ...next, cancelledAt: now, cancelReason: event === 'cancel' ? ('customer' as const) : ('timeout' as const), stockReleased: true };
  return {
    patch,
    alsoInTx: async (tx) => {
      if (releasing) {
        await releaseStockInTx(tx, deps.db.command, order.items, {
          kind: 'cancel',
          orderId: order._id,
          by: event === 'cancel' ? order.openid : 'system',
          at: now,
        });
      }
      await runOrderHooks('cancelled', tx, { ...order, ...patch }, deps, now);
    },
  };
}

/** The customer confirms receipt of a shipped order. */
export async function confirmOrder(deps: ServiceDeps, openid: string, orderId: string): Promise<OrderView> {
  const now = deps.now();
  const order = await changeOrder(deps, orderId, openid, (current) => {
    if (current.status === 'COMPLETED') return null;
    const next = step(current, ['confirm'], now, 'customer');
    if (next instanceof Refusal) return next;
    const patch = { ...next, completedAt: now };
    return { patch, alsoInTx: (tx) => runOrderHooks('completed', tx, { ...current, ...patch }, deps, now) };
  });
  return toOrderView(order);
}

/** An operator ships a paid delivery order. */
export async function shipOrder(
  deps: ServiceDeps,
  orderId: string,
  trackingNo: string,
  /** The carrier to record, and more writes in the ship's transaction (the operator's audit entry: services/order/ship-batch). */
  extra: { carrier?: string; alsoInTx?: (tx: Transaction, order: Order) => Promise<void> } = {},
): Promise<OrderView> {
  const now = deps.now();
  const order = await changeOrder(deps, orderId, null, (current) => {
    if (current.fulfillment.type === 'pickup') return new Refusal(orderErrors.notForPickup(orderId));
    if (!groupBuyAllowsFulfilment(current as { groupBuy?: { state: GroupState } | null })) {
      return new Refusal(new AppError('GROUP_NOT_SUCCEEDED', '拼团尚未成功，暂不能发货', { orderId }));
    }
    if (current.status === 'SHIPPED') return null;
    const next = step(current, ['ship'], now, 'operator');
    if (next instanceof Refusal) return next;
    const patch = { ...next, shippedAt: now, trackingNo: trackingNo || null, ...(extra.carrier ? { carrier: extra.carrier } : {}) };
    return {
      patch,
      alsoInTx: async (tx) => {
        await enqueueShippedInTx(tx, { ...current, ...patch }, patch.trackingNo, now);
        await extra.alsoInTx?.(tx, { ...current, ...patch });
      },
    };
  });
  return toOrderView(order);
}

/** The customer's refund request waits for review: services/order/refund-request.ts. */
export { requestRefund } from './refund-request';
