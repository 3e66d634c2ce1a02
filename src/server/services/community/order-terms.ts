import { activityClosedReason, activityUnitPrice } from '../../../core/community/activity';
import { communityErrors } from '../../../core/community/errors';
import { leaderTakesOrders } from '../../../core/community/leader';
import type { CommunityActivityDoc, CommunityPrefDoc, LeaderDoc, OrderCommunityInfo } from '../../../core/community/types';
import type { Fen } from '../../../core/money';
import type { OrderFulfillment } from '../../../core/order/types';
import type { Transaction } from '../../db';
import type { ServiceDeps } from '../order/deps';
import { refuse, Refusal } from '../order/transact';
import { CommunityCollections, loadActivity, loadLeader } from './records';

/** What a community order asks for (`CreateOrderRequest.community`): the activity and the leader whose point it is picked up at. */
export interface CommunityOrderRequest {
  activityId: string;
  leaderId: string;
}

/**
 * A community order is a pickup order whose "store" is the leader: its
 * fulfilment names the leader's id and point, so it gets a 取货码 as every
 * pickup does, payment moves it to READY_FOR_PICKUP, and no store's staff
 * can verify it (their stores are never a leader's id).
 */
export interface CommunityOrderPlan {
  request: CommunityOrderRequest;
  fulfillment: OrderFulfillment;
}

/** In the transaction: the order's `community` and each SKU's price in the activity. */
export interface CommunityOrderTerms {
  info: OrderCommunityInfo;
  priceOf: (skuId: string, skuPrice: Fen) => Fen;
}

/**
 * Before the order's transaction (refusing early, without writing): the
 * activity exists and takes orders, every SKU is in it, and the leader is
 * approved. The same checks are made again inside the transaction.
 */
export async function prepareCommunityOrder(deps: ServiceDeps, request: CommunityOrderRequest, skuIds: readonly string[]): Promise<CommunityOrderPlan> {
  const [activity, leader] = await Promise.all([loadActivity(deps.db, request.activityId), loadLeader(deps.db, request.leaderId)]);
  const checked = checkTerms(request, activity, leader, skuIds, deps.now());
  if (checked instanceof Refusal) throw checked.error;
  return { request, fulfillment: { type: 'pickup', storeId: request.leaderId, storeName: leader!.point.name } };
}

/**
 * Inside the order's transaction: the activity document is read again and
 * the cut-off checked against the transaction's clock, so no order commits
 * after the cut-off however it races it (COMMUNITY_ACTIVITY_CLOSED); the
 * leader must still be approved. Remembers the customer's point for next time.
 */
export async function communityTermsInTx(
  tx: Transaction,
  plan: CommunityOrderPlan,
  openid: string,
  skuIds: readonly string[],
  now: number,
): Promise<CommunityOrderTerms | Refusal> {
  const activity = (await tx.collection<CommunityActivityDoc>(CommunityCollections.activities).doc(plan.request.activityId).get()).data;
  const leader = (await tx.collection<LeaderDoc>(CommunityCollections.leaders).doc(plan.request.leaderId).get()).data;
  const checked = checkTerms(plan.request, activity, leader, skuIds, now);
  if (checked instanceof Refusal) return checked;
  const { activity: a, leader: l } = checked;
  await tx.collection<CommunityPrefDoc>(CommunityCollections.prefs).doc(openid).set({ lastLeaderId: plan.request.leaderId, updatedAt: now });
  return {
    info: {
      activityId: plan.request.activityId,
      leaderId: plan.request.leaderId,
      pointName: l.point.name,
      pointAddress: l.point.address,
      pickupDate: a.pickupDate,
      commissionBps: a.commissionBps,
    },
    priceOf: (skuId, skuPrice) => activityUnitPrice(a.items, skuId, skuPrice) ?? skuPrice,
  };
}

function checkTerms(
  request: CommunityOrderRequest,
  activity: CommunityActivityDoc | null,
  leader: LeaderDoc | null,
  skuIds: readonly string[],
  now: number,
): { activity: CommunityActivityDoc; leader: LeaderDoc } | Refusal {
  if (!activity) return refuse(communityErrors.activityNotFound(request.activityId));
  const closed = activityClosedReason(activity, now);
  if (closed) return refuse(communityErrors.activityClosed(request.activityId, closed));
  const outside = skuIds.find((skuId) => !activity.items.some((item) => item.skuId === skuId));
  if (outside) return refuse(communityErrors.skuNotInActivity(outside));
  if (!leader) return refuse(communityErrors.leaderNotFound());
  if (!leaderTakesOrders(leader.status)) return refuse(communityErrors.leaderNotApproved(leader.status));
  return { activity, leader };
}

