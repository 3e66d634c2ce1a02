import { chinaMonthNumber, lastPaidAtBounds, queryKindOf, type MemberFilter, type Range } from '../../../core/crm/filter';
import { sortKeyValue, type MemberSort, type ProfileSortKeys } from '../../../core/crm/profile';
import type { DbCommand, Query } from '../../db';

/** Above every character a nickname, phone or card number holds: `[q, q + END)` is "starts with q". */
const PREFIX_END = '\uffff';

export const sortPath = (sort: MemberSort): string => `sk.${sort}`;

/**
 * Above every sort key (they start with a digit). An open end of a range is bounded by '' or by it, so the
 * local engine knows from the bounds alone that only strings fall inside and counts from the index.
 */
const SORT_KEY_END = ':';

/** A range of a value as a range of its sort key: `[pad(min), pad(max + 1))`, always with both ends. */
function sortKeyRange(_: DbCommand, key: keyof ProfileSortKeys, range: Range): Query[] {
  const path = `sk.${key}`;
  return [
    { [path]: _.gte(range.min !== undefined ? sortKeyValue(key, range.min) : '') },
    { [path]: _.lt(range.max !== undefined ? sortKeyValue(key, range.max + 1) : SORT_KEY_END) },
  ];
}

const prefix = (_: DbCommand, field: string, q: string): Query => ({ [field]: _.gte(q).and(_.lt(q + PREFIX_END)) });

/**
 * The filter as database conditions (ANDed), the same as core/crm/filter
 * `matchesFilter` decides in memory. Ranges of spend, orders and recency
 * become ranges of the sort keys, so a filter and its sort can share one index.
 */
export function filterConditions(_: DbCommand, filter: MemberFilter, now: number): Query[] {
  const parts: Query[] = [];
  const q = filter.q?.trim();
  if (q) {
    const kind = queryKindOf(q);
    if (kind === 'phone') parts.push({ phone: q });
    else parts.push(prefix(_, kind === 'phonePrefix' ? 'phone' : kind === 'cardPrefix' ? 'memberId' : 'nickname', q));
  }
  if (filter.tiers?.length) parts.push({ tierId: _.in(filter.tiers) });
  if (filter.rfmClasses?.length) parts.push({ 'rfm.class': _.in(filter.rfmClasses) });
  if (filter.lifecycles?.length) parts.push({ lifecycle: _.in(filter.lifecycles) });
  if (filter.channels?.length) parts.push({ channel: _.in(filter.channels) });
  for (const tag of filter.tags ?? []) parts.push({ tags: tag });
  if (filter.spendFen) parts.push(...sortKeyRange(_, 'spend', filter.spendFen));
  if (filter.orders) parts.push(...sortKeyRange(_, 'orders', filter.orders));
  if (filter.aovFen) {
    if (filter.aovFen.min !== undefined) parts.push({ aovFen: _.gte(filter.aovFen.min) });
    if (filter.aovFen.max !== undefined) parts.push({ aovFen: _.lte(filter.aovFen.max) });
  }
  if (filter.lastPaidDays) {
    const { atMost, after } = lastPaidAtBounds(filter.lastPaidDays, now);
    // Members who never paid have lastPaidAt 0 in the key: at least 1 ms keeps them out.
    parts.push({ 'sk.last': _.gte(sortKeyValue('last', Math.max(1, (after ?? 0) + 1))) });
    parts.push({ 'sk.last': _.lt(atMost !== undefined ? sortKeyValue('last', atMost + 1) : SORT_KEY_END) });
  }
  if (filter.category) parts.push({ [`stats.categoryOrders.${filter.category.categoryId}`]: _.gte(filter.category.minOrders) });
  if (filter.birthdayThisMonth) parts.push({ birthMonth: chinaMonthNumber(now) });
  return parts;
}

export function whereOf(_: DbCommand, parts: Query[]): Query {
  if (parts.length === 0) return {};
  if (parts.length === 1) return parts[0];
  return _.and(parts) as unknown as Query;
}

/** A page cursor is the last row's sort key. */
export const CURSOR_PATTERN = /^\d{7,13}:[A-Za-z0-9_-]{1,64}$/;
