import type { OrderView } from '../contracts/order';
import { isRefundableStatus, refundableLines } from './refund-request';
import { refundRequestView } from './refund-view';
import { displayOrderNo } from './order-no';
import { ORDER_STATUS_LABELS } from './status';
import type { Order } from './types';

/** What a customer sees of an order: no openid, request id or internal bookkeeping. */
export function toOrderView(order: Order): OrderView {
  return {
    _id: order._id,
    orderNo: displayOrderNo(order),
    status: order.status,
    statusLabel: ORDER_STATUS_LABELS[order.status],
    items: order.items,
    fulfillment: order.fulfillment,
    amounts: order.amounts,
    remark: order.remark,
    createdAt: order.createdAt,
    expiresAt: order.expiresAt,
    paidAt: order.paidAt,
    shippedAt: order.shippedAt,
    trackingNo: order.trackingNo,
    completedAt: order.completedAt,
    cancelledAt: order.cancelledAt,
    cancelReason: order.cancelReason,
    refundRequestedAt: order.refundRequestedAt,
    refundedAt: order.refundedAt,
    ...(order.refundRequest ? { refundRequest: refundRequestView(order) } : {}),
    ...(order.refundedFen ? { refundedFen: order.refundedFen } : {}),
    ...walletPartOf(order),
    ...(order.walletTopUp ? { topUp: true } : {}),
    ...((order.source ?? 'shop') === 'shop' && isRefundableStatus(order.status)
      ? { refundableLines: [...refundableLines(order)].map(([skuId, quantity]) => ({ skuId, quantity: Math.max(0, quantity) })) }
      : {}),
    coupon: order.coupon ?? null,
    source: order.source ?? 'shop',
    mall: order.mall ?? null,
    ...(order.flashSale ? { flashSale: order.flashSale } : {}),
    ...(order.groupBuy ? { groupBuy: order.groupBuy } : {}),
    ...(order.community
      ? { community: { activityId: order.community.activityId, pointName: order.community.pointName, pointAddress: order.community.pointAddress, pickupDate: order.community.pickupDate } }
      : {}),
  };
}

/** The stored value's part of the payment: a split payment's held or settled part, or all of a wallet payment. */
function walletPartOf(order: Order): { walletFen?: number } {
  if (order.status === 'CANCELLED') return {}; // a cancelled order's hold went back to the wallet
  const fen = order.walletHold?.fen ?? (order.payment?.method === 'wallet' ? order.payment.amount : 0);
  return fen > 0 ? { walletFen: fen } : {};
}
