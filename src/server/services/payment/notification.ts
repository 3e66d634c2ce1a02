import type { PaymentNotification } from '../../../core/contracts/payment';
import { dueRefund, refundNoFor, type RefundDoc } from '../../../core/order/refund';
import type { Order, OrderDoc, PaymentRecord } from '../../../core/order/types';
import type { Transaction } from '../../db';
import { readOrderInTx } from '../order/access';
import { step } from '../order/change';
import { runOrderHooks } from '../order/hooks';
import type { GroupState } from '../../../core/contracts/groupbuy';
import { groupBuyAllowsFulfilment } from '../../../core/groupbuy/state';
import type { ServiceDeps } from '../order/deps';
import { OrderCollections, replaceFields } from '../order/records';
import { Refusal, transact } from '../order/transact';
import { boundedNotification } from './summary';
import { orderIdOfTradeNo } from './trade-no';
import { recordRefusedPaymentInTx } from './refused';
import { refuseWrongAmountInTx } from './wrong-amount';
import { cashDueOf } from '../../../core/wallet/split';
import { settleWalletHoldInTx } from '../wallet/hold';

/** What a notification did. Recorded with it; a replay answers the first outcome and changes nothing. */
export type NotificationOutcome =
  | 'PAID'
  | 'REFUND_DUE'
  | 'DUPLICATE'
  | 'NOT_PAID'
  | 'UNVERIFIED'
  | 'UNKNOWN_ORDER'
  | 'AMOUNT_MISMATCH'
  | 'DUPLICATE_PAYMENT'
  /** Older records only: a second payment of a paid order, before it was refunded as DUPLICATE_PAYMENT. */
  | 'IGNORED';

/** How a payment was learnt: WeChat's notification, or the sweep asking the provider (`orderquery`) when none came. */
export type NotificationSource = 'notification' | 'orderquery';

/** `payment_notifications`: one document per distinct notification, counting its deliveries. */
export interface PaymentNotificationDoc {
  outTradeNo: string;
  /** The order the trade belongs to (absent on malformed ones and older records). */
  orderId?: string;
  source?: NotificationSource;
  transactionId: string | null;
  resultCode: string;
  totalFee: number | null;
  outcome: NotificationOutcome | 'MALFORMED';
  deliveries: number;
  firstAt: number;
  lastAt: number;
  /** The notification's WeChat fields, bounded (see summary.ts); a malformed one's summary. */
  raw: Record<string, unknown>;
}

export interface AppliedNotification {
  outcome: NotificationOutcome;
  replay: boolean;
  orderId: string;
}

export function isPaidNotification(n: PaymentNotification): boolean {
  return n.returnCode === 'SUCCESS' && n.resultCode === 'SUCCESS';
}

/** WeChat repeats the same notification; its transaction id (or result) tells distinct ones apart. */
export function notificationId(n: PaymentNotification): string {
  return `${n.outTradeNo}_${n.transactionId ?? 'none'}_${n.resultCode ?? n.returnCode}`.slice(0, 120);
}

export async function notificationSeen(deps: ServiceDeps, n: PaymentNotification): Promise<boolean> {
  const { data } = await deps.db.collection(OrderCollections.paymentNotifications).doc(notificationId(n)).get();
  return data.length > 0;
}

/**
 * Applies a payment notification in one transaction with its record:
 * PENDING_PAYMENT → PAID exactly once (pickup orders straight on to
 * READY_FOR_PICKUP); a payment for a cancelled order records a refund as
 * due instead of reviving it; an amount that differs from the order's is
 * refunded and the order stays payable (wrong-amount.ts); another payment
 * of an order that already took one (another transaction, perhaps on a
 * later trade) is refunded and the order left as it is. `verified` is the
 * provider's confirmation (null: not asked). The sweep applies a payment it
 * learnt from the provider through this same path (`source: 'orderquery'`),
 * so the notification arriving later is a replay.
 */
export async function applyPaymentNotification(
  deps: ServiceDeps,
  n: PaymentNotification,
  verified: boolean | null,
  source: NotificationSource = 'notification',
): Promise<AppliedNotification> {
  const _ = deps.db.command;
  const id = notificationId(n);
  const orderId = orderIdOfTradeNo(n.outTradeNo);
  return transact(deps.db, async (tx) => {
    const now = deps.now();
    const noteRef = tx.collection<PaymentNotificationDoc>(OrderCollections.paymentNotifications).doc(id);
    const note = (await noteRef.get()).data;
    if (note) {
      await noteRef.update({ deliveries: _.inc(1), lastAt: now });
      return { outcome: note.outcome as NotificationOutcome, replay: true, orderId };
    }
    const order = await readOrderInTx(tx, orderId);
    const outcome = await applyToOrder(deps, tx, order, n, verified, now);
    if (outcome instanceof Refusal) return outcome;
    await noteRef.set({
      outTradeNo: n.outTradeNo,
      orderId,
      source,
      transactionId: n.transactionId ?? null,
      resultCode: n.resultCode ?? n.returnCode,
      totalFee: n.totalFee ?? null,
      outcome,
      deliveries: 1,
      firstAt: now,
      lastAt: now,
      raw: boundedNotification(n),
    });
    return { outcome, replay: false, orderId };
  });
}

async function applyToOrder(
  deps: ServiceDeps,
  tx: Transaction,
  order: Order | null,
  n: PaymentNotification,
  verified: boolean | null,
  now: number,
): Promise<NotificationOutcome | Refusal> {
  if (!isPaidNotification(n)) return 'NOT_PAID';
  if (verified === false) return 'UNVERIFIED';
  if (!order) return 'UNKNOWN_ORDER';
  if (isRecordedPayment(order, n)) return 'DUPLICATE';
  const transactionId = n.transactionId ?? '';
  // A split payment's WeChat trade is for the rest: its wallet part was held already (core/wallet/split).
  if (n.totalFee !== cashDueOf(order)) {
    await refuseWrongAmountInTx(deps, tx, order, n, now);
    return 'AMOUNT_MISMATCH';
  }
  const walletFen = order.walletHold?.fen ?? 0;
  const payment: PaymentRecord = {
    transactionId,
    outTradeNo: n.outTradeNo,
    amount: n.totalFee + walletFen,
    at: now,
    timeEnd: n.timeEnd ?? null,
    ...(walletFen > 0 ? { method: 'split' as const, walletFen } : {}),
  };
  const orders = tx.collection<OrderDoc>(OrderCollections.orders);

  if (order.status === 'PENDING_PAYMENT') {
    // A group-buy order is fulfilled only once its group succeeds (the group-buy hook moves it on then).
    const readyNow = order.fulfillment.type === 'pickup' && groupBuyAllowsFulfilment(order as { groupBuy?: { state: GroupState } | null });
    const events = readyNow ? (['pay', 'readyForPickup'] as const) : (['pay'] as const);
    const next = step(order, [...events], now, 'payment');
    if (next instanceof Refusal) return next;
    const paid = { ...next, paidAt: now, payment };
    await orders.doc(order._id).update(replaceFields(deps.db.command, paid));
    await settleWalletHoldInTx(tx, order, now);
    await runOrderHooks('paid', tx, { ...order, ...paid }, deps, now);
    return 'PAID';
  }
  if (order.status === 'CANCELLED' && !order.latePayment) {
    const refundNo = refundNoFor(order._id);
    // The WeChat money goes back through WeChat (a held wallet part went back when the order was cancelled).
    const late: PaymentRecord = { transactionId, outTradeNo: n.outTradeNo, amount: n.totalFee, at: now, timeEnd: n.timeEnd ?? null };
    const refund = dueRefund({ orderId: order._id, openid: order.openid, amount: late.amount, reason: 'PAID_AFTER_CANCEL', releaseStock: false, now });
    await tx.collection<RefundDoc>(OrderCollections.refunds).doc(refundNo).set({ ...refund, outTradeNo: n.outTradeNo });
    await orders.doc(order._id).update(replaceFields(deps.db.command, { latePayment: late, refundNo, updatedAt: now }));
    return 'REFUND_DUE';
  }
  // Paid already (or its late payment recorded): this money goes back, the first payment stays applied.
  await recordRefusedPaymentInTx(tx, order, n, 'DUPLICATE_PAYMENT', now);
  return 'DUPLICATE_PAYMENT';
}

/**
 * The payment the order already holds (or its late payment), delivered
 * again. When either side lacks a transaction id only the trade can tell,
 * and the same trade is taken for a repeat (never refund the one payment).
 */
function isRecordedPayment(order: Order, n: PaymentNotification): boolean {
  const transactionId = n.transactionId ?? '';
  return [order.payment, order.latePayment].some((recorded) => {
    if (!recorded) return false;
    if (transactionId !== '' && recorded.transactionId !== '') return recorded.transactionId === transactionId;
    return (recorded.outTradeNo ?? order._id) === n.outTradeNo;
  });
}
