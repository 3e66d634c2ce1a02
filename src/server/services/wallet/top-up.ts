import { unpaidOrderState } from '../../../core/order/unpaid-state';
import { planRefusal, type WalletPlan } from '../../../core/wallet/plans';
import type { OrderDoc } from '../../../core/order/types';
import { newId } from '../../kit/ids';
import { assertSameInput, inputFingerprint, reusedKeyError } from '../../kit/input-fingerprint';
import type { Transaction } from '../../db';
import { loadMember, readMemberInTx } from '../member/access';
import type { ServiceDeps } from '../order/deps';
import { allocateOrderNoInTx } from '../order/order-no';
import { IDEMPOTENCY_TTL_MS, idempotencyKey, OrderCollections, type IdempotencyDoc } from '../order/records';
import { orderPayMinutes } from '../order/settings';
import { refuse, transact } from '../order/transact';
import { walletErrors } from './errors';
import { loadPlan } from './plans';
import { WalletCollections, type WalletTopUpDoc } from './records';

export const TOP_UP_SCOPE = 'wt';

/** `wallet_plan_uses/{openid}:{planId}`: top-ups made with a plan (unpaid ones count until cancelled). Kept in `wallet_topups`' sibling collection. */
export const PLAN_USES = 'wallet_plan_uses';
interface PlanUsesDoc {
  openid: string;
  planId: string;
  count: number;
  updatedAt: number;
}
export const planUsesId = (openid: string, planId: string): string => `${openid}:${planId}`.slice(0, 120);

/**
 * `wallet.topUp`: a top-up order for the plan, paid through `order.pay` and
 * the payment provider like any order. It is an order (`orders`) so the
 * payment notification, the orderquery sweep, the unpaid-order timeout and
 * late-payment refunds all apply unchanged; it has no goods and no stock.
 * Its payment credits the principal and the gift in the notification's
 * transaction (order-hooks.ts). Members only. One order per (member, requestId).
 */
export async function createTopUp(deps: ServiceDeps, openid: string, input: { planId: string; requestId: string }): Promise<{ orderId: string }> {
  const key = idempotencyKey(TOP_UP_SCOPE, openid, input.requestId);
  const fingerprint = inputFingerprint(TOP_UP_SCOPE, openid, input);
  const earlier = (await deps.db.collection<IdempotencyDoc>(OrderCollections.idempotency).doc(key).get()).data[0];
  if (earlier) {
    assertSameInput(earlier.inputHash, fingerprint);
    return { orderId: earlier.resultId };
  }
  if (!(await loadMember(deps.db, openid))) throw walletErrors.memberRequired();
  const plan = await loadPlan(deps.db, input.planId);
  if (!plan) throw walletErrors.planNotFound();
  const payMinutes = await orderPayMinutes(deps);
  const now = deps.now();
  const orderId = newId('o', now);

  const resultId = await transact(deps.db, async (tx) => {
    const idem = tx.collection<IdempotencyDoc>(OrderCollections.idempotency).doc(key);
    const prior = (await idem.get()).data;
    if (prior) {
      const reused = reusedKeyError(prior.inputHash, fingerprint);
      return reused ? refuse(reused) : prior.resultId;
    }
    if (!(await readMemberInTx(tx, openid))) return refuse(walletErrors.memberRequired());
    const usesRef = tx.collection<PlanUsesDoc>(PLAN_USES).doc(planUsesId(openid, plan.planId));
    const used = (await usesRef.get()).data?.count ?? 0;
    const refusal = planRefusal(plan, used, now);
    if (refusal) return refuse(refusal === 'PLAN_EXPIRED' ? walletErrors.planExpired() : refusal === 'PLAN_LIMIT_REACHED' ? walletErrors.planLimitReached() : walletErrors.planNotFound());

    await tx.collection<OrderDoc>(OrderCollections.orders).doc(orderId).set(topUpOrder(plan, openid, input.requestId, key, await allocateOrderNoInTx(tx, now), now, payMinutes));
    await tx.collection<WalletTopUpDoc>(WalletCollections.topUps).doc(orderId).set({
      openid,
      planId: plan.planId,
      status: 'PENDING',
      payFen: plan.payFen,
      giftFen: plan.giftFen,
      ...planGiftsOf(plan),
      outTradeNo: null,
      refundedFen: 0,
      createdAt: now,
      paidAt: null,
    });
    await usesRef.set({ openid, planId: plan.planId, count: used + 1, updatedAt: now });
    await idem.set({ scope: TOP_UP_SCOPE, openid, requestId: input.requestId, resultId: orderId, inputHash: fingerprint, createdAt: now, expiresAt: now + IDEMPOTENCY_TTL_MS });
    return orderId;
  });
  if (resultId === orderId) deps.log.info('wallet top-up created', { orderId, planId: plan.planId, payFen: plan.payFen, giftFen: plan.giftFen, giftPoints: plan.giftPoints, giftCouponTemplateId: plan.giftCouponTemplateId });
  return { orderId: resultId };
}

function topUpOrder(plan: WalletPlan, openid: string, requestId: string, requestKey: string, orderNo: string, now: number, payMinutes: number): OrderDoc {
  const title = `储值·${plan.title}`;
  return {
    openid,
    orderNo,
    ...unpaidOrderState(now),
    items: [{ skuId: `wallet-${plan.planId}`, productId: 'wallet', productName: title, skuName: '储值充值', image: null, unitPrice: plan.payFen, quantity: 1, lineTotal: plan.payFen }],
    // Nothing is delivered: the fulfilment records that (the order is COMPLETED when its payment credits the wallet).
    fulfillment: { type: 'delivery', address: { name: '储值充值', phone: '', region: '', detail: '无需配送' } },
    amounts: { itemsTotal: plan.payFen, discount: 0, shippingFee: 0, payable: plan.payFen },
    memberDiscountBps: 0,
    requestId,
    requestKey,
    remark: '',
    expiresAt: now + payMinutes * 60_000,
    // No stock was reserved: nothing to give back.
    stockReleased: true,
    coupon: null,
    source: 'shop',
    walletTopUp: { planId: plan.planId, payFen: plan.payFen, giftFen: plan.giftFen, giftValidDays: plan.giftValidDays, ...planGiftsOf(plan) },
  };
}

/** The plan's points and coupon as the order keeps them (nothing when it gives none): its payment gives these, whatever the plan says by then. */
const planGiftsOf = (plan: WalletPlan): { giftPoints?: number; giftCouponTemplateId?: string } => ({
  ...(plan.giftPoints > 0 ? { giftPoints: plan.giftPoints } : {}),
  ...(plan.giftCouponTemplateId ? { giftCouponTemplateId: plan.giftCouponTemplateId } : {}),
});

/** A top-up cancelled unpaid gives its plan use back (once: the top-up record's status guards it). */
export async function releaseTopUpInTx(tx: Transaction, orderId: string, now: number): Promise<void> {
  const ref = tx.collection<WalletTopUpDoc>(WalletCollections.topUps).doc(orderId);
  const topUp = (await ref.get()).data;
  if (!topUp || topUp.status !== 'PENDING') return;
  await ref.update({ status: 'CANCELLED' });
  const usesRef = tx.collection<PlanUsesDoc>(PLAN_USES).doc(planUsesId(topUp.openid, topUp.planId));
  const uses = (await usesRef.get()).data;
  if (uses && uses.count > 0) await usesRef.update({ count: uses.count - 1, updatedAt: now });
}
