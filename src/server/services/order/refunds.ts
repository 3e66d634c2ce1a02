import type { TimerReport } from '../../../core/contracts/order';
import { orderErrors } from '../../../core/order/errors';
import { refundEndsOrder, type RefundDoc } from '../../../core/order/refund';
import type { Order, OrderDoc, OrderItem } from '../../../core/order/types';
import type { PaymentProvider, RefundReceipt } from '../payment/port';
import { debitPartialRefundInTx } from '../member/order-hooks';
import { addRefundToRollupInTx } from '../stats/order-hooks';
import { addRefundToProfileInTx } from '../crm/order-hooks';
import { reverseOrderCommissionsInTx } from '../commission/order-hooks';
import { refundPlanOf, refundToWalletInTx } from '../wallet/refund-to-wallet';
import { readOrderInTx } from './access';
import { step } from './change';
import type { ServiceDeps } from './deps';
import { runOrderHooks } from './hooks';
import { OrderCollections, replaceFields } from './records';
import { releaseStockInTx } from './stock';
import { Refusal, transact } from './transact';

const BATCH = 20;
/** Long enough for one provider call; a crashed worker's refund is picked up again after it. */
const LEASE_MS = 2 * 60_000;

/**
 * Timer `processRefunds`: performs due refunds through the payment port,
 * never inside a transaction. Each refund is first claimed with a
 * conditional write (a lease), so concurrent runs do not both call the
 * provider; a retry after a failure reuses the same refundNo, which the
 * provider treats idempotently. Then one transaction marks the refund DONE
 * and the order REFUNDED (giving stock back when the refund says so).
 */
export async function processDueRefunds(deps: ServiceDeps, provider: PaymentProvider | null): Promise<TimerReport> {
  const _ = deps.db.command;
  const refunds = deps.db.collection<RefundDoc>(OrderCollections.refunds);
  const { data: due } = await refunds
    .where({ status: 'DUE', leaseUntil: _.lte(deps.now()) })
    .orderBy('createdAt', 'asc')
    .limit(BATCH)
    .get();
  const report: TimerReport = { scanned: due.length, changed: 0 };
  if (due.length === 0) return report;
  // Asked only when money is due, so a runtime without payments idles quietly.
  if (!provider && due.some((refund) => refund.amount > 0)) throw orderErrors.paymentUnavailable();
  for (const refund of due) {
    const now = deps.now();
    const claim = await refunds
      .where({ _id: refund._id, status: 'DUE', leaseUntil: _.lte(now) })
      .update({ leaseUntil: now + LEASE_MS, attempts: _.inc(1), updatedAt: now });
    if (claim.updated !== 1) continue;

    // Nothing was paid in money (a points-only order): no payment provider to ask, WeChat refuses 0 fen.
    if (refund.amount === 0) {
      if (await completeRefund(deps, refund._id, { refundNo: refund._id, providerRefundId: null })) report.changed += 1;
      continue;
    }
    let receipt: RefundReceipt;
    try {
      // Paid from the stored value (issue 14): its part back to the wallet in completeRefund's transaction; a split payment's rest through WeChat.
      const plan = await refundPlanOf(deps, refund);
      if (plan.cashFen === 0) {
        if (await completeRefund(deps, refund._id, { refundNo: refund._id, providerRefundId: 'wallet' })) report.changed += 1;
        continue;
      }
      receipt = await provider!.refund({ orderId: refund.orderId, outTradeNo: plan.outTradeNo, refundNo: refund._id, amount: plan.cashFen, total: plan.cashTotalFen });
    } catch (error) {
      const attempts = refund.attempts + 1;
      deps.log.error('refund failed; will retry', { refundNo: refund._id, orderId: refund.orderId, attempts, error });
      await refunds.doc(refund._id).update({
        lastError: error instanceof Error ? error.message : String(error),
        leaseUntil: now + Math.min(attempts, 30) * 60_000,
        updatedAt: now,
      });
      continue;
    }
    if (await completeRefund(deps, refund._id, receipt)) report.changed += 1;
  }
  if (report.scanned > 0) deps.log.info('processRefunds', { ...report });
  return report;
}

/** Marks a performed refund DONE and its order REFUNDED, once. Answers whether this call did it. */
export async function completeRefund(deps: ServiceDeps, refundNo: string, receipt: RefundReceipt): Promise<boolean> {
  const _ = deps.db.command;
  return transact(deps.db, async (tx) => {
    const refundRef = tx.collection<RefundDoc>(OrderCollections.refunds).doc(refundNo);
    const refund = (await refundRef.get()).data;
    if (!refund || refund.status === 'DONE') return false;
    const now = deps.now();
    const order = await readOrderInTx(tx, refund.orderId);

    let patch: Partial<OrderDoc> | null = null;
    if (order && refund.partial) {
      // A partial refund: the order keeps its status; refunded lines' units go back unless it shipped.
      if (refund.releaseStock && refund.lines?.length) {
        await releaseStockInTx(tx, _, unitsOf(order, refund), { kind: 'refund', orderId: order._id, refId: refund._id, by: 'system', at: now });
      }
      patch = { updatedAt: now, ...requestRefundedPatch(order, refund._id, now) };
      // Growth and points back in proportion (the final refund takes what partial ones left).
      await debitPartialRefundInTx(tx, order, { refundNo: refund._id, amount: refund.amount }, now);
      // Guides' and leaders' commission: this refund's share (the order's final refund reverses the rest, hooks/refunded).
      await reverseOrderCommissionsInTx(tx, order, { refundKey: refundNo, refundedFen: refund.amount }, now);
    } else if (order && refundEndsOrder(refund.reason) && order.status === 'REFUNDING') {
      const next = step(order, ['refund'], now, 'system');
      if (next instanceof Refusal) return next;
      const release = refund.releaseStock && !order.stockReleased;
      patch = { ...next, refundedAt: now, ...(release ? { stockReleased: true } : {}), ...requestRefundedPatch(order, refund._id, now) };
      if (release) await releaseStockInTx(tx, _, unitsOf(order, refund), { kind: 'refund', orderId: order._id, refId: refund._id, by: 'system', at: now });
    } else if (order && refund.reason === 'PAID_AFTER_CANCEL') {
      patch = { refundedAt: now, updatedAt: now };
    }
    await refundToWalletInTx(tx, deps, order, refund, refundNo, now); // a wallet-paid order's refund (issue 14); else nothing
    await refundRef.update({ status: 'DONE', doneAt: now, providerRefundId: receipt.providerRefundId, leaseUntil: 0, updatedAt: now });
    // Every completed refund, partial ones too, adds its own amount to the dashboard's day.
    await addRefundToRollupInTx(tx, deps, { ...refund, _id: refundNo, status: 'DONE', doneAt: now }, now);
    if (order && patch) {
      await tx.collection<OrderDoc>(OrderCollections.orders).doc(order._id).update(replaceFields(_, patch));
      if (patch.status === 'REFUNDED') await runOrderHooks('refunded', tx, { ...order, ...patch }, deps, now);
      // The member's profile: a partial refund, or the one that ended the order (after growth was taken back).
      if (refund.partial || patch.status === 'REFUNDED') await addRefundToProfileInTx(tx, order, refund, now);
    }
    return true;
  });
}

/** The units a refund gives back: its lines (a partial refund, or what earlier partial ones left), else the whole order. */
function unitsOf(order: Order, refund: RefundDoc): Pick<OrderItem, 'skuId' | 'quantity' | 'productId'>[] {
  if (!refund.lines) return order.items;
  return refund.lines.map((line) => ({ ...line, productId: order.items.find((item) => item.skuId === line.skuId)?.productId ?? '' }));
}

/** The customer's request this refund approved: when its money went back (its timeline's 已退款). */
function requestRefundedPatch(order: Order, refundNo: string, now: number): Partial<OrderDoc> {
  const request = order.refundRequest;
  return request && request.refundNo === refundNo ? { refundRequest: { ...request, refundedAt: now } } : {};
}
