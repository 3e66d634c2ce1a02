import { displayOrderNo } from '../../../core/order/order-no';
import { refundEndsOrder, type RefundDoc } from '../../../core/order/refund';
import type { Order } from '../../../core/order/types';
import { refundSplit } from '../../../core/wallet/buckets';
import { walletCause } from '../../../core/wallet/entries';
import type { Db, Transaction } from '../../db';
import type { ServiceDeps } from '../order/deps';
import { OrderCollections } from '../order/records';
import { Refusal } from '../order/transact';
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
  return order?.payment?.method === 'wallet' && !refund.outTradeNo && (!!refund.partial || refundEndsOrder(refund.reason));
}

/** The worker's question before calling the provider (outside transactions). */
export async function isWalletRefund(db: Db, refund: RefundDoc): Promise<boolean> {
  if (refund.outTradeNo) return false;
  const { data } = await db.collection<Order>(OrderCollections.orders).doc(refund.orderId).get();
  return refundsToWallet(data[0] ?? null, refund);
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
  const split = refundSplit(
    { principalFen: spend.principalFen, giftFen: spend.giftFen },
    { principalFen: spend.returnedPrincipalFen, giftFen: spend.returnedGiftFen },
    refund.amount,
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
