import { groupBuyInfoOf } from '../../../core/groupbuy/order';
import { decidePayment } from '../../../core/groupbuy/payment';
import { nextGroupState } from '../../../core/groupbuy/state';
import type { GroupDoc } from '../../../core/groupbuy/types';
import type { Order } from '../../../core/order/types';
import type { Transaction } from '../../db';
import type { ServiceDeps } from '../order/deps';
import type { OrderHooks } from '../order/hooks';
import { enqueueGroupResultInTx } from '../notify/group-hooks';
import { markOrdersInTx, refundGroupOrderInTx, refundSeatInTx, releaseSeatInTx, withNotice, writeGroupInTx } from './group-tx';
import { activityRef, groupRef, seatRef } from './records';

/**
 * A group-buy order's payment fills its seat (opening the group for the
 * leader, succeeding it for the last seat); a payment that can fill nothing
 * is refunded. A cancelled unpaid order frees its seat; a refunded paid one
 * (the customer's own request) leaves its open group. All inside the
 * order change's transaction.
 */
export const groupBuyOrderHooks: OrderHooks = {
  paid: seatPaidInTx,
  cancelled: seatCancelledInTx,
  refunded: seatRefundedInTx,
};

async function seatPaidInTx(tx: Transaction, order: Order, deps: ServiceDeps, now: number): Promise<void> {
  const info = groupBuyInfoOf(order);
  if (!info) return;
  const group = (await groupRef(tx, info.groupId).get()).data;
  const seat = (await seatRef(tx, order._id).get()).data;
  const activity = group ? (await activityRef(tx, group.activityId).get()).data : null;
  if (!group) {
    deps.log.error('group-buy payment for a missing group: refunding', { orderId: order._id, groupId: info.groupId });
    await refundGroupOrderInTx(tx, deps, order, 'GROUP_CLOSED', 'CANCELLED', now);
    return;
  }
  const decision = decidePayment({
    group,
    seat,
    // A deleted activity is treated as stopped.
    activity: activity ?? { startAt: 0, endAt: 0, stoppedAt: now },
    now,
  });

  if (decision.kind === 'refund') {
    let next: GroupDoc | null = await releaseSeatInTx(tx, deps, group, order._id, now);
    if (decision.cancelGroup) next = cancelled(next ?? group, now);
    if (next) await writeGroupInTx(tx, info.groupId, next);
    deps.log.info('group-buy payment refused', { orderId: order._id, groupId: info.groupId, why: decision.why });
    await refundGroupOrderInTx(tx, deps, order, 'GROUP_CLOSED', next?.state ?? group.state, now);
    return;
  }

  await seatRef(tx, order._id).update({ state: 'PAID', paidAt: now, updatedAt: now });
  let next: GroupDoc = {
    ...group,
    paid: group.paid + 1,
    members: group.members.map((m) => (m.orderId === order._id ? { ...m, paid: true, paidAt: now } : m)),
    updatedAt: now,
  };
  if (decision.kind === 'open') {
    next = withNotice({ ...next, state: nextGroupState(group.state, 'leaderPaid')!, openedAt: now, expiresAt: decision.expiresAt }, 'OPENED', now);
  } else if (decision.succeeds) {
    next = withNotice({ ...next, state: nextGroupState(group.state, 'fill')!, succeededAt: now, closedAt: now }, 'SUCCEEDED', now);
  } else {
    next = withNotice(next, 'MEMBER_PAID', now);
  }
  await writeGroupInTx(tx, info.groupId, next);
  await enqueueGroupResultInTx(tx, info.groupId, next, now);
  // Success moves every paid member's order on to fulfilment, in this same transaction.
  const paidOrders = next.members.filter((m) => m.paid).map((m) => m.orderId);
  await markOrdersInTx(tx, next.state === 'SUCCEEDED' ? paidOrders : [order._id], next.state, now);
}

async function seatCancelledInTx(tx: Transaction, order: Order, deps: ServiceDeps, now: number): Promise<void> {
  const info = groupBuyInfoOf(order);
  if (!info) return;
  const group = (await groupRef(tx, info.groupId).get()).data;
  if (!group) return;
  const released = await releaseSeatInTx(tx, deps, group, order._id, now);
  if (!released) return;
  await writeGroupInTx(tx, info.groupId, info.leader && group.state === 'PENDING' ? cancelled(released, now) : released);
}

/** The customer's own refund of a paid seat: the seat is REFUNDED and, while the group is open, frees its place. */
async function seatRefundedInTx(tx: Transaction, order: Order, deps: ServiceDeps, now: number): Promise<void> {
  const info = groupBuyInfoOf(order);
  if (!info) return;
  if (!(await refundSeatInTx(tx, deps, order._id, now))) return;
  const group = (await groupRef(tx, info.groupId).get()).data;
  if (!group || group.state !== 'OPEN') return;
  await writeGroupInTx(tx, info.groupId, {
    ...group,
    reserved: group.reserved - 1,
    paid: group.paid - 1,
    members: group.members.filter((m) => m.orderId !== order._id),
    updatedAt: now,
  });
}

/** The leader never paid, or paid when the group could no longer open: CANCELLED. */
function cancelled(group: GroupDoc, now: number): GroupDoc {
  const state = nextGroupState(group.state, 'abandon');
  return state ? withNotice({ ...group, state, closedAt: now, updatedAt: now }, 'CANCELLED', now) : group;
}
