import { nextOrderStatus, type OrderEvent, type OrderStatus } from './status';
import type { OrderSource } from './types';

/** What an order card in the list offers, the main one last. */
export type OrderCardAction = 'pay' | 'cancel' | 'confirm' | 'refund' | 'reorder';

const BY_EVENT: Array<[OrderCardAction, OrderEvent]> = [
  ['cancel', 'cancel'],
  ['refund', 'requestRefund'],
  ['confirm', 'confirm'],
  ['pay', 'pay'],
];

/** Orders that are over: 再来一单 buys the same again. */
const FINISHED: readonly OrderStatus[] = ['COMPLETED', 'CANCELLED', 'REFUNDED'];

/**
 * The card's buttons as the state machine allows them (an event is offered
 * when the transition table has it from this status): 取消 / 去支付 while
 * unpaid (not 去支付 past the deadline), 申请退款 while refundable (unless
 * refused too often), 确认收货 once shipped, and 再来一单 for a finished
 * shop order (points-mall redemptions are not bought again from here, nor
 * stored-value top-ups: those are made again from 我的储值).
 */
export function orderCardActions(
  order: { status: OrderStatus; source?: OrderSource; expiresAt: number; topUp?: boolean },
  options: { now: number; canRequestRefund?: boolean },
): OrderCardAction[] {
  const actions: OrderCardAction[] = [];
  if (FINISHED.includes(order.status) && (order.source ?? 'shop') !== 'mall' && !order.topUp) actions.push('reorder');
  for (const [action, event] of BY_EVENT) {
    if (nextOrderStatus(order.status, event) === null) continue;
    if (action === 'pay' && options.now >= order.expiresAt) continue;
    if (action === 'refund' && options.canRequestRefund === false) continue;
    actions.push(action);
  }
  return actions;
}

export const ORDER_CARD_ACTION_LABELS: Record<OrderCardAction, string> = {
  pay: '去支付',
  cancel: '取消',
  confirm: '确认收货',
  refund: '申请退款',
  reorder: '再来一单',
};
