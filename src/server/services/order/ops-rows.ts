import type { OpsOrderRow } from '../../../core/contracts/order-ops';
import type { Fen } from '../../../core/money';
import { orderPoints } from '../../../core/mall/order-display';
import { ORDER_KIND_LABELS, orderKindOf } from '../../../core/order/kind';
import { displayOrderNo } from '../../../core/order/order-no';
import { ORDER_STATUS_LABELS } from '../../../core/order/status';
import type { Order } from '../../../core/order/types';
import type { Db } from '../../db';
import { MemberCollections, type MemberDoc } from '../member/records';
import { maskPhone } from '../member/views';

/** What an operator sees of orders in a list or an export: one members read for the whole page. */
export async function toOpsRows(db: Db, orders: Order[]): Promise<OpsOrderRow[]> {
  const members = await membersOf(db, orders.map((order) => order.openid));
  return orders.map((order) => toOpsRow(order, members.get(order.openid) ?? null));
}

export async function membersOf(db: Db, openids: string[]): Promise<Map<string, MemberDoc>> {
  const unique = [...new Set(openids)];
  const byOpenid = new Map<string, MemberDoc>();
  if (unique.length === 0) return byOpenid;
  const _ = db.command;
  // `_id` = openid; chunks keep each `in` within CloudBase's page size.
  for (let start = 0; start < unique.length; start += 100) {
    const chunk = unique.slice(start, start + 100);
    const { data } = await db.collection<MemberDoc>(MemberCollections.members).where({ _id: _.in(chunk) }).limit(chunk.length).get();
    for (const member of data) byOpenid.set(member.openid, member);
  }
  return byOpenid;
}

export function toOpsRow(order: Order, member: MemberDoc | null): OpsOrderRow {
  const kind = orderKindOf(order as Order & { liveRoomId?: string });
  const fulfillment = order.fulfillment;
  const phone = fulfillment.type === 'delivery' ? fulfillment.address.phone : (member?.phone ?? null);
  return {
    orderId: order._id,
    orderNo: displayOrderNo(order),
    createdAt: order.createdAt,
    status: order.status,
    statusLabel: ORDER_STATUS_LABELS[order.status] ?? order.status,
    kind,
    kindLabel: ORDER_KIND_LABELS[kind],
    fulfillmentType: fulfillment.type,
    storeName: fulfillment.type === 'pickup' ? fulfillment.storeName : null,
    customerName: member?.nickname || (fulfillment.type === 'delivery' ? fulfillment.address.name : '') || '顾客',
    customerPhone: maskPhone(phone),
    itemsSummary: order.items.map((item) => `${item.productName}${item.skuName ? `（${item.skuName}）` : ''}×${item.quantity}`).join('；'),
    payable: order.amounts.payable,
    points: orderPoints(order),
    refunded: refundedOf(order),
    canShip: canShip(order),
  };
}

/** Approved refunds (`refundedFen`); older orders have only their status to tell. */
export function refundedOf(order: Order): Fen {
  if (typeof order.refundedFen === 'number') return order.refundedFen;
  return order.status === 'REFUNDED' ? (order.payment?.amount ?? order.amounts.payable) : 0;
}

/** A paid delivery order (a group-buy once its group succeeded: order.ship says so otherwise). */
export const canShip = (order: Order): boolean => order.status === 'PAID' && order.fulfillment.type === 'delivery';
