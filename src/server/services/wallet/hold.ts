import { orderErrors } from '../../../core/order/errors';
import { displayOrderNo } from '../../../core/order/order-no';
import type { Order, OrderDoc, PaymentAttempt } from '../../../core/order/types';
import { spendSplit } from '../../../core/wallet/buckets';
import { walletCause } from '../../../core/wallet/entries';
import { splitRefusal } from '../../../core/wallet/split';
import type { Transaction } from '../../db';
import { readOwnOrderInTx } from '../order/access';
import { step } from '../order/change';
import type { ServiceDeps } from '../order/deps';
import { OrderCollections } from '../order/records';
import { refuse, Refusal, transact } from '../order/transact';
import { applyPaidTrade } from '../payment/paid-trade';
import type { PaymentProvider } from '../payment/port';
import { walletErrors } from './errors';
import { addToDayInTx, applyWalletInTx, orderSpendChange, readWalletInTx } from './ledger';
import { WalletCollections, type WalletSpendDoc } from './records';

/**
 * `order.pay {orderId, method: 'split'}`, its first half (core/wallet/split):
 * in ONE transaction, the whole balance is taken from the buckets (gift
 * first, cause `hold:<orderId>`), recorded as HELD in `wallet_spends/<orderId>`
 * and on the order (`walletHold`), and the order's live WeChat trade, opened
 * for the full amount, is spent so the next one is opened for the rest (a
 * payment of that old trade is then refunded as a wrong amount). The route
 * then opens WeChat Pay for `cashDueOf(order)` outside the transaction.
 *
 * Idempotent: an order whose wallet part is held already keeps it (the
 * balance is not taken again). Refuses WALLET_INSUFFICIENT with no balance,
 * WALLET_COVERS_ORDER when the balance would pay it all (`method: 'wallet'`),
 * a top-up order, and an order that is not payable or past its deadline.
 */
export async function holdWalletPart(deps: ServiceDeps, openid: string, orderId: string): Promise<{ supersededTradeNo: string | null }> {
  return transact(deps.db, async (tx) => {
    const now = deps.now();
    const order = await readOwnOrderInTx(tx, openid, orderId);
    if (order instanceof Refusal) return order;
    if (order.walletTopUp) return refuse(walletErrors.notForTopUp());
    const payable = step(order, ['pay'], now, 'payment');
    if (payable instanceof Refusal) return payable;
    if (now >= order.expiresAt) return refuse(orderErrors.orderExpired(orderId));
    if (order.walletHold) return { supersededTradeNo: null };

    const account = await readWalletInTx(tx, openid, now);
    const balance = account.principalFen + account.giftFen;
    const refusal = splitRefusal(balance, order.amounts.payable);
    if (refusal === 'WALLET_INSUFFICIENT') return refuse(walletErrors.insufficient(balance, order.amounts.payable));
    if (refusal === 'WALLET_COVERS_ORDER') return refuse(walletErrors.coversOrder());
    const split = spendSplit(account, balance)!;

    const applied = await applyWalletInTx(tx, deps, orderSpendChange(order, walletCause.hold(order._id), split), now, account);
    if (applied instanceof Refusal) return applied;
    const spend: WalletSpendDoc = {
      openid,
      principalFen: split.principalFen,
      giftFen: split.giftFen,
      giftExpiresAt: applied.giftExpiresAt,
      returnedPrincipalFen: 0,
      returnedGiftFen: 0,
      refundNos: [],
      createdAt: now,
      state: 'HELD',
      cashFen: order.amounts.payable - balance,
      refundParts: {},
    };
    await tx.collection<WalletSpendDoc>(WalletCollections.spends).doc(order._id).set(spend);
    const attempt = order.payAttempt ?? null;
    const spentAttempt: PaymentAttempt | null = attempt && attempt.spentAt === null ? { ...attempt, spentAt: now } : attempt;
    await tx
      .collection<OrderDoc>(OrderCollections.orders)
      .doc(order._id)
      .update({
        walletHold: deps.db.command.set({ fen: balance, principalFen: split.principalFen, giftFen: split.giftFen, heldAt: now }),
        ...(spentAttempt !== attempt ? { payAttempt: deps.db.command.set(spentAttempt) } : {}),
        updatedAt: now,
      });
    return { supersededTradeNo: spentAttempt !== attempt && attempt ? attempt.outTradeNo : null };
  });
}

/**
 * After the hold committed (never inside its transaction): the trade opened
 * for the full amount is closed with the provider so the customer cannot pay
 * it any more; if it was paid just before, that payment is applied now
 * (refunded as a wrong amount). Never throws: a payment that still gets
 * through is refunded by the same path when its notification comes.
 */
export async function closeSupersededTrade(deps: ServiceDeps, provider: PaymentProvider, orderId: string, outTradeNo: string): Promise<void> {
  try {
    if ((await provider.closeTrade(outTradeNo)) === 'CLOSED') return;
    const trade = await provider.queryTrade(outTradeNo);
    if (trade.state === 'PAID') await applyPaidTrade(deps, orderId, outTradeNo, trade);
  } catch (error) {
    deps.log.warn('the full-amount trade of a split payment could not be closed; a payment of it will be refunded', { orderId, outTradeNo, error });
  }
}

/**
 * In the payment notification's transaction, when the WeChat part of a split
 * payment is paid: the hold becomes a spend (no entry: the balance was taken
 * when it was held), counted in the day's spending.
 */
export async function settleWalletHoldInTx(tx: Transaction, order: Order, now: number): Promise<void> {
  if (!order.walletHold) return;
  const ref = tx.collection<WalletSpendDoc>(WalletCollections.spends).doc(order._id);
  const spend = (await ref.get()).data;
  if (!spend || spend.state !== 'HELD') return;
  await ref.update({ state: 'SETTLED' });
  await addToDayInTx(tx, now, order.openid, { spentFen: order.walletHold.fen });
}

/**
 * In the cancelling transaction (order hook `cancelled`): a held wallet part
 * goes back to the buckets it came from (cause `release:<orderId>`, gift with
 * the expiry of the lots it was taken from), once.
 */
export async function releaseWalletHoldInTx(tx: Transaction, deps: ServiceDeps, order: Order, now: number): Promise<void> {
  if (!order.walletHold) return;
  const ref = tx.collection<WalletSpendDoc>(WalletCollections.spends).doc(order._id);
  const spend = (await ref.get()).data;
  if (!spend || spend.state !== 'HELD') return;
  const applied = await applyWalletInTx(
    tx,
    deps,
    {
      openid: order.openid,
      cause: walletCause.release(order._id),
      principal: { deltaFen: spend.principalFen, kind: 'release' },
      gift: { deltaFen: spend.giftFen, kind: 'release', expiresAt: spend.giftExpiresAt, lotId: walletCause.release(order._id) },
      refId: order._id,
      title: `订单 ${displayOrderNo(order)}`,
    },
    now,
  );
  if (applied instanceof Refusal) throw applied.error; // a credit never refuses
  await ref.update({ state: 'RELEASED' });
}
