import type { RefundRequestPage, RefundRequestRow } from '../../../core/contracts/order-refund';
import { autoApproveAt, paidFen } from '../../../core/order/refund-request';
import { ORDER_STATUS_LABELS } from '../../../core/order/status';
import type { Order, OrderDoc } from '../../../core/order/types';
import type { ServiceDeps } from './deps';
import { membersOf } from './ops-rows';
import { OrderCollections } from './records';
import { refundAutoApproveHours } from './settings';

export interface ListRefundRequestsInput {
  tab: 'pending' | 'decided';
  page: number;
  pageSize: number;
}

/**
 * The operator's refund list: 待处理 = orders in REFUND_REQUESTED, oldest
 * request first (index status + refundRequest.requestedAt); 已处理 = requests
 * approved or rejected, newest decision first (index refundRequest.state +
 * refundRequest.decidedAt).
 */
export async function listRefundRequests(deps: ServiceDeps, input: ListRefundRequestsInput): Promise<RefundRequestPage> {
  const _ = deps.db.command;
  const orders = deps.db.collection<OrderDoc>(OrderCollections.orders);
  const query =
    input.tab === 'pending'
      ? orders.where({ status: 'REFUND_REQUESTED' }).orderBy('refundRequest.requestedAt', 'asc')
      : orders.where({ 'refundRequest.state': _.in(['APPROVED', 'REJECTED']) }).orderBy('refundRequest.decidedAt', 'desc');
  const { data } = await query
    .skip(input.page * input.pageSize)
    .limit(input.pageSize + 1)
    .get();
  const page = data.slice(0, input.pageSize) as Order[];
  const hours = await refundAutoApproveHours(deps);
  const members = await membersOf(deps.db, page.map((order) => order.openid));
  const items = page
    .filter((order) => order.refundRequest)
    .map((order) => refundRequestRowOf(order, members.get(order.openid)?.nickname ?? '', hours));
  return { items, page: input.page, pageSize: input.pageSize, hasMore: data.length > input.pageSize, autoApproveHours: hours };
}

/** The order's latest request as the review list (and the operator's order detail) shows it. */
export function refundRequestRowOf(order: Order, nickname: string, hours: number): RefundRequestRow {
  const request = order.refundRequest!;
  const lines = request.lines
    ? request.lines.map((line) => {
        const item = order.items.find((i) => i.skuId === line.skuId);
        return `${item?.productName ?? '商品'}${item?.skuName ? `（${item.skuName}）` : ''}×${line.quantity}`;
      })
    : order.items.map((item) => `${item.productName}${item.skuName ? `（${item.skuName}）` : ''}×${item.quantity}`);
  const pending = request.state === 'PENDING' && order.status === 'REFUND_REQUESTED';
  return {
    orderId: order._id,
    attempt: request.attempt,
    state: request.state,
    orderStatus: order.status,
    orderStatusLabel: ORDER_STATUS_LABELS[order.status] ?? order.status,
    amount: request.amount,
    paid: paidFen(order),
    full: request.full,
    linesSummary: lines.join('；'),
    reason: request.reason,
    customerName: nickname || (order.fulfillment.type === 'delivery' ? order.fulfillment.address.name : '') || '顾客',
    requestedAt: request.requestedAt,
    autoApproveAt: pending ? autoApproveAt(request, hours) : null,
    decidedAt: request.decidedAt,
    decidedBy: request.decidedBy === 'operator' || request.decidedBy === 'system' ? request.decidedBy : null,
    decisionNote: request.decisionNote,
  };
}
