import type { PayView } from '../../../core/contracts/order';
import type { GroupState } from '../../../core/contracts/groupbuy';
import { groupBuyAllowsFulfilment } from '../../../core/groupbuy/state';
import { orderErrors } from '../../../core/order/errors';
import type { OrderDoc, PaymentRecord } from '../../../core/order/types';
import { spendSplit } from '../../../core/wallet/buckets';
import { walletCause } from '../../../core/wallet/entries';
import { cashDueOf } from '../../../core/wallet/split';
import { readOwnOrderInTx } from '../order/access';
import { step } from '../order/change';
import type { ServiceDeps } from '../order/deps';
import { runOrderHooks } from '../order/hooks';
import { OrderCollections, replaceFields } from '../order/records';
import { refuse, Refusal, transact } from '../order/transact';
import { walletErrors } from './errors';
import { applyWalletInTx, orderSpendChange, readWalletInTx } from './ledger';
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
 * An order whose split payment's wallet part is held (hold.ts) is paid by
 * taking the rest from the wallet: one spend of the whole order, refunded as one.
 */
export async function payOrderFromWallet(deps: ServiceDeps, openid: string, orderId: string): Promise<PayView> {
  return transact(deps.db, async (tx) => {
    const now = deps.now();
    const order = await readOwnOrderInTx(tx, openid, orderId);
    if (order instanceof Refusal) return order;
    if (order.walletTopUp) return refuse(walletErrors.notForTopUp());
    const payable = order.amounts.payable;
    const amount = cashDueOf(order); // the rest, when a split payment's wallet part is held already
    const spendRef = tx.collection<WalletSpendDoc>(WalletCollections.spends).doc(order._id);
    const earlier = (await spendRef.get()).data;
    if (earlier && order.payment?.method === 'wallet') return viewOf(order._id, payable, order.expiresAt, earlier); // an idempotent repeat
    // Every refusal is decided before the first write (a Refusal commits nothing only when nothing was written).
    const readyNow = order.fulfillment.type === 'pickup' && groupBuyAllowsFulfilment(order as { groupBuy?: { state: GroupState } | null });
    const next = step(order, readyNow ? ['pay', 'readyForPickup'] : ['pay'], now, 'payment');
    if (next instanceof Refusal) return next;
    if (now >= order.expiresAt) return refuse(orderErrors.orderExpired(orderId));

    const account = await readWalletInTx(tx, openid, now);
    const split = spendSplit(account, amount);
    if (!split) return refuse(walletErrors.insufficient(account.principalFen + account.giftFen, amount));

    const applied = await applyWalletInTx(tx, deps, orderSpendChange(order, walletCause.spend(order._id), split, { spentFen: payable }), now, account);
    if (applied instanceof Refusal) return applied;
    const taken = { principalFen: split.principalFen + (earlier?.principalFen ?? 0), giftFen: split.giftFen + (earlier?.giftFen ?? 0) };
    await spendRef.set({
      openid,
      ...taken,
      giftExpiresAt: !earlier || earlier.giftFen === 0 ? applied.giftExpiresAt : split.giftFen === 0 ? earlier.giftExpiresAt : latestOf(applied.giftExpiresAt, earlier.giftExpiresAt),
      returnedPrincipalFen: 0,
      returnedGiftFen: 0,
      refundNos: [],
      createdAt: earlier?.createdAt ?? now,
    });

    const payment: PaymentRecord = { transactionId: `WALLET-${order._id}`, outTradeNo: order._id, amount: payable, at: now, timeEnd: null, method: 'wallet' };
    const paid = { ...next, paidAt: now, payment };
    await tx.collection<OrderDoc>(OrderCollections.orders).doc(order._id).update(replaceFields(deps.db.command, paid));
    await runOrderHooks('paid', tx, { ...order, ...paid }, deps, now);
    return viewOf(order._id, payable, order.expiresAt, taken);
  });
}

/** Gift taken from lots of two expiries comes back with the later one (null: never expires). */
const latestOf = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : Math.max(a, b));

function viewOf(orderId: string, amount: number, expiresAt: number, split: { principalFen: number; giftFen: number }): PayView {
  return { orderId, amount, expiresAt, payment: { provider: 'wallet', orderId, amount, principalFen: split.principalFen, giftFen: split.giftFen } };
}
