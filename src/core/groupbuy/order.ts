import { unpaidOrderState } from '../order/unpaid-state';
import type { GroupState } from '../contracts/groupbuy';
import type { Fen } from '../money';
import { priceOrder } from '../pricing';
import type { OrderFulfillment, OrderItem } from '../order/types';
import type { ActivityDoc, GroupBuyOrderDoc } from './types';

export interface GroupBuyOrderInput {
  activity: Pick<ActivityDoc, 'skuId' | 'productId' | 'productName' | 'skuName' | 'image'>;
  activityId: string;
  groupId: string;
  groupState: GroupState;
  leader: boolean;
  /** The group price, or the leader price for the leader. */
  unitPrice: Fen;
  openid: string;
  fulfillment: OrderFulfillment;
  requestId: string;
  requestKey: string;
  now: number;
  /** When the unpaid order is cancelled by the order sweep (which releases the seat). */
  payDeadline: number;
}

/**
 * The order of a group-buy seat, in the order module's shape so it lists,
 * pays, cancels and refunds with the member's other orders: one unit at the
 * group price (no member discount, no coupon; shipping as in the shop), the
 * catalog stock taken in the same transaction (`stockReleased: false`).
 */
export function groupBuyOrderDoc(input: GroupBuyOrderInput): GroupBuyOrderDoc {
  const { activity, now } = input;
  const line: OrderItem = {
    skuId: activity.skuId,
    productId: activity.productId,
    productName: activity.productName,
    skuName: activity.skuName,
    image: activity.image,
    unitPrice: input.unitPrice,
    quantity: 1,
    lineTotal: input.unitPrice,
  };
  return {
    openid: input.openid,
    ...unpaidOrderState(now),
    items: [line],
    fulfillment: input.fulfillment,
    amounts: priceOrder({ lines: [line], fulfillment: input.fulfillment.type, memberDiscountBps: 0 }),
    memberDiscountBps: 0,
    requestId: input.requestId,
    requestKey: input.requestKey,
    remark: '',
    expiresAt: input.payDeadline,
    stockReleased: false,
    coupon: null,
    source: 'groupbuy',
    groupBuy: { activityId: input.activityId, groupId: input.groupId, leader: input.leader, state: input.groupState },
  };
}

/** The group-buy part of an order, when it has one. */
export function groupBuyInfoOf(order: object): GroupBuyOrderDoc['groupBuy'] | null {
  const info = (order as { groupBuy?: GroupBuyOrderDoc['groupBuy'] | null }).groupBuy;
  return info && typeof info.groupId === 'string' ? info : null;
}
