import type { GroupState } from '../../../core/contracts/groupbuy';
import { formatFen } from '../../../core/money';
import { chinaTime, outboxId } from '../../../core/notify/rules';
import { pageFor } from '../../../core/notify/templates';
import { displayOrderNo } from '../../../core/order/order-no';
import type { Order } from '../../../core/order/types';
import type { OutboxEntry } from './records';

/** The outbox entries a cause produces (pure: built from what the cause already read). */

function goodsOf(order: Order): string {
  const first = order.items[0]?.productName ?? '商品';
  return order.items.length > 1 ? `${first}等${order.items.length}件` : first;
}

const yuan = (fen: number): string => `${formatFen(fen)}元`;

export function orderPaidMessage(order: Order, now: number): OutboxEntry {
  return {
    id: outboxId.paid(order._id),
    openid: order.openid,
    template: 'orderPaid',
    data: { goods: goodsOf(order), amount: yuan(order.payment?.amount ?? order.amounts.payable), orderNo: displayOrderNo(order), time: chinaTime(now) },
    page: pageFor('orderPaid', order._id),
  };
}

export function orderShippedMessage(order: Order, trackingNo: string | null, now: number): OutboxEntry {
  return {
    id: outboxId.shipped(order._id),
    openid: order.openid,
    template: 'orderShipped',
    data: { goods: goodsOf(order), trackingNo: trackingNo || '无', orderNo: displayOrderNo(order), time: chinaTime(now) },
    page: pageFor('orderShipped', order._id),
  };
}

export function orderReadyMessage(order: Order, now: number): OutboxEntry {
  const store = order.fulfillment.type === 'pickup' ? order.fulfillment.storeName : '';
  return {
    id: outboxId.ready(order._id),
    openid: order.openid,
    template: 'orderReady',
    data: { goods: goodsOf(order), store, orderNo: displayOrderNo(order), time: chinaTime(now) },
    page: pageFor('orderReady', order._id),
  };
}

export function refundDoneMessage(order: Order, now: number): OutboxEntry {
  return {
    id: outboxId.refunded(order._id),
    openid: order.openid,
    template: 'refundDone',
    data: { goods: goodsOf(order), amount: yuan(order.payment?.amount ?? order.amounts.payable), orderNo: displayOrderNo(order), time: chinaTime(now) },
    page: pageFor('refundDone', order._id),
  };
}

export function groupResultMessage(groupId: string, openid: string, state: GroupState, now: number): OutboxEntry {
  const failed = state === 'FAILED';
  return {
    id: outboxId.group(groupId, openid, state),
    openid,
    template: 'groupResult',
    data: { result: failed ? '拼团失败' : '拼团成功', note: failed ? '款项将原路退回' : '我们将尽快为您发货', time: chinaTime(now) },
    page: pageFor('groupResult', groupId),
  };
}
