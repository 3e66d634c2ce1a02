import { birthdayProblem, isBirthMonth } from '../../src/core/member/birthday';
import { growthForPaid } from '../../src/core/member/growth';
import {
  DEFAULT_TIERS,
  discountLabel,
  progressToNext,
  tierBenefits,
  tierOfGrowth,
  tierTableProblem,
  usableTiers,
  type MemberTier,
} from '../../src/core/member/tiers';
import { SetTiersInput } from '../../src/core/contracts/member';

const at = (iso: string): number => Date.parse(iso);

describe('tiers', () => {
  it('defaults: 普通 → 银卡 → 金卡 → 黑金 with rising thresholds, discounts and multipliers', () => {
    expect(DEFAULT_TIERS.map((t) => t.name)).toEqual(['普通', '银卡', '金卡', '黑金']);
    expect(tierTableProblem(DEFAULT_TIERS)).toBeNull();
  });

  it.each([
    [0, 'normal'],
    [499, 'normal'],
    [500, 'silver'],
    [1999, 'silver'],
    [2000, 'gold'],
    [9999, 'gold'],
    [10000, 'black'],
    [1_000_000, 'black'],
  ])('growth %i is tier %s', (growth, id) => {
    expect(tierOfGrowth(DEFAULT_TIERS, growth).id).toBe(id);
  });

  it.each([
    { growth: 0, tier: 'normal', next: 'silver', remaining: 500, percent: 0 },
    { growth: 250, tier: 'normal', next: 'silver', remaining: 250, percent: 50 },
    { growth: 499, tier: 'normal', next: 'silver', remaining: 1, percent: 99 },
    { growth: 500, tier: 'silver', next: 'gold', remaining: 1500, percent: 0 },
    { growth: 1999, tier: 'silver', next: 'gold', remaining: 1, percent: 99 },
    { growth: 6000, tier: 'gold', next: 'black', remaining: 4000, percent: 50 },
    { growth: 10000, tier: 'black', next: null, remaining: 0, percent: 100 },
    { growth: -5, tier: 'normal', next: 'silver', remaining: 500, percent: 0 },
  ])('progress at growth $growth: $tier → $next, $remaining left, $percent%', ({ growth, tier, next, remaining, percent }) => {
    const progress = progressToNext(DEFAULT_TIERS, growth);
    expect(progress.tier.id).toBe(tier);
    expect(progress.next?.id ?? null).toBe(next);
    expect(progress.remaining).toBe(remaining);
    expect(progress.percent).toBe(percent);
  });

  const tier = (over: Partial<MemberTier>): MemberTier => ({ id: 't', name: '等级', minGrowth: 0, discountBps: 0, pointsMultiplier: 1, ...over });
  it.each<[string, MemberTier[], RegExp | null]>([
    ['one tier at 0', [tier({})], null],
    ['empty', [], /1–10/],
    ['first above 0', [tier({ minGrowth: 10 })], /第一个等级/],
    ['duplicate ids', [tier({}), tier({ minGrowth: 5 })], /不能重复/],
    ['thresholds not rising', [tier({ id: 'a' }), tier({ id: 'b', minGrowth: 100 }), tier({ id: 'c', minGrowth: 100 })], /高于上一等级/],
    ['discount too deep', [tier({ discountBps: 5001 })], /折扣/],
    ['fractional discount', [tier({ discountBps: 1.5 })], /折扣/],
    ['multiplier with 3 decimals', [tier({ pointsMultiplier: 1.234 })], /积分倍数/],
    ['multiplier too big', [tier({ pointsMultiplier: 11 })], /积分倍数/],
    ['multiplier 1.25 is fine', [tier({ pointsMultiplier: 1.25 })], null],
  ])('tier table: %s', (_name, tiers, problem) => {
    const found = tierTableProblem(tiers);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toMatch(problem);
  });

  it('a broken stored table falls back to the defaults', () => {
    expect(usableTiers(null)).toBe(DEFAULT_TIERS);
    expect(usableTiers([tier({ minGrowth: 3 })])).toBe(DEFAULT_TIERS);
    const good = [tier({ id: 'only' })];
    expect(usableTiers(good)).toBe(good);
  });

  it('the setTiers contract refuses what tierTableProblem refuses', () => {
    expect(SetTiersInput.safeParse({ tiers: DEFAULT_TIERS }).success).toBe(true);
    const bad = SetTiersInput.safeParse({ tiers: [{ id: 'a', name: 'A', minGrowth: 5, discountBps: 0, pointsMultiplier: 1 }] });
    expect(bad.success).toBe(false);
  });

  it.each([
    [0, '10折'],
    [200, '9.8折'],
    [500, '9.5折'],
    [1000, '9折'],
    [250, '9.75折'],
  ])('discount %i bps reads %s', (bps, label) => {
    expect(discountLabel(bps)).toBe(label);
  });

  it('benefits name the discount and the multiplier', () => {
    expect(tierBenefits(DEFAULT_TIERS[0])).toEqual(['消费 1 元得 1 积分', '生日月专属礼包', '每日签到领积分']);
    expect(tierBenefits(DEFAULT_TIERS[2])).toEqual(['购物享9.5折', '积分 1.5 倍', '生日月专属礼包', '每日签到领积分']);
  });
});

describe('growth', () => {
  it.each([
    [0, 0],
    [99, 0],
    [100, 1],
    [12850, 128],
    [99999, 999],
  ])('%i fen paid gives %i growth', (paid, growth) => {
    expect(growthForPaid(paid)).toBe(growth);
  });
  it('refuses fractions and negatives', () => {
    expect(() => growthForPaid(-1)).toThrow(RangeError);
    expect(() => growthForPaid(1.5)).toThrow(RangeError);
  });
});

describe('birthday', () => {
  const now = at('2025-03-15T04:00:00Z');
  it.each<[string, string | null]>([
    ['1990-03-20', null],
    ['2025-03-15', null],
    ['2025-03-16', '生日不能晚于今天'],
    ['1899-12-31', '生日不能早于 1900 年'],
    ['1990-02-30', '生日须为有效日期（YYYY-MM-DD）'],
    ['1990-3-1', '生日须为有效日期（YYYY-MM-DD）'],
    ['2000-02-29', null],
  ])('%s → %s', (birthday, problem) => {
    expect(birthdayProblem(birthday, now)).toBe(problem);
  });

  it.each([
    ['1990-03-01', '2025-03-01T00:00:00+08:00', true],
    ['1990-03-01', '2025-03-31T23:59:59+08:00', true],
    // 16:00Z on February 28th is already March 1st in Shanghai.
    ['1990-03-01', '2025-02-28T16:00:00Z', true],
    ['1990-03-01', '2025-02-28T15:59:59Z', false],
    ['1990-03-01', '2025-04-01T00:00:00+08:00', false],
    ['2000-02-29', '2025-02-10T12:00:00+08:00', true],
  ])('born %s, at %s: birth month %s', (birthday, iso, expected) => {
    expect(isBirthMonth(birthday, at(iso))).toBe(expected);
  });
});
