import type { OrderEvent } from '../order/status';
import { planTransition } from '../order/transition';
import type { OrderDoc, OrderFulfillment, OrderItem } from '../order/types';
import type { MallItem } from './types';

/**
 * Coupon items have nothing to deliver: their order carries this fulfilment
 * (the order model knows delivery and pickup only), and moves straight on
 * to COMPLETED once the coupon is issued.
 */
export const COUPON_WALLET_STORE_ID = 'coupon-wallet';
export const COUPON_WALLET_FULFILLMENT: OrderFulfillment = {
  type: 'pickup',
  storeId: COUPON_WALLET_STORE_ID,
  storeName: '电子券 · 已发放至「我的优惠券」',
};

export interface MallOrderInput {
  item: MallItem;
  openid: string;
  fulfillment: OrderFulfillment;
  /** The catalog product and SKU names when the item hands over a catalog SKU. */
  product: { productId: string; skuName: string } | null;
  requestId: string;
  requestKey: string;
  remark: string;
  now: number;
  /** Points + cash: when the unpaid order is cancelled. */
  payDeadline: number;
  /** The coupon a points-only coupon item issues with the order (null otherwise, or until paid). */
  couponId: string | null;
}

/** The events a points-only redemption goes through at once: paid, and handed over when nothing ships. */
export function pointsOnlyEvents(item: MallItem, fulfillment: OrderFulfillment): OrderEvent[] {
  if (item.kind === 'coupon') return ['pay', 'readyForPickup', 'pickUp'];
  return fulfillment.type === 'pickup' ? ['pay', 'readyForPickup'] : ['pay'];
}

/**
 * The order of a points-mall redemption, in the order module's shape so it
 * lists with the member's other orders. Points only: already paid (coupon
 * items COMPLETED); points + cash: PENDING_PAYMENT for `cashPrice`. It holds
 * no catalog stock (`stockReleased: true`): the mall item's own stock is
 * given back by the promotion hooks.
 */
export function mallOrderDoc(input: MallOrderInput): OrderDoc {
  const { item, now } = input;
  const pointsOnly = item.cashPrice === 0;
  const created = { event: 'create' as const, from: null, to: 'PENDING_PAYMENT' as const, at: now, by: 'customer' as const };
  const step = pointsOnly
    ? planTransition('PENDING_PAYMENT', pointsOnlyEvents(item, input.fulfillment), now, 'customer')
    : { status: 'PENDING_PAYMENT' as const, history: [] };
  const line: OrderItem = {
    skuId: item.skuId ?? `mall:${item._id}`,
    productId: input.product?.productId ?? `mall:${item._id}`,
    productName: item.title,
    skuName: item.kind === 'coupon' ? '优惠券' : (input.product?.skuName ?? '积分兑换'),
    image: item.image,
    unitPrice: item.cashPrice,
    quantity: 1,
    lineTotal: item.cashPrice,
  };
  return {
    openid: input.openid,
    status: step.status,
    items: [line],
    fulfillment: input.fulfillment,
    amounts: { itemsTotal: item.cashPrice, discount: 0, shippingFee: 0, payable: item.cashPrice },
    memberDiscountBps: 0,
    requestId: input.requestId,
    requestKey: input.requestKey,
    remark: input.remark,
    createdAt: now,
    updatedAt: now,
    expiresAt: pointsOnly ? now : input.payDeadline,
    stockReleased: true,
    paidAt: pointsOnly ? now : null,
    payment: null,
    latePayment: null,
    shippedAt: null,
    trackingNo: null,
    completedAt: step.status === 'COMPLETED' ? now : null,
    cancelledAt: null,
    cancelReason: null,
    refundNo: null,
    refundRequestedAt: null,
    refundedAt: null,
    history: [created, ...step.history],
    coupon: null,
    source: 'mall',
    mall: { itemId: item._id, kind: item.kind, pointsPrice: item.pointsPrice, cashPrice: item.cashPrice, couponId: input.couponId },
  };
}
