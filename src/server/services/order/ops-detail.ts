import type { OpsOrderDetail, OpsRefundView, OpsTimelineEntry } from '../../../core/contracts/order-ops';
import { orderErrors } from '../../../core/order/errors';
import { orderPoints } from '../../../core/mall/order-display';
import { ORDER_KIND_LABELS, orderKindOf } from '../../../core/order/kind';
import { displayOrderNo } from '../../../core/order/order-no';
import type { RefundDoc } from '../../../core/order/refund';
import { ORDER_STATUS_LABELS } from '../../../core/order/status';
import type { Order, OrderHistoryEntry } from '../../../core/order/types';
import type { ServiceDeps } from './deps';
import { canShip, membersOf, refundedOf } from './ops-rows';
import { OrderCollections } from './records';
import { refundRequestRowOf } from './review-list';
import { refundAutoApproveHours } from './settings';

/**
 * An order as the operator sees it: everything on it, the customer, its
 * refunds, and its history as a timeline. The timeline is the order's own
 * append-only `history` (written with each status change by the state
 * machine), with the creation and the refund records' completion added.
 */
export async function getOpsOrder(deps: ServiceDeps, orderId: string): Promise<OpsOrderDetail> {
  const order = (await deps.db.collection<Order>(OrderCollections.orders).doc(orderId).get()).data[0] as Order | undefined;
  if (!order) throw orderErrors.orderNotFound(orderId);
  const [members, refundDocs] = await Promise.all([
    membersOf(deps.db, [order.openid]),
    deps.db.collection<RefundDoc>(OrderCollections.refunds).where({ orderId }).limit(20).get(),
  ]);
  const member = members.get(order.openid) ?? null;
  const refunds: OpsRefundView[] = refundDocs.data
    .map((refund) => ({
      refundNo: refund._id,
      amount: refund.amount,
      status: refund.status,
      reason: refund.reason,
      createdAt: refund.createdAt,
      doneAt: refund.doneAt,
    }))
    .sort((a, b) => a.createdAt - b.createdAt);
  const kind = orderKindOf(order as Order & { liveRoomId?: string });
  return {
    orderId: order._id,
    orderNo: displayOrderNo(order),
    status: order.status,
    statusLabel: ORDER_STATUS_LABELS[order.status] ?? order.status,
    kind,
    kindLabel: ORDER_KIND_LABELS[kind],
    createdAt: order.createdAt,
    remark: order.remark,
    items: order.items,
    amounts: order.amounts,
    points: orderPoints(order),
    customer: {
      nickname: member?.nickname || (order.fulfillment.type === 'delivery' ? order.fulfillment.address.name : '') || '顾客',
      phone: member?.phone ?? (order.fulfillment.type === 'delivery' ? order.fulfillment.address.phone : null),
    },
    fulfillment: order.fulfillment,
    shipping: { carrier: order.carrier ?? null, trackingNo: order.trackingNo, shippedAt: order.shippedAt },
    payment: order.payment
      ? {
          transactionId: order.payment.transactionId,
          amount: order.payment.amount,
          at: order.payment.at,
          method: order.payment.method ?? 'wechat',
          walletFen: order.payment.method === 'wallet' ? order.payment.amount : (order.payment.walletFen ?? 0),
        }
      : null,
    refunds,
    refunded: refundedOf(order),
    timeline: timelineOf(order, refunds),
    canShip: canShip(order),
    refundPending: order.status === 'REFUND_REQUESTED',
    // The pending request, for 同意 / 拒绝 on the detail page (with its attempt).
    refundRequest:
      order.status === 'REFUND_REQUESTED' && order.refundRequest
        ? refundRequestRowOf(order, member?.nickname ?? '', await refundAutoApproveHours(deps))
        : null,
  };
}

const EVENT_LABELS: Record<string, string> = {
  create: '下单',
  pay: '已支付',
  cancel: '顾客取消',
  timeout: '超时未支付，已取消',
  ship: '已发货',
  readyForPickup: '待自提',
  confirm: '顾客确认收货',
  pickUp: '已自提',
  requestRefund: '申请退款',
  approveRefund: '退款已同意',
  approvePartialRefund: '部分退款已同意',
  rejectRefund: '退款被拒绝',
  withdrawRefund: '顾客撤回退款申请',
  systemRefund: '系统发起退款',
  refund: '已退款',
};

const ACTOR_LABELS: Record<string, string> = { customer: '顾客', system: '系统', operator: '运营', payment: '支付' };

export function timelineOf(order: Order, refunds: OpsRefundView[]): OpsTimelineEntry[] {
  const entries: OpsTimelineEntry[] = [];
  const history: OrderHistoryEntry[] = order.history ?? [];
  if (!history.some((entry) => entry.event === 'create')) entries.push({ event: 'create', label: EVENT_LABELS.create, at: order.createdAt, by: ACTOR_LABELS.customer });
  for (const entry of history) {
    const note = noteOf(order, entry);
    entries.push({ event: entry.event, label: EVENT_LABELS[entry.event] ?? entry.event, at: entry.at, by: ACTOR_LABELS[entry.by] ?? entry.by, ...(note ? { note } : {}) });
  }
  // Refunds that do not end the order (partial ones, late payments) have no status change: their completion is shown from the refund record.
  for (const refund of refunds) {
    if (refund.status === 'DONE' && refund.doneAt !== null && !history.some((entry) => entry.event === 'refund' && entry.at === refund.doneAt)) {
      entries.push({ event: 'refundDone', label: '退款到账', at: refund.doneAt, by: ACTOR_LABELS.system, note: `¥${(refund.amount / 100).toFixed(2)}` });
    }
  }
  return entries.sort((a, b) => a.at - b.at);
}

/** What an entry says besides its label: the parcel of a shipment; the reason of the latest refund request and of its rejection. */
function noteOf(order: Order, entry: OrderHistoryEntry): string | undefined {
  if (entry.event === 'ship') return order.trackingNo ? `${order.carrier ?? ''} ${order.trackingNo}`.trim() : undefined;
  const request = order.refundRequest;
  if (!request) return undefined;
  if (entry.event === 'requestRefund' && entry.at === request.requestedAt) return request.reason || undefined;
  if (entry.event === 'rejectRefund' && entry.at === request.decidedAt) return request.decisionNote ?? undefined;
  return undefined;
}
