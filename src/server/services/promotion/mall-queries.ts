import type { MallItemDetailView, MallPage } from '../../../core/contracts/mall';
import type { CouponRule, CouponTemplateDoc } from '../../../core/coupon/types';
import { mallErrors } from '../../../core/mall/errors';
import { mallCountId, type MallItem, type MallItemDoc, type MallItemKind, type MallRedemptionCountDoc } from '../../../core/mall/types';
import { toMallItemDetailView, toMallItemView } from '../../../core/mall/view';
import { loadByIds, loadOne } from '../catalog/records';
import type { ServiceDeps } from '../order/deps';
import { PromotionCollections } from './records';

/** Items on sale, by `sort`. */
export async function listMallItems(deps: ServiceDeps, input: { kind?: MallItemKind; page: number; pageSize: number }): Promise<MallPage> {
  const query: Record<string, unknown> = { status: 'ON_SALE' };
  if (input.kind) query.kind = input.kind;
  const { data } = await deps.db
    .collection<MallItemDoc>(PromotionCollections.mallItems)
    .where(query)
    .orderBy('sort', 'asc')
    .skip(input.page * input.pageSize)
    .limit(input.pageSize + 1)
    .get();
  const items = data.slice(0, input.pageSize);
  const rules = await couponRulesOf(deps, items);
  return {
    items: items.map((item) => toMallItemView(item, ruleOf(rules, item))),
    page: input.page,
    pageSize: input.pageSize,
    hasMore: data.length > input.pageSize,
  };
}

/** One item on sale, with how many the caller holds. */
export async function getMallItem(deps: ServiceDeps, openid: string, itemId: string): Promise<MallItemDetailView> {
  const item = await loadMallItem(deps, itemId);
  const rules = await couponRulesOf(deps, [item]);
  const count = await loadOne<MallRedemptionCountDoc>(deps.db, PromotionCollections.redemptionCounts, mallCountId(itemId, openid));
  return toMallItemDetailView(item, ruleOf(rules, item), count?.count ?? 0);
}

/** MALL_ITEM_NOT_FOUND, or MALL_ITEM_OFF_SALE for an item taken off sale. */
export async function loadMallItem(deps: ServiceDeps, itemId: string): Promise<MallItem> {
  const item = await loadOne<MallItemDoc>(deps.db, PromotionCollections.mallItems, itemId);
  if (!item) throw mallErrors.itemNotFound(itemId);
  if (item.status !== 'ON_SALE') throw mallErrors.offSale(itemId);
  return item;
}

async function couponRulesOf(deps: ServiceDeps, items: MallItem[]): Promise<Map<string, CouponRule>> {
  const ids = items.flatMap((item) => (item.kind === 'coupon' && item.templateId ? [item.templateId] : []));
  const templates = await loadByIds<CouponTemplateDoc>(deps.db, PromotionCollections.templates, ids);
  return new Map([...templates].map(([id, template]) => [id, template.rule]));
}

const ruleOf = (rules: Map<string, CouponRule>, item: MallItem): CouponRule | null =>
  item.kind === 'coupon' && item.templateId ? (rules.get(item.templateId) ?? null) : null;
