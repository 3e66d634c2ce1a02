import type { AdminActivityView, CommunityActivityCard, CommunityActivityView } from '../../../core/contracts/community';
import { activityClosedReason, pickupDateOf } from '../../../core/community/activity';
import { communityErrors } from '../../../core/community/errors';
import type { ActivityItem, CommunityActivityDoc } from '../../../core/community/types';
import type { Db, WithId } from '../../db';
import { newId } from '../../kit/ids';
import { inputFingerprint, reusedKeyError } from '../../kit/input-fingerprint';
import { CatalogCollections, loadByIds, ON_SALE, type ProductDoc, type SkuDoc } from '../catalog/records';
import type { ServiceDeps } from '../order/deps';
import { refuse, transact } from '../order/transact';
import { CommunityCollections, derivedId, loadActivity } from './records';

export interface SaveActivityRequest {
  activityId?: string;
  requestId?: string;
  title: string;
  description: string;
  items: Array<{ skuId: string; price: number | null }>;
  startAt: number;
  cutoffAt: number;
  commissionBps: number;
  status: 'OPEN' | 'CLOSED';
}

const SAVE_SCOPE = 'community.saveActivity';

/**
 * An operator creates or edits a community activity: catalog SKUs (each on
 * sale, an activity price below the SKU's price when given), the cut-off, the
 * leaders' commission rate. The pickup date is the day after the cut-off.
 * Creating with a requestId is idempotent (the id is derived from it). Orders
 * already placed keep the prices and rate they were placed at.
 */
export async function saveActivity(deps: ServiceDeps, operator: string, input: SaveActivityRequest): Promise<AdminActivityView> {
  const now = deps.now();
  const items = await activityItemsOf(deps.db, input.items);
  const activityId = input.activityId ?? (input.requestId ? derivedId('ca', operator, input.requestId) : newId('ca', now));
  const fingerprint = input.activityId ? null : inputFingerprint(SAVE_SCOPE, operator, input);
  const fields = {
    title: input.title,
    description: input.description,
    items,
    startAt: input.startAt,
    cutoffAt: input.cutoffAt,
    pickupDate: pickupDateOf(input.cutoffAt),
    commissionBps: input.commissionBps,
    status: input.status,
    updatedAt: now,
  };
  await transact(deps.db, async (tx) => {
    const ref = tx.collection<CommunityActivityDoc & { inputHash?: string | null }>(CommunityCollections.activities).doc(activityId);
    const current = (await ref.get()).data;
    if (input.activityId) {
      if (!current) return refuse(communityErrors.activityNotFound(activityId));
      await ref.update(fields);
      return null;
    }
    if (current) {
      const reused = reusedKeyError(current.inputHash, fingerprint ?? '');
      return reused ? refuse(reused) : null;
    }
    await ref.set({ ...fields, createdBy: operator, createdAt: now, requestId: input.requestId ?? null, inputHash: fingerprint });
    return null;
  });
  const saved = await loadActivity(deps.db, activityId);
  if (!saved) throw new Error(`activity ${activityId} vanished after saving`);
  return adminActivityView(saved, await skuPrices(deps.db, saved.items), now);
}

async function activityItemsOf(db: Db, requested: SaveActivityRequest['items']): Promise<ActivityItem[]> {
  const skus = await loadByIds<SkuDoc>(db, CatalogCollections.skus, requested.map((i) => i.skuId));
  const products = await loadByIds<ProductDoc>(db, CatalogCollections.products, [...skus.values()].map((s) => s.productId));
  return requested.map(({ skuId, price }) => {
    const sku = skus.get(skuId);
    const product = sku ? products.get(sku.productId) : undefined;
    if (!sku || sku.offSale || !product || product.status !== ON_SALE) {
      throw communityErrors.activityInvalid('所选商品不存在或已下架', { skuId });
    }
    if (price !== null && price > sku.price) {
      throw communityErrors.activityInvalid(`「${product.name}」的团购价不能高于售价`, { skuId, price, skuPrice: sku.price });
    }
    return { skuId, productId: product._id, productName: product.name, skuName: sku.name, image: product.images?.[0] ?? null, price };
  });
}

async function skuPrices(db: Db, items: readonly ActivityItem[]): Promise<Map<string, WithId<SkuDoc>>> {
  return loadByIds<SkuDoc>(db, CatalogCollections.skus, items.map((i) => i.skuId));
}

export function adminActivityView(activity: WithId<CommunityActivityDoc>, skus: Map<string, WithId<SkuDoc>>, now: number): AdminActivityView {
  return {
    activityId: activity._id,
    title: activity.title,
    description: activity.description,
    items: activity.items.map((item) => ({
      skuId: item.skuId,
      productName: item.productName,
      skuName: item.skuName,
      price: item.price,
      skuPrice: skus.get(item.skuId)?.price ?? 0,
    })),
    startAt: activity.startAt,
    cutoffAt: activity.cutoffAt,
    pickupDate: activity.pickupDate,
    commissionBps: activity.commissionBps,
    status: activity.status,
    closedReason: activityClosedReason(activity, now),
  };
}

/** The operators' list: newest cut-off first (100). */
export async function adminActivities(deps: ServiceDeps): Promise<AdminActivityView[]> {
  const { data } = await deps.db.collection<CommunityActivityDoc>(CommunityCollections.activities).orderBy('cutoffAt', 'desc').limit(100).get();
  const skus = await skuPrices(deps.db, data.flatMap((a) => a.items));
  const now = deps.now();
  return data.map((activity) => adminActivityView(activity, skus, now));
}

export async function adminActivity(deps: ServiceDeps, activityId: string): Promise<AdminActivityView> {
  const activity = await loadActivity(deps.db, activityId);
  if (!activity) throw communityErrors.activityNotFound(activityId);
  return adminActivityView(activity, await skuPrices(deps.db, activity.items), deps.now());
}

/** Customers' list: activities taking orders now, soonest cut-off first, then those starting later (each read once: cut-off still ahead). */
export async function openActivities(deps: ServiceDeps): Promise<CommunityActivityCard[]> {
  const now = deps.now();
  const _ = deps.db.command;
  const { data } = await deps.db
    .collection<CommunityActivityDoc>(CommunityCollections.activities)
    .where({ status: 'OPEN', cutoffAt: _.gt(now) })
    .orderBy('cutoffAt', 'asc')
    .limit(50)
    .get();
  const skus = await skuPrices(deps.db, data.flatMap((a) => a.items));
  return data.map((activity) => {
    const prices = activity.items.map((item) => item.price ?? skus.get(item.skuId)?.price ?? 0);
    return {
      activityId: activity._id,
      title: activity.title,
      cutoffAt: activity.cutoffAt,
      pickupDate: activity.pickupDate,
      closedReason: activityClosedReason(activity, now),
      images: activity.items.map((i) => i.image).filter((image): image is string => !!image).slice(0, 3),
      fromPrice: prices.length ? Math.min(...prices) : 0,
      itemCount: activity.items.length,
    };
  });
}

/** One activity as the customer sees it: items with their price now, list price and stock. */
export async function activityForCustomer(deps: ServiceDeps, activityId: string): Promise<CommunityActivityView> {
  const activity = await loadActivity(deps.db, activityId);
  if (!activity) throw communityErrors.activityNotFound(activityId);
  const skus = await skuPrices(deps.db, activity.items);
  return {
    activityId: activity._id,
    title: activity.title,
    description: activity.description,
    startAt: activity.startAt,
    cutoffAt: activity.cutoffAt,
    pickupDate: activity.pickupDate,
    closedReason: activityClosedReason(activity, deps.now()),
    items: activity.items
      .filter((item) => skus.has(item.skuId))
      .map((item) => {
        const sku = skus.get(item.skuId)!;
        return {
          skuId: item.skuId,
          productId: item.productId,
          productName: item.productName,
          skuName: item.skuName,
          image: item.image,
          price: item.price ?? sku.price,
          listPrice: sku.price,
          stock: Math.max(0, sku.stock),
        };
      }),
  };
}
