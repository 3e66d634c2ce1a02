import { chinaMonth, DAY_MS } from '../points/china-day';
import type { Channel } from './channel';
import type { LifecycleStage } from './lifecycle';
import type { MemberProfileDoc } from './profile';
import type { RfmClass } from './rfm';

export interface Range {
  min?: number;
  max?: number;
}

/**
 * The member filter (筛选), one language for the member list, segments and
 * rule tags. Every field narrows; arrays within a field are "any of",
 * except `tags`, which is "all of". Ranges are inclusive.
 */
export interface MemberFilter {
  /** Nickname prefix, phone (11 digits exact, or a prefix) or card number prefix. */
  q?: string;
  tiers?: string[];
  rfmClasses?: RfmClass[];
  lifecycles?: LifecycleStage[];
  tags?: string[];
  channels?: Channel[];
  /** Net spend in fen. */
  spendFen?: Range;
  /** Net paid orders. */
  orders?: Range;
  /** 客单价 in fen. */
  aovFen?: Range;
  /** Whole days since the last paid order (members who never paid never match). */
  lastPaidDays?: Range;
  /** Bought in a category at least `minOrders` times. */
  category?: { categoryId: string; minOrders: number };
  birthdayThisMonth?: boolean;
}

/** The month (1–12) in China of an instant. */
export const chinaMonthNumber = (now: number): number => Number(chinaMonth(now).slice(5, 7));

/** `lastPaidDays` as a range of lastPaidAt: whole days since ≥ min ⇔ at ≤ now − min days; ≤ max ⇔ at > now − (max + 1) days. */
export function lastPaidAtBounds(days: Range, now: number): { atMost?: number; after?: number } {
  return {
    ...(days.min !== undefined ? { atMost: now - days.min * DAY_MS } : {}),
    ...(days.max !== undefined ? { after: now - (days.max + 1) * DAY_MS } : {}),
  };
}

export type QueryKind = 'phone' | 'phonePrefix' | 'cardPrefix' | 'nicknamePrefix';

/** What `q` searches: 11 digits a phone, fewer digits a phone prefix, a card-like token (digits and capitals) the card number, else the nickname. */
export function queryKindOf(q: string): QueryKind {
  if (/^1\d{10}$/.test(q)) return 'phone';
  if (/^\d+$/.test(q)) return 'phonePrefix';
  if (/^[0-9A-Z]{4,}$/.test(q) && /\d/.test(q)) return 'cardPrefix';
  return 'nicknamePrefix';
}

const inRange = (value: number, range: Range | undefined): boolean =>
  range === undefined || ((range.min === undefined || value >= range.min) && (range.max === undefined || value <= range.max));

/** The filter in memory, exactly as the database query the server builds from it (tests prove they agree). */
export function matchesFilter(p: MemberProfileDoc, filter: MemberFilter, now: number): boolean {
  if (filter.q) {
    const q = filter.q.trim();
    const kind = queryKindOf(q);
    const field = kind === 'phone' || kind === 'phonePrefix' ? p.phone : kind === 'cardPrefix' ? p.memberId : p.nickname;
    if (!field || !(kind === 'phone' ? field === q : field.startsWith(q))) return false;
  }
  if (filter.tiers?.length && !filter.tiers.includes(p.tierId)) return false;
  if (filter.rfmClasses?.length && !filter.rfmClasses.includes(p.rfm.class)) return false;
  if (filter.lifecycles?.length && !filter.lifecycles.includes(p.lifecycle)) return false;
  if (filter.channels?.length && !filter.channels.includes(p.channel)) return false;
  if (filter.tags?.length && !filter.tags.every((tag) => p.tags.includes(tag))) return false;
  if (!inRange(p.netFen, filter.spendFen) || !inRange(p.netOrders, filter.orders) || !inRange(p.aovFen, filter.aovFen)) return false;
  if (filter.lastPaidDays) {
    if (p.lastPaidAt === null) return false;
    const { atMost, after } = lastPaidAtBounds(filter.lastPaidDays, now);
    if ((atMost !== undefined && p.lastPaidAt > atMost) || (after !== undefined && p.lastPaidAt <= after)) return false;
  }
  if (filter.category && (p.stats.categoryOrders[filter.category.categoryId] ?? 0) < filter.category.minOrders) return false;
  if (filter.birthdayThisMonth && p.birthMonth !== chinaMonthNumber(now)) return false;
  return true;
}
