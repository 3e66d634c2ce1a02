import { chinaMonthNumber, lastPaidAtBounds, matchesFilter, queryKindOf, type MemberFilter } from '../../../src/core/crm/filter';
import { sortKeysOf, type MemberProfileDoc } from '../../../src/core/crm/profile';
import { EMPTY_STATS } from '../../../src/core/crm/stats';
import { DAY_MS, dayStartMs } from '../../../src/core/points/china-day';

const NOW = dayStartMs('2025-06-15') + 10 * 60 * 60 * 1000; // 10:00 in Shanghai

function profile(over: Partial<MemberProfileDoc> = {}): MemberProfileDoc {
  const base: MemberProfileDoc = {
    openid: 'o1',
    isMember: true,
    nickname: '小林茶客',
    phone: '13812345678',
    memberId: 'SY8K2Q7M',
    birthMonth: 6,
    joinedAt: NOW - 300 * DAY_MS,
    growth: 520,
    tierId: 'silver',
    tierName: '银卡',
    stats: { ...EMPTY_STATS, paidOrders: 3, paidFen: 52_000, categoryOrders: { tea: 2, cake: 1 } },
    netOrders: 3,
    netFen: 52_000,
    aovFen: 17_333,
    lastPaidAt: NOW - 45 * DAY_MS,
    topCategories: ['tea', 'cake'],
    boundChannel: null,
    channel: 'live',
    lastVisitAt: null,
    rfm: { r: 4, f: 3, m: 3, class: '重要价值' },
    lifecycle: '成长期',
    lifecycleSince: NOW - 10 * DAY_MS,
    manualTags: ['vip'],
    ruleTags: ['茶饮控'],
    tags: ['vip', '茶饮控'],
    sk: { last: '', spend: '', orders: '', joined: '' },
    open: [],
    messagedAt: [],
    fired: {},
    scoredAt: NOW,
    updatedAt: NOW,
  };
  const p = { ...base, ...over };
  return { ...p, sk: sortKeysOf(p) };
}

const matches = (filter: MemberFilter, p = profile()) => matchesFilter(p, filter, NOW);

describe('matchesFilter', () => {
  it('an empty filter matches everyone', () => {
    expect(matches({})).toBe(true);
    expect(matches({ tiers: [], tags: [], rfmClasses: [] })).toBe(true);
  });

  it('q: phone exact, phone prefix, card prefix, nickname prefix', () => {
    expect(queryKindOf('13812345678')).toBe('phone');
    expect(queryKindOf('138')).toBe('phonePrefix');
    expect(queryKindOf('SY8K')).toBe('cardPrefix');
    expect(queryKindOf('小林')).toBe('nicknamePrefix');
    expect(matches({ q: '13812345678' })).toBe(true);
    expect(matches({ q: '13812345679' })).toBe(false);
    expect(matches({ q: '1381' })).toBe(true);
    expect(matches({ q: '139' })).toBe(false);
    expect(matches({ q: 'SY8K' })).toBe(true);
    expect(matches({ q: 'SY9K' })).toBe(false);
    expect(matches({ q: ' 小林 ' })).toBe(true);
    expect(matches({ q: '茶客' })).toBe(false); // a prefix, not a substring
    expect(matches({ q: '1381' }, profile({ phone: null }))).toBe(false);
  });

  it('tiers, RFM classes, lifecycle stages and channels are "any of"', () => {
    expect(matches({ tiers: ['gold', 'silver'] })).toBe(true);
    expect(matches({ tiers: ['gold'] })).toBe(false);
    expect(matches({ rfmClasses: ['重要价值', '一般挽留'] })).toBe(true);
    expect(matches({ rfmClasses: ['未消费'] })).toBe(false);
    expect(matches({ lifecycles: ['成长期'] })).toBe(true);
    expect(matches({ lifecycles: ['休眠期', '流失期'] })).toBe(false);
    expect(matches({ channels: ['live', 'direct'] })).toBe(true);
    expect(matches({ channels: ['groupbuy'] })).toBe(false);
  });

  it('tags are "all of", over manual and rule tags', () => {
    expect(matches({ tags: ['vip'] })).toBe(true);
    expect(matches({ tags: ['vip', '茶饮控'] })).toBe(true);
    expect(matches({ tags: ['vip', '咖啡控'] })).toBe(false);
  });

  it('spend, orders and 客单价 ranges are inclusive, either end optional', () => {
    expect(matches({ spendFen: { min: 52_000, max: 52_000 } })).toBe(true);
    expect(matches({ spendFen: { min: 52_001 } })).toBe(false);
    expect(matches({ spendFen: { max: 51_999 } })).toBe(false);
    expect(matches({ orders: { min: 3 } })).toBe(true);
    expect(matches({ orders: { max: 2 } })).toBe(false);
    expect(matches({ aovFen: { min: 17_333, max: 20_000 } })).toBe(true);
    expect(matches({ aovFen: { min: 20_000 } })).toBe(false);
  });

  it('lastPaidDays in whole days; never matches a member who never paid', () => {
    expect(matches({ lastPaidDays: { min: 45, max: 45 } })).toBe(true);
    expect(matches({ lastPaidDays: { min: 46 } })).toBe(false);
    expect(matches({ lastPaidDays: { max: 44 } })).toBe(false);
    expect(matches({ lastPaidDays: { min: 0 } }, profile({ lastPaidAt: null }))).toBe(false);
  });

  it('category: at least minOrders orders with a line in it', () => {
    expect(matches({ category: { categoryId: 'tea', minOrders: 2 } })).toBe(true);
    expect(matches({ category: { categoryId: 'tea', minOrders: 3 } })).toBe(false);
    expect(matches({ category: { categoryId: 'coffee', minOrders: 1 } })).toBe(false);
  });

  it('birthdayThisMonth uses the month in China', () => {
    expect(chinaMonthNumber(NOW)).toBe(6);
    expect(matches({ birthdayThisMonth: true })).toBe(true);
    expect(matches({ birthdayThisMonth: true }, profile({ birthMonth: 7 }))).toBe(false);
    expect(matches({ birthdayThisMonth: true }, profile({ birthMonth: null }))).toBe(false);
    // 2025-06-30 23:30 in Shanghai is 15:30 UTC: still June.
    const lateJune = dayStartMs('2025-06-30') + 23.5 * 60 * 60 * 1000;
    expect(chinaMonthNumber(lateJune)).toBe(6);
    expect(chinaMonthNumber(lateJune + 60 * 60 * 1000)).toBe(7);
  });

  it('every field narrows together', () => {
    expect(matches({ tiers: ['silver'], tags: ['vip'], spendFen: { min: 50_000 }, lastPaidDays: { max: 60 } })).toBe(true);
    expect(matches({ tiers: ['silver'], tags: ['vip'], spendFen: { min: 50_000 }, lastPaidDays: { max: 30 } })).toBe(false);
  });
});

describe('lastPaidAtBounds: whole days since the last order', () => {
  const wholeDays = (at: number) => Math.floor((NOW - at) / DAY_MS);

  it('≥ min days ⇔ at ≤ now − min days; ≤ max days ⇔ at > now − (max + 1) days', () => {
    expect(lastPaidAtBounds({ min: 30, max: 60 }, NOW)).toEqual({ atMost: NOW - 30 * DAY_MS, after: NOW - 61 * DAY_MS });
    expect(lastPaidAtBounds({}, NOW)).toEqual({});
    expect(lastPaidAtBounds({ min: 7 }, NOW)).toEqual({ atMost: NOW - 7 * DAY_MS });
  });

  it('agrees with the whole-day count at each edge, to the millisecond', () => {
    const range = { min: 30, max: 60 };
    const { atMost, after } = lastPaidAtBounds(range, NOW);
    const inBounds = (at: number) => at <= atMost! && at > after!;
    for (const at of [NOW - 30 * DAY_MS, NOW - 30 * DAY_MS + 1, NOW - 61 * DAY_MS, NOW - 61 * DAY_MS + 1, NOW - 45 * DAY_MS, NOW]) {
      const days = wholeDays(at);
      expect(inBounds(at)).toBe(days >= range.min && days <= range.max);
      expect(matches({ lastPaidDays: range }, profile({ lastPaidAt: at }))).toBe(inBounds(at));
    }
    expect(wholeDays(NOW - 30 * DAY_MS)).toBe(30); // in
    expect(wholeDays(NOW - 30 * DAY_MS + 1)).toBe(29); // out
    expect(wholeDays(NOW - 61 * DAY_MS + 1)).toBe(60); // in
    expect(wholeDays(NOW - 61 * DAY_MS)).toBe(61); // out
  });
});
