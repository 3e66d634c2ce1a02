import type { GroupState } from '../../../core/contracts/groupbuy';
import { groupBuyInfoOf } from '../../../core/groupbuy/order';
import { isGroupSucceeded, nextSeatState } from '../../../core/groupbuy/state';
import type { GroupDoc, GroupNoticeKind } from '../../../core/groupbuy/types';
import { dueRefund, refundNoFor, type RefundDoc, type RefundReason } from '../../../core/order/refund';
import type { Order, OrderDoc } from '../../../core/order/types';
import type { Transaction } from '../../db';
import { step } from '../order/change';
import type { ServiceDeps } from '../order/deps';
import { OrderCollections, replaceFields } from '../order/records';
import { Refusal } from '../order/transact';
import { groupRef, memberCountRef, seatRef } from './records';

/**
 * Steps of a group's changes inside one transaction (single-document
 * operations only). Each seat step is guarded by the seat's state, read in
 * the same transaction, so it happens once however often it is attempted.
 */

/** Replaces the stored group with `group` (read earlier in the same transaction). */
export async function writeGroupInTx(tx: Transaction, groupId: string, group: GroupDoc & { _id?: string }): Promise<void> {
  const { _id: _ignored, ...doc } = group;
  await groupRef(tx, groupId).set(doc);
}

/** Adds what members should be told (the notifications issue sends it). */
export function withNotice(group: GroupDoc, kind: GroupNoticeKind, now: number): GroupDoc {
  const audience = group.members.filter((m) => m.paid).map((m) => m.openid);
  return { ...group, notices: [...group.notices, { kind, state: group.state, at: now, audience }] };
}

/** Seat RESERVED → RELEASED, the member's count back. Answers the group without that member, or null when the seat was not RESERVED. */
export async function releaseSeatInTx(tx: Transaction, deps: ServiceDeps, group: GroupDoc, orderId: string, now: number): Promise<GroupDoc | null> {
  const ref = seatRef(tx, orderId);
  const seat = (await ref.get()).data;
  if (!seat || !nextSeatState(seat.state, 'release')) return null;
  await ref.update({ state: 'RELEASED', releasedAt: now, updatedAt: now });
  await memberCountRef(tx, seat.activityId, seat.openid).update({ seats: deps.db.command.inc(-1), updatedAt: now });
  return { ...group, reserved: group.reserved - 1, members: group.members.filter((m) => m.orderId !== orderId), updatedAt: now };
}

/** Seat PAID → REFUNDED, the member's count back. Answers whether it changed. */
export async function refundSeatInTx(tx: Transaction, deps: ServiceDeps, orderId: string, now: number): Promise<boolean> {
  const ref = seatRef(tx, orderId);
  const seat = (await ref.get()).data;
  if (!seat || !nextSeatState(seat.state, 'refund')) return false;
  await ref.update({ state: 'REFUNDED', refundedAt: now, updatedAt: now });
  await memberCountRef(tx, seat.activityId, seat.openid).update({ seats: deps.db.command.inc(-1), updatedAt: now });
  return true;
}

/**
 * A paid group-buy order is owed its money back: REFUNDING, with the refund
 * recorded as due (the order sweep's `processRefunds` performs it, then the
 * order ends REFUNDED). One refund per order ever: an order that already has
 * one (a customer's request, an earlier run) is left alone. Answers whether
 * this call recorded it.
 */
export async function refundGroupOrderInTx(
  tx: Transaction,
  deps: ServiceDeps,
  order: Order,
  reason: RefundReason,
  groupState: GroupState,
  now: number,
): Promise<boolean> {
  const refundNo = refundNoFor(order._id);
  const refundRef = tx.collection<RefundDoc>(OrderCollections.refunds).doc(refundNo);
  if ((await refundRef.get()).data) return false;
  const next = step(order, ['systemRefund'], now, 'system');
  if (next instanceof Refusal) {
    // Completed (handed over) before its group closed: an operator settles it.
    deps.log.error('group-buy order cannot be refunded automatically', { orderId: order._id, status: order.status, reason });
    return false;
  }
  const info = groupBuyInfoOf(order);
  await refundRef.set(
    dueRefund({
      orderId: order._id,
      openid: order.openid,
      amount: order.payment?.amount ?? order.amounts.payable,
      reason,
      releaseStock: order.status !== 'SHIPPED' && !order.stockReleased,
      now,
    }),
  );
  const patch = { ...next, refundNo, refundRequestedAt: now, ...(info ? { groupBuy: { ...info, state: groupState } } : {}) };
  await tx.collection<OrderDoc>(OrderCollections.orders).doc(order._id).update(replaceFields(deps.db.command, patch));
  deps.log.info('group-buy refund due', { orderId: order._id, reason, amount: order.payment?.amount ?? order.amounts.payable });
  return true;
}

/** Tells the paid members' orders their group's state (fulfilment waits for a success). */
export async function markOrdersInTx(tx: Transaction, orderIds: readonly string[], state: GroupState, now: number): Promise<void> {
  const orders = tx.collection<OrderDoc>(OrderCollections.orders);
  for (const orderId of orderIds) {
    const patch: Record<string, unknown> = { 'groupBuy.state': state, updatedAt: now };
    // A paid pickup order waits for its group; once the group succeeds it is ready for pickup.
    if (isGroupSucceeded(state)) {
      const order = (await orders.doc(orderId).get()).data as Order | null;
      if (order?.status === 'PAID' && order.fulfillment.type === 'pickup') {
        const next = step(order, ['readyForPickup'], now, 'system');
        if (!(next instanceof Refusal)) Object.assign(patch, next);
      }
    }
    await orders.doc(orderId).update(patch);
  }
}
