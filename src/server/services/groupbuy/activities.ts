import type { z } from 'zod';
import type { CreateActivityInput, GroupBuyActivityView, UpdateActivityInput } from '../../../core/contracts/groupbuy';
import { groupBuyErrors } from '../../../core/groupbuy/errors';
import { activityPhase } from '../../../core/groupbuy/state';
import type { ActivityDoc, ActivityTerms, GroupDoc } from '../../../core/groupbuy/types';
import { activityIssues } from '../../../core/groupbuy/validate';
import { orderErrors } from '../../../core/order/errors';
import { newId } from '../../kit/ids';
import { CatalogCollections, loadOne, type SkuDoc } from '../catalog/records';
import { loadSellable } from '../catalog/sellable';
import type { ServiceDeps } from '../order/deps';
import { expireGroups } from './expire';
import { activityViewOf } from './queries';
import { GroupBuyCollections, loadActivity, type Activity } from './records';

/** `createActivity` (operator): SKU_NOT_FOUND / PRODUCT_OFF_SALE, ACTIVITY_INVALID with every issue. */
export async function createActivity(
  deps: ServiceDeps,
  operatorOpenid: string,
  input: z.output<typeof CreateActivityInput>,
): Promise<GroupBuyActivityView> {
  const { sku, product } = (await loadSellable(deps.db, [input.skuId])).get(input.skuId)!;
  const now = deps.now();
  const terms: ActivityTerms = {
    groupPrice: input.groupPrice,
    groupSize: input.groupSize,
    timeLimitMinutes: input.timeLimitMinutes,
    perMemberLimit: input.perMemberLimit,
    leaderDiscount: input.leaderDiscount ?? null,
    virtualCompletion: input.virtualCompletion ?? false,
    startAt: input.startAt,
    endAt: input.endAt,
    title: input.title ?? '',
  };
  assertValid(terms, sku.price, now);
  const activity: ActivityDoc = {
    ...terms,
    skuId: sku._id,
    productId: product._id,
    productName: product.name,
    skuName: sku.name,
    image: product.images?.[0] ?? null,
    stoppedAt: null,
    createdBy: operatorOpenid,
    createdAt: now,
    updatedAt: now,
  };
  const activityId = newId('gba', now);
  await deps.db.collection<ActivityDoc>(GroupBuyCollections.activities).doc(activityId).set(activity);
  deps.log.info('group-buy activity created', { activityId, skuId: sku._id, groupPrice: terms.groupPrice, groupSize: terms.groupSize });
  return activityViewOf(deps, { ...activity, _id: activityId }, true);
}

/** `updateActivity` (operator): the terms given, merged and validated as a whole; ACTIVITY_CLOSED once ended or stopped. */
export async function updateActivity(deps: ServiceDeps, input: z.output<typeof UpdateActivityInput>): Promise<GroupBuyActivityView> {
  const activity = await requireActivity(deps, input.activityId);
  const now = deps.now();
  const phase = activityPhase(activity, now);
  if (phase === 'ENDED' || phase === 'STOPPED') throw groupBuyErrors.activityClosed(activity._id);
  const sku = await loadOne<SkuDoc>(deps.db, CatalogCollections.skus, activity.skuId);
  if (!sku) throw orderErrors.skuNotFound(activity.skuId);
  const { activityId: _id, ...changes } = input;
  const terms: ActivityTerms = {
    groupPrice: changes.groupPrice ?? activity.groupPrice,
    groupSize: changes.groupSize ?? activity.groupSize,
    timeLimitMinutes: changes.timeLimitMinutes ?? activity.timeLimitMinutes,
    perMemberLimit: changes.perMemberLimit ?? activity.perMemberLimit,
    leaderDiscount: changes.leaderDiscount === undefined ? activity.leaderDiscount : changes.leaderDiscount,
    virtualCompletion: changes.virtualCompletion ?? activity.virtualCompletion,
    startAt: changes.startAt ?? activity.startAt,
    endAt: changes.endAt ?? activity.endAt,
    title: changes.title ?? activity.title,
  };
  assertValid(terms, sku.price, now);
  // Only while not stopped: a stop meanwhile wins.
  const { updated } = await deps.db
    .collection<ActivityDoc>(GroupBuyCollections.activities)
    .where({ _id: activity._id, stoppedAt: null })
    .update({ ...terms, leaderDiscount: deps.db.command.set(terms.leaderDiscount), updatedAt: now });
  if (updated !== 1) throw groupBuyErrors.activityClosed(activity._id);
  deps.log.info('group-buy activity updated', { activityId: activity._id, fields: Object.keys(changes) });
  return activityViewOf(deps, { ...activity, ...terms, updatedAt: now }, true);
}

/**
 * `stopActivity` (operator): no group opens or joins from now; groups still
 * open reach their deadline now and are closed at once (failed and refunded,
 * or completed virtually when the activity allows). A repeat changes nothing.
 */
export async function stopActivity(deps: ServiceDeps, activityId: string): Promise<GroupBuyActivityView> {
  const activity = await requireActivity(deps, activityId);
  const now = deps.now();
  const _ = deps.db.command;
  if (activity.stoppedAt === null) {
    if (activityPhase(activity, now) === 'ENDED') return activityViewOf(deps, activity, true);
    await deps.db
      .collection<ActivityDoc>(GroupBuyCollections.activities)
      .where({ _id: activityId, stoppedAt: null })
      .update({ stoppedAt: now, updatedAt: now });
    deps.log.info('group-buy activity stopped', { activityId });
  }
  // Deadlines move to now (the timer closes them even if this call stops half-way); then close them here.
  await deps.db
    .collection<GroupDoc>(GroupBuyCollections.groups)
    .where({ activityId, state: 'OPEN', expiresAt: _.gt(now) })
    .update({ expiresAt: now, updatedAt: now });
  await expireGroups(deps, { activityId });
  return activityViewOf(deps, await requireActivity(deps, activityId), true);
}

async function requireActivity(deps: ServiceDeps, activityId: string): Promise<Activity> {
  const activity = await loadActivity(deps, activityId);
  if (!activity) throw groupBuyErrors.activityNotFound(activityId);
  return activity;
}

function assertValid(terms: ActivityTerms, skuPrice: number, now: number): void {
  const issues = activityIssues(terms, skuPrice, now);
  if (issues.length > 0) throw groupBuyErrors.activityInvalid(issues);
}
