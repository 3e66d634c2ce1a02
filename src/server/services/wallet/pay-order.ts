import type { PayView } from '../../../core/contracts/order';
import type { GroupState } from '../../../core/contracts/groupbuy';
import { groupBuyAllowsFulfilment } from '../../../core/groupbuy/state';
import { orderErrors } from '../../../core/order/errors';
import { displayOrderNo } from '../../../core/order/order-no';
import type { OrderDoc, PaymentRecord } from '../../../core/order/types';
import { spendSplit } from '../../../core/wallet/buckets';
import { walletCause } from '../../../core/wallet/entries';
import { readOwnOrderInTx } from '../order/access';
import { step } from '../order/change';
import type { ServiceDeps } from '../order/deps';
import { runOrderHooks } from '../order/hooks';
import { OrderCollections, replaceFields } from '../order/records';
import { refuse, Refusal, transact } from '../order/transact';
import { walletErrors } from './errors';
import { applyWalletInTx, readWalletInTx } from './ledger';
import { WalletCollections, type WalletSpendDoc } from './records';

/**
 * `order.pay {orderId, method: 'wallet'}`: pays the order at once from the
 * stored value, in ONE transaction that reads the order and the wallet,
 * debits the buckets (gift first: core/wallet/buckets), records what each
 * gave (`wallet_spends/<orderId>`, the refund's measure), marks the order
 * paid exactly as a payment notification does (pickup orders on to
 * READY_FOR_PICKUP) and runs the paid hooks (points, growth, rollups…).
 * A short balance refuses WALLET_INSUFFICIENT and takes nothing. Concurrent
 * payments of one wallet conflict on its account document and are re-run
 * by the transaction, each against the balance the other left.
 *
 * A repeat for an order this already paid answers it again (no second
 * debit: the order is no longer PENDING_PAYMENT, and the cause `spend:<orderId>`
 * exists). If a WeChat trade was opened for the order first and is paid too,
 * that second payment is refunded by the payment notification (DUPLICATE_PAYMENT).
 */
export async function payOrderFromWallet(deps: ServiceDeps, openid: string, orderId: string): Promise<PayView> {
  return transact(deps.db, async (tx) => {
    const now = deps.now();
    const order = await readOwnOrderInTx(tx, openid, orderId);
    if (order instanceof Refusal) return order;
    if (order.walletTopUp) return refuse(walletErrors.notForTopUp());
    const amount = order.amounts.payable;
    const spendRef = tx.collection<WalletSpendDoc>(WalletCollections.spends).doc(order._id);
    const earlier = (await spendRef.get()).data;
    if (earlier && order.payment?.method === 'wallet') return viewOf(order._id, amount, order.expiresAt, earlier); // an idempotent repeat
    // Every refusal is decided before the first write (a Refusal commits nothing only when nothing was written).
    const readyNow = order.fulfillment.type === 'pickup' && groupBuyAllowsFulfilment(order as { groupBuy?: { state: GroupState } | null });
    const next = step(order, readyNow ? ['pay', 'readyForPickup'] : ['pay'], now, 'payment');
    if (next instanceof Refusal) return next;
    if (now >= order.expiresAt) return refuse(orderErrors.orderExpired(orderId));

    const account = await readWalletInTx(tx, openid, now);
    const split = spendSplit(account, amount);
    if (!split) return refuse(walletErrors.insufficient(account.principalFen + account.giftFen, amount));

    const applied = await applyWalletInTx(
      tx,
      deps,
      {
        openid,
        cause: walletCause.spend(order._id),
        principal: { deltaFen: -split.principalFen, kind: 'spend' },
        gift: { deltaFen: -split.giftFen, kind: 'spend' },
        refId: order._id,
        title: `订单 ${displayOrderNo(order)}`,
        rollup: { spentFen: amount },
      },
      now,
    );
    if (applied instanceof Refusal) return applied;
    await spendRef.set({
      openid,
      principalFen: split.principalFen,
      giftFen: split.giftFen,
      giftExpiresAt: applied.giftExpiresAt,
      returnedPrincipalFen: 0,
      returnedGiftFen: 0,
      refundNos: [],
      createdAt: now,
    });

    const payment: PaymentRecord = { transactionId: `WALLET-${order._id}`, outTradeNo: order._id, amount, at: now, timeEnd: null, method: 'wallet' };
    const paid = { ...next, paidAt: now, payment };
    await tx.collection<OrderDoc>(OrderCollections.orders).doc(order._id).update(replaceFields(deps.db.command, paid));
    await runOrderHooks('paid', tx, { ...order, ...paid }, deps, now);
    return viewOf(order._id, amount, order.expiresAt, split);
  });
}

function viewOf(orderId: string, amount: number, expiresAt: number, split: { principalFen: number; giftFen: number }): PayView {
  return { orderId, amount, expiresAt, payment: { provider: 'wallet', orderId, amount, principalFen: split.principalFen, giftFen: split.giftFen } };
}
