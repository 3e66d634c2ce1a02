import type { HandoutOrderView, HandoutView, LeaderVerifyResult } from '../../../core/contracts/community';
import { communityErrors } from '../../../core/community/errors';
import type { LeaderDoc } from '../../../core/community/types';
import { chinaDay } from '../../../core/points/china-day';
import { isPickupCode, normalisePickupCode } from '../../../core/pickup/code';
import { displayOrderNo } from '../../../core/order/order-no';
import { ORDER_STATUS_LABELS, type OrderStatus } from '../../../core/order/status';
import type { Order, OrderDoc } from '../../../core/order/types';
import type { WithId } from '../../db';
import { loadByIds } from '../catalog/records';
import { MemberCollections, type MemberDoc } from '../member/records';
import { loadOrder } from '../order/access';
import { changeOrder } from '../order/change';
import { changes, handOverDecision } from '../order/hand-over';
import type { ServiceDeps } from '../order/deps';
import { orderIdOfPickupCode } from '../order/pickup-code';
import { OrderCollections } from '../order/records';
import { refuse } from '../order/transact';
import { leaderIdOf, loadLeader, maskName } from './records';

/** Paid orders a leader may have to hand out (or has): unpaid, cancelled and refunded ones are not on the list. */
const ON_LIST: OrderStatus[] = ['READY_FOR_PICKUP', 'COMPLETED', 'REFUND_REQUESTED'];
const HANDOUT_LIMIT = 500;

/** The caller's leader record, approved (or suspended: orders already at the point are still handed out). */
export async function requireLeader(deps: ServiceDeps, openid: string): Promise<WithId<LeaderDoc>> {
  const leader = await loadLeader(deps.db, leaderIdOf(openid));
  if (!leader) throw communityErrors.notALeader();
  if (leader.status !== 'APPROVED' && leader.status !== 'SUSPENDED') throw communityErrors.leaderNotApproved(leader.status);
  return leader;
}

function handoutOrderView(order: Order, nickname: string | null | undefined): HandoutOrderView {
  const pickedUp = order.history.find((entry) => entry.event === 'pickUp');
  return {
    orderId: order._id,
    orderNo: displayOrderNo(order),
    status: order.status,
    statusLabel: order.status === 'COMPLETED' ? '已取货' : ORDER_STATUS_LABELS[order.status],
    customer: maskName(nickname),
    items: order.items.map((item) => ({ name: item.productName, skuName: item.skuName, quantity: item.quantity })),
    payable: order.amounts.payable,
    pickedUpAt: pickedUp?.at ?? null,
  };
}

/**
 * The leader's hand-out list for a pickup day (default: today in Shanghai):
 * their paid community orders for that day, still to hand out first. The
 * 取货码 is not on it: the customer shows it.
 */
export async function handoutList(deps: ServiceDeps, openid: string, pickupDate?: string): Promise<HandoutView> {
  const leader = await requireLeader(deps, openid);
  const day = pickupDate ?? chinaDay(deps.now());
  const _ = deps.db.command;
  const { data } = await deps.db
    .collection<OrderDoc>(OrderCollections.orders)
    .where({ 'community.leaderId': leader._id, 'community.pickupDate': day, status: _.in(ON_LIST) })
    .orderBy('createdAt', 'asc')
    .limit(HANDOUT_LIMIT)
    .get();
  const members = await loadByIds<MemberDoc>(deps.db, MemberCollections.members, data.map((o) => o.openid));
  const orders = data
    .map((order) => handoutOrderView(order, members.get(order.openid)?.nickname))
    .sort((a, b) => Number(a.status === 'COMPLETED') - Number(b.status === 'COMPLETED'));
  return {
    pickupDate: day,
    point: { name: leader.point.name, address: leader.point.address },
    orders,
    toHandOut: orders.filter((o) => o.status === 'READY_FOR_PICKUP').length,
    handedOut: orders.filter((o) => o.status === 'COMPLETED').length,
  };
}

/**
 * The leader hands an order over on the customer's 取货码: READY_FOR_PICKUP →
 * COMPLETED (`pickUp`) with the code released, in one transaction, only for
 * an order at this leader's point (COMMUNITY_NOT_YOUR_ORDER otherwise, naming
 * nothing of it). A repeat answers the completed order with verifiedNow false.
 */
export async function verifyHandout(deps: ServiceDeps, openid: string, rawCode: string): Promise<LeaderVerifyResult> {
  const leader = await requireLeader(deps, openid);
  const code = normalisePickupCode(rawCode.trim());
  if (!isPickupCode(code)) throw communityErrors.pickupCodeNotFound();
  const orderId = await orderIdOfPickupCode(deps.db, code);
  const found = orderId ? await loadOrder(deps.db, orderId) : null;
  // A code given again to a newer order no longer names the old one.
  if (!found || found.fulfillment.type !== 'pickup' || found.fulfillment.pickupCode !== code) throw communityErrors.pickupCodeNotFound();
  if (found.community?.leaderId !== leader._id) throw communityErrors.notYourOrder();

  const now = deps.now();
  let verifiedNow = false;
  const order = await changeOrder(deps, found._id, null, (current) => {
    verifiedNow = false; // the callback may run again
    if (current.community?.leaderId !== leader._id) return refuse(communityErrors.notYourOrder());
    // Handing out completes the order exactly as a store's pickup does (order/hand-over).
    const decision = handOverDecision(deps, current, now, () => communityErrors.pickupStateInvalid(ORDER_STATUS_LABELS[current.status]));
    verifiedNow = changes(decision);
    return decision;
  });
  const members = await loadByIds<MemberDoc>(deps.db, MemberCollections.members, [order.openid]);
  if (verifiedNow) deps.log.info('community order handed out', { orderId: order._id, leaderId: leader._id });
  return { order: handoutOrderView(order, members.get(order.openid)?.nickname), verifiedNow };
}
