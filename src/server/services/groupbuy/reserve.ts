import { GROUP_BUY_PAYMENT_MINUTES, type SeatReservedView } from '../../../core/contracts/groupbuy';
import type { FulfillmentInput } from '../../../core/contracts/order';
import { groupBuyErrors } from '../../../core/groupbuy/errors';
import { groupBuyInfoOf, groupBuyOrderDoc } from '../../../core/groupbuy/order';
import { leaderPriceOf } from '../../../core/groupbuy/price';
import { activityPhase } from '../../../core/groupbuy/state';
import type { ActivityDoc, GroupDoc, GroupMember, SeatDoc } from '../../../core/groupbuy/types';
import { placeholderNickname } from '../../../core/groupbuy/view';
import type { OrderFulfillment } from '../../../core/order/types';
import type { z } from 'zod';
import type { Transaction } from '../../db';
import { newId } from '../../kit/ids';
import { assertSameInput, inputFingerprint, reusedKeyError } from '../../kit/input-fingerprint';
import { loadOne } from '../catalog/records';
import { loadMember } from '../member/access';
import { loadOrder } from '../order/access';
import type { ServiceDeps } from '../order/deps';
import { resolveFulfillment } from '../order/prepare';
import { IDEMPOTENCY_TTL_MS, idempotencyKey, OrderCollections, type IdempotencyDoc } from '../order/records';
import { withPickupCodeInTx } from '../order/pickup-code';
import { allocateOrderNoInTx } from '../order/order-no';
import { reserveStockInTx } from '../order/stock';
import { Refusal, refuse, transact } from '../order/transact';
import {
  activityRef,
  groupRef,
  JOIN_SCOPE,
  loadActivity,
  loadGroup,
  loadMemberSeats,
  memberCountRef,
  OPEN_SCOPE,
  seatRef,
  type Activity,
} from './records';

const PAYMENT_WINDOW_MS = GROUP_BUY_PAYMENT_MINUTES * 60_000;

export interface SeatRequest {
  requestId: string;
  fulfillment: z.output<typeof FulfillmentInput>;
}

/**
 * `open`: the caller becomes the leader of a new PENDING group. One
 * transaction takes the SKU's unit, the member's count toward the limit, the
 * leader's seat, the group and an unpaid order at the leader price. The group
 * opens (OPEN, deadline set) when that order is paid (see order-hooks).
 */
export async function openGroup(deps: ServiceDeps, openid: string, input: SeatRequest & { activityId: string }): Promise<SeatReservedView> {
  const key = idempotencyKey(OPEN_SCOPE, openid, input.requestId);
  const fingerprint = inputFingerprint(OPEN_SCOPE, openid, input);
  const replayed = await replayOf(deps, key, fingerprint);
  if (replayed) return replayed;

  const activity = await loadActivity(deps, input.activityId);
  if (!activity) throw groupBuyErrors.activityNotFound(input.activityId);
  refuseEarlyForActivity(activity, deps.now());
  await refuseEarlyForLimit(deps, activity, openid);
  const fulfillment = await resolveFulfillment(deps, input.fulfillment);
  const nickname = await nicknameOf(deps, openid);
  const now = deps.now();
  const groupId = newId('gbg', now);
  const orderId = newId('g', now);

  const orderIdCreated = await transact(deps.db, async (tx) => {
    const idempotency = tx.collection<IdempotencyDoc>(OrderCollections.idempotency).doc(key);
    const earlier = (await idempotency.get()).data;
    if (earlier) {
      const reused = reusedKeyError(earlier.inputHash, fingerprint);
      return reused ? refuse(reused) : earlier.resultId;
    }

    const current = (await activityRef(tx, activity._id).get()).data;
    if (!current) return refuse(groupBuyErrors.activityNotFound(activity._id));
    if (activityPhase(current, now) !== 'ACTIVE') return refuse(groupBuyErrors.activityNotActive(activity._id));
    const held = await seatsHeldInTx(tx, current, activity._id, openid);
    if (held instanceof Refusal) return held;
    const stock = await reserveStockInTx(tx, deps.db.command, [{ skuId: current.skuId, quantity: 1 }], { orderId, by: openid, at: now });
    if (stock instanceof Refusal) return stock;

    const leaderPrice = leaderPriceOf(current.groupPrice, current.leaderDiscount);
    const leader: GroupMember = { openid, orderId, leader: true, paid: false, nickname, joinedAt: now, paidAt: null };
    const group: GroupDoc = {
      activityId: activity._id,
      skuId: current.skuId,
      state: 'PENDING',
      size: current.groupSize,
      groupPrice: current.groupPrice,
      leaderPrice,
      timeLimitMinutes: current.timeLimitMinutes,
      virtualCompletion: current.virtualCompletion,
      leaderOpenid: openid,
      leaderNickname: nickname,
      reserved: 1,
      paid: 0,
      virtualMembers: 0,
      members: [leader],
      createdAt: now,
      updatedAt: now,
      openedAt: null,
      expiresAt: null,
      succeededAt: null,
      failedAt: null,
      closedAt: null,
      notices: [],
    };
    await groupRef(tx, groupId).set(group);
    await writeSeatAndOrderInTx(tx, {
      activity: current,
      activityId: activity._id,
      groupId,
      group,
      orderId,
      openid,
      leader: true,
      unitPrice: leaderPrice,
      fulfillment,
      requestId: input.requestId,
      requestKey: key,
      held,
      now,
      payDeadline: now + PAYMENT_WINDOW_MS,
    });
    await idempotency.set(idempotencyRecord(OPEN_SCOPE, openid, input.requestId, orderId, fingerprint, now));
    return orderId;
  });
  return reservedView(deps, orderIdCreated, orderIdCreated === orderId ? 'group opened' : null);
}

/**
 * `join`: one transaction checks and takes a seat (`reserved < size`, not in
 * the group yet, under the member's limit, the activity active, the group OPEN
 * before its deadline), the SKU's unit and writes the seat and an unpaid
 * order whose payment window ends by the group's deadline. The same caller
 * and requestId answer the first seat.
 */
export async function joinGroup(deps: ServiceDeps, openid: string, input: SeatRequest & { groupId: string }): Promise<SeatReservedView> {
  const key = idempotencyKey(JOIN_SCOPE, openid, input.requestId);
  const fingerprint = inputFingerprint(JOIN_SCOPE, openid, input);
  const replayed = await replayOf(deps, key, fingerprint);
  if (replayed) return replayed;

  // The hot path refuses on what it reads before any transaction: full, closed, already in, over the limit.
  const group = await loadGroup(deps, input.groupId);
  if (!group || group.state === 'PENDING') throw groupBuyErrors.groupNotFound(input.groupId);
  const early = groupRefusal(group, openid, deps.now());
  if (early) throw early.error;
  const activity = await loadActivity(deps, group.activityId);
  if (!activity) throw groupBuyErrors.activityNotFound(group.activityId);
  refuseEarlyForActivity(activity, deps.now());
  await refuseEarlyForLimit(deps, activity, openid);
  const fulfillment = await resolveFulfillment(deps, input.fulfillment);
  const nickname = await nicknameOf(deps, openid);
  const now = deps.now();
  const orderId = newId('g', now);

  const orderIdCreated = await transact(deps.db, async (tx) => {
    const idempotency = tx.collection<IdempotencyDoc>(OrderCollections.idempotency).doc(key);
    const earlier = (await idempotency.get()).data;
    if (earlier) {
      const reused = reusedKeyError(earlier.inputHash, fingerprint);
      return reused ? refuse(reused) : earlier.resultId;
    }

    const current = (await groupRef(tx, group._id).get()).data;
    if (!current || current.state === 'PENDING') return refuse(groupBuyErrors.groupNotFound(group._id));
    const closedOrFull = groupRefusal(current, openid, now);
    if (closedOrFull) return closedOrFull;
    const currentActivity = (await activityRef(tx, current.activityId).get()).data;
    if (!currentActivity || activityPhase(currentActivity, now) !== 'ACTIVE') return refuse(groupBuyErrors.activityNotActive(current.activityId));
    const held = await seatsHeldInTx(tx, currentActivity, current.activityId, openid);
    if (held instanceof Refusal) return held;
    const stock = await reserveStockInTx(tx, deps.db.command, [{ skuId: current.skuId, quantity: 1 }], { orderId, by: openid, at: now });
    if (stock instanceof Refusal) return stock;

    const member: GroupMember = { openid, orderId, leader: false, paid: false, nickname, joinedAt: now, paidAt: null };
    await groupRef(tx, group._id).update({
      reserved: current.reserved + 1,
      members: deps.db.command.set([...current.members, member]),
      updatedAt: now,
    });
    await writeSeatAndOrderInTx(tx, {
      activity: currentActivity,
      activityId: current.activityId,
      groupId: group._id,
      group: current,
      orderId,
      openid,
      leader: false,
      unitPrice: current.groupPrice,
      fulfillment,
      requestId: input.requestId,
      requestKey: key,
      held,
      now,
      // Never past the group's deadline: nobody pays for a group that has closed.
      payDeadline: Math.min(now + PAYMENT_WINDOW_MS, current.expiresAt ?? now),
    });
    await idempotency.set(idempotencyRecord(JOIN_SCOPE, openid, input.requestId, orderId, fingerprint, now));
    return orderId;
  });
  return reservedView(deps, orderIdCreated, orderIdCreated === orderId ? 'group joined' : null);
}

/** GROUP_CLOSED, ALREADY_IN_GROUP or GROUP_FULL for an OPEN-or-later group, from what was read. */
function groupRefusal(group: GroupDoc & { _id: string }, openid: string, now: number): Refusal | null {
  if (group.state !== 'OPEN' || group.expiresAt === null || now >= group.expiresAt) {
    return refuse(groupBuyErrors.groupClosed(group._id, group.state));
  }
  if (group.members.some((m) => m.openid === openid)) return refuse(groupBuyErrors.alreadyInGroup(group._id));
  if (group.reserved >= group.size) return refuse(groupBuyErrors.groupFull(group._id));
  return null;
}

function refuseEarlyForActivity(activity: Activity, now: number): void {
  if (activityPhase(activity, now) !== 'ACTIVE') throw groupBuyErrors.activityNotActive(activity._id);
}

async function refuseEarlyForLimit(deps: ServiceDeps, activity: Activity, openid: string): Promise<void> {
  if ((await loadMemberSeats(deps, activity._id, openid)) >= activity.perMemberLimit) {
    throw groupBuyErrors.limitExceeded(activity._id, activity.perMemberLimit);
  }
}

/** The member's seats in the activity, read in the transaction; LIMIT_EXCEEDED at the limit. */
async function seatsHeldInTx(tx: Transaction, activity: ActivityDoc, activityId: string, openid: string): Promise<number | Refusal> {
  const held = (await memberCountRef(tx, activityId, openid).get()).data?.seats ?? 0;
  return held >= activity.perMemberLimit ? refuse(groupBuyErrors.limitExceeded(activityId, activity.perMemberLimit)) : held;
}

interface SeatWrite {
  activity: ActivityDoc;
  activityId: string;
  groupId: string;
  group: GroupDoc;
  orderId: string;
  openid: string;
  leader: boolean;
  unitPrice: number;
  fulfillment: OrderFulfillment;
  requestId: string;
  requestKey: string;
  held: number;
  now: number;
  payDeadline: number;
}

async function writeSeatAndOrderInTx(tx: Transaction, w: SeatWrite): Promise<void> {
  const seat: SeatDoc = {
    activityId: w.activityId,
    groupId: w.groupId,
    openid: w.openid,
    leader: w.leader,
    state: 'RESERVED',
    price: w.unitPrice,
    createdAt: w.now,
    updatedAt: w.now,
    paidAt: null,
    releasedAt: null,
    refundedAt: null,
  };
  await seatRef(tx, w.orderId).set(seat);
  await memberCountRef(tx, w.activityId, w.openid).set({ activityId: w.activityId, openid: w.openid, seats: w.held + 1, updatedAt: w.now });
  const order = groupBuyOrderDoc({
    activity: w.activity,
    activityId: w.activityId,
    groupId: w.groupId,
    groupState: w.group.state,
    leader: w.leader,
    unitPrice: w.unitPrice,
    openid: w.openid,
    fulfillment: await withPickupCodeInTx(tx, w.orderId, w.fulfillment, w.now),
    requestId: w.requestId,
    requestKey: w.requestKey,
    now: w.now,
    payDeadline: w.payDeadline,
  });
  await tx.collection(OrderCollections.orders).doc(w.orderId).set({ ...order, orderNo: await allocateOrderNoInTx(tx, w.now) });
}

function idempotencyRecord(scope: string, openid: string, requestId: string, orderId: string, inputHash: string, now: number): IdempotencyDoc {
  return { scope, openid, requestId, resultId: orderId, inputHash, createdAt: now, expiresAt: now + IDEMPOTENCY_TTL_MS };
}

async function replayOf(deps: ServiceDeps, key: string, fingerprint: string): Promise<SeatReservedView | null> {
  const { data } = await deps.db.collection<IdempotencyDoc>(OrderCollections.idempotency).doc(key).get();
  if (!data[0]) return null;
  assertSameInput(data[0].inputHash, fingerprint);
  return reservedView(deps, data[0].resultId, null);
}

async function reservedView(deps: ServiceDeps, orderId: string, logAs: string | null): Promise<SeatReservedView> {
  const order = await loadOrder(deps.db, orderId);
  const info = order ? groupBuyInfoOf(order) : null;
  if (!order || !info) throw new Error(`group-buy order ${orderId} vanished after creation`);
  if (logAs) deps.log.info(logAs, { groupId: info.groupId, orderId, payable: order.amounts.payable });
  return { groupId: info.groupId, orderId, expiresAt: order.expiresAt };
}

/** The member card's nickname, else the profile's (`users`), else a placeholder. */
async function nicknameOf(deps: ServiceDeps, openid: string): Promise<string> {
  const member = await loadMember(deps.db, openid);
  if (member?.nickname) return member.nickname;
  const user = await loadOne<{ nickname?: string }>(deps.db, 'users', openid);
  return user?.nickname || placeholderNickname(openid);
}

