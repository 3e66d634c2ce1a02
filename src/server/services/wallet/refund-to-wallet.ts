import { displayOrderNo } from '../../../core/order/order-no';
import { refundEndsOrder, type RefundDoc } from '../../../core/order/refund';
import type { Order } from '../../../core/order/types';
import { refundSplit } from '../../../core/wallet/buckets';
import { walletCause } from '../../../core/wallet/entries';
import type { Fen } from '../../../core/money';
import { splitRefundParts, type RefundParts } from '../../../core/wallet/split';
import type { Transaction } from '../../db';
import type { ServiceDeps } from '../order/deps';
import { OrderCollections } from '../order/records';
import { Refusal, transact } from '../order/transact';
import { applyWalletInTx } from './ledger';
import { WalletCollections, type WalletSpendDoc } from './records';

/**
 * Whether a due refund goes back to the wallet instead of the provider: a
 * refund of the payment of an order paid from the wallet (a customer's
 * approved request, a failed group-buy). A refund of a particular WeChat
 * trade (`outTradeNo`: a payment after cancel, a second payment) is money
 * WeChat took, and goes back through WeChat.
 */
export function refundsToWallet(order: Pick<Order, 'payment'> | null, refund: Pick<RefundDoc, 'outTradeNo' | 'partial' | 'reason'>): boolean {
  const method = order?.payment?.method;
  return (method === 'wallet' || method === 'split') && !refund.outTradeNo && (!!refund.partial || refundEndsOrder(refund.reason));
}

/** Where a due refund's money goes: `walletFen` back to the stored value, `cashFen` through the provider on `outTradeNo` (whose total is `cashTotalFen`, which WeChat's refund API needs). */
export interface RefundPlan extends RefundParts {
  outTradeNo: string;
  cashTotalFen: Fen;
}

/**
 * The refund worker's question before calling the provider (outside
 * transactions), reading the order once:
 * - a refund of a particular WeChat trade (`refund.outTradeNo`), or of an
 *   order not paid from the wallet: all through WeChat, on the trade that took
 *   the money (a later out_trade_no when an earlier payment was refused; the
 *   order id on older orders);
 * - a wallet payment's refund: all back to the wallet;
 * - a split payment's: divided by core/wallet/split splitRefundParts, in a
 *   transaction that records the division on the order's spend
 *   (`refundParts[refundNo]`) the first time, so a retried refund asks WeChat
 *   for the same amount again (idempotent by out_refund_no) and the completing
 *   transaction credits the wallet with the same part.
 */
export async function refundPlanOf(deps: ServiceDeps, refund: RefundDoc & { _id: string }): Promise<RefundPlan> {
  const throughWeChat = (outTradeNo: string): RefundPlan => ({ walletFen: 0, cashFen: refund.amount, outTradeNo, cashTotalFen: refund.total });
  if (refund.outTradeNo) return throughWeChat(refund.outTradeNo);
  const { data } = await deps.db.collection<Order>(OrderCollections.orders).doc(refund.orderId).get();
  const order = data[0] ?? null;
  const outTradeNo = order?.payment?.outTradeNo ?? order?.latePayment?.outTradeNo ?? refund.orderId;
  if (!order || !refundsToWallet(order, refund)) return throughWeChat(outTradeNo);
  if (order.payment?.method === 'wallet') return { walletFen: refund.amount, cashFen: 0, outTradeNo, cashTotalFen: 0 };
  return transact(deps.db, async (tx) => {
    const ref = tx.collection<WalletSpendDoc>(WalletCollections.spends).doc(order._id);
    const spend = (await ref.get()).data;
    if (!spend) throw new Error(`split-paid order ${order._id} has no wallet spend`);
    const cashTotalFen = spend.cashFen ?? 0;
    const known = spend.refundParts?.[refund._id];
    if (known) return { ...known, outTradeNo, cashTotalFen };
    const allocated = Object.values(spend.refundParts ?? {}).reduce((sum, p) => ({ walletFen: sum.walletFen + p.walletFen, cashFen: sum.cashFen + p.cashFen }), { walletFen: 0, cashFen: 0 });
    const parts = splitRefundParts({ walletFen: spend.principalFen + spend.giftFen, cashFen: cashTotalFen }, allocated, refund.amount);
    await ref.update({ refundParts: deps.db.command.set({ ...(spend.refundParts ?? {}), [refund._id]: parts }) });
    return { ...parts, outTradeNo, cashTotalFen };
  });
}

/**
 * In the refund's completing transaction (order/refunds completeRefund):
 * the refund's amount back to the wallet, each bucket in the order's own
 * proportion so that all refunds of the order return exactly what it took
 * (core/wallet/buckets refundSplit), once per out_refund_no (cause
 * `refund:<refundNo>`). Gift comes back with the expiry of the lots it was taken from.
 */
export async function refundToWalletInTx(tx: Transaction, deps: ServiceDeps, order: Order | null, refund: RefundDoc, refundNo: string, now: number): Promise<void> {
  if (!order || !refundsToWallet(order, refund)) return;
  const spendRef = tx.collection<WalletSpendDoc>(WalletCollections.spends).doc(order._id);
  const spend = (await spendRef.get()).data;
  if (!spend || spend.refundNos.includes(refundNo)) return;
  // A split payment's refund: the wallet's part as walletRefundPlan divided it before WeChat was asked for the rest.
  const walletFen = order.payment?.method === 'split' ? (spend.refundParts?.[refundNo]?.walletFen ?? 0) : refund.amount;
  const split = refundSplit(
    { principalFen: spend.principalFen, giftFen: spend.giftFen },
    { principalFen: spend.returnedPrincipalFen, giftFen: spend.returnedGiftFen },
    walletFen,
  );
  const applied = await applyWalletInTx(
    tx,
    deps,
    {
      openid: order.openid,
      cause: walletCause.refund(refundNo),
      principal: { deltaFen: split.principalFen, kind: 'refund' },
      gift: { deltaFen: split.giftFen, kind: 'refund', expiresAt: spend.giftExpiresAt, lotId: refundNo },
      refId: order._id,
      title: `订单 ${displayOrderNo(order)}`,
      rollup: { refundedFen: split.principalFen + split.giftFen },
    },
    now,
  );
  if (applied instanceof Refusal) throw applied.error; // a credit never refuses
  await spendRef.update({
    returnedPrincipalFen: spend.returnedPrincipalFen + split.principalFen,
    returnedGiftFen: spend.returnedGiftFen + split.giftFen,
    refundNos: deps.db.command.set([...spend.refundNos, refundNo]),
  });
}
