import { unpaidOrderState } from '../../../core/order/unpaid-state';
import type { OrderView } from '../../../core/contracts/order';
import type { Order, OrderDoc } from '../../../core/order/types';
import { toOrderView } from '../../../core/order/view';
import { liveAttributionOf } from '../../../core/live/attribution';
import { priceOrder } from '../../../core/pricing';
import { newId } from '../../kit/ids';
import { assertSameInput, inputFingerprint, reusedKeyError } from '../../kit/input-fingerprint';
import { removeCartLinesInTx } from '../cart/service';
import { checkCouponInTx, chooseCoupon, couponCartOf, lockCouponInTx, orderCouponOf, type CouponRequest } from '../promotion/checkout';
import type { ServiceDeps } from './deps';
import { memberDiscountBpsFor } from './member-discount';
import { orderItems, prepareOrder, type FulfillmentRequest } from './prepare';
import { IDEMPOTENCY_TTL_MS, idempotencyKey, OrderCollections, type IdempotencyDoc } from './records';
import { loadOrder } from './access';
import { orderPayMinutes } from './settings';
import { withPickupCodeInTx } from './pickup-code';
import { allocateOrderNoInTx } from './order-no';
import { reserveStockInTx, type StockLine } from './stock';
import { Refusal, refuse, transact } from './transact';
import { communityTermsInTx, prepareCommunityOrder, type CommunityOrderRequest } from '../community/order-terms';
import { guideTermsInTx } from '../guide/order-terms';

export const ORDER_CREATE_SCOPE = 'oc';

export interface CreateOrderRequest {
  items: StockLine[];
  fulfillment: FulfillmentRequest;
  requestId: string;
  source: 'cart' | 'buyNow';
  remark: string;
  /** Absent: the best usable coupon; null: none; an id: that coupon. */
  couponId?: CouponRequest;
  /** Bought from a live room: attribute the order to it. */
  liveRoomId?: string;
  /** A community group-buy order (services/community/place-order): picked up at the leader's point, at the activity's prices, no coupon or member discount. */
  community?: CommunityOrderRequest;
}

/**
 * Places an order in one transaction: the idempotency key, every SKU's stock
 * (all or nothing), the coupon (LOCKED to the order), the order and the cart. The same caller and requestId
 * answer the first order, however often and however concurrently repeated.
 */
export async function createOrder(deps: ServiceDeps, openid: string, input: CreateOrderRequest): Promise<OrderView> {
  const key = idempotencyKey(ORDER_CREATE_SCOPE, openid, input.requestId);
  const fingerprint = inputFingerprint(ORDER_CREATE_SCOPE, openid, input);
  const replayed = await orderOfKey(deps, key, fingerprint);
  if (replayed) return toOrderView(replayed);

  const community = input.community ? await prepareCommunityOrder(deps, input.community, input.items.map((i) => i.skuId)) : null;
  const prepared = await prepareOrder(deps, input, community?.fulfillment);
  const memberDiscountBps = community ? 0 : await memberDiscountBpsFor(deps, openid);
  const payMinutes = await orderPayMinutes(deps);
  const now = deps.now();
  const quotedItems = orderItems(prepared, (skuId) => prepared.sellable.get(skuId)!.sku.price);
  const { choice } = await chooseCoupon(
    deps,
    openid,
    community ? null : input.couponId,
    couponCartOf(quotedItems, prepared.fulfillment.type, memberDiscountBps),
    now,
  );
  const orderId = newId('o', now);
  const _ = deps.db.command;

  const orderIdCreated = await transact(deps.db, async (tx) => {
    const idempotency = tx.collection<IdempotencyDoc>(OrderCollections.idempotency).doc(key);
    const earlier = (await idempotency.get()).data;
    if (earlier) {
      const reused = reusedKeyError(earlier.inputHash, fingerprint);
      return reused ? refuse(reused) : earlier.resultId;
    }

    const coupon = choice
      ? await checkCouponInTx(tx, openid, choice.coupon._id, prepared.lines, prepared.fulfillment.type, memberDiscountBps, now)
      : null;
    if (coupon instanceof Refusal) return coupon;

    // The activity is read again here: no order commits after its cut-off.
    const terms = community ? await communityTermsInTx(tx, community, openid, prepared.lines.map((l) => l.skuId), deps.now()) : null;
    if (terms instanceof Refusal) return terms;

    const skus = await reserveStockInTx(tx, _, prepared.lines, { orderId, by: openid, at: now });
    if (!(skus instanceof Map)) return skus;

    const items = orderItems(prepared, (skuId) => (terms ? terms.priceOf(skuId, skus.get(skuId)!.price) : skus.get(skuId)!.price));
    const amounts = priceOrder({ lines: items, fulfillment: prepared.fulfillment.type, memberDiscountBps, couponDiscount: coupon?.discount });
    const order: OrderDoc = {
      openid,
      orderNo: await allocateOrderNoInTx(tx, now),
      ...unpaidOrderState(now),
      items,
      fulfillment: await withPickupCodeInTx(tx, orderId, prepared.fulfillment, now),
      amounts,
      memberDiscountBps,
      requestId: input.requestId,
      requestKey: key,
      remark: input.remark,
      expiresAt: now + payMinutes * 60_000,
      stockReleased: false,
      coupon: coupon ? orderCouponOf(coupon.coupon, amounts.couponDiscount ?? 0) : null,
      source: 'shop',
      ...liveAttributionOf(input.liveRoomId),
      ...(terms ? { community: terms.info } : {}),
      // The customer's guide (导购), read by id in this transaction; a community order is its leader's, not a guide's.
      ...(terms ? {} : await guideTermsInTx(tx, openid)),
    };
    await tx.collection<OrderDoc>(OrderCollections.orders).doc(orderId).set(order);
    if (coupon) await lockCouponInTx(tx, coupon.coupon._id, orderId, now);
    await idempotency.set({
      scope: ORDER_CREATE_SCOPE,
      openid,
      requestId: input.requestId,
      resultId: orderId,
      inputHash: fingerprint,
      createdAt: now,
      expiresAt: now + IDEMPOTENCY_TTL_MS,
    });
    if (input.source === 'cart') {
      await removeCartLinesInTx(
        tx,
        openid,
        prepared.lines.map((l) => l.skuId),
        now,
      );
    }
    return orderId;
  });

  const order = await loadOrder(deps.db, orderIdCreated);
  if (!order) throw new Error(`order ${orderIdCreated} vanished after creation`);
  if (orderIdCreated === orderId) deps.log.info('order created', { orderId, payable: order.amounts.payable });
  return toOrderView(order);
}

async function orderOfKey(deps: ServiceDeps, key: string, fingerprint: string): Promise<Order | null> {
  const { data } = await deps.db.collection<IdempotencyDoc>(OrderCollections.idempotency).doc(key).get();
  if (!data[0]) return null;
  assertSameInput(data[0].inputHash, fingerprint);
  return loadOrder(deps.db, data[0].resultId);
}
