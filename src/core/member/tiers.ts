import { multiplierHundredths } from '../points/earn';

/**
 * A member tier (等级): reached at `minGrowth`, with a discount on goods in
 * basis points (500 = 5% off) and a points multiplier.
 */
export interface MemberTier {
  id: string;
  name: string;
  minGrowth: number;
  discountBps: number;
  pointsMultiplier: number;
}

/** Used until an operator stores `settings/member_tiers`. Growth is 1 per yuan paid. */
export const DEFAULT_TIERS: readonly MemberTier[] = [
  { id: 'normal', name: '普通', minGrowth: 0, discountBps: 0, pointsMultiplier: 1 },
  { id: 'silver', name: '银卡', minGrowth: 500, discountBps: 200, pointsMultiplier: 1.2 },
  { id: 'gold', name: '金卡', minGrowth: 2000, discountBps: 500, pointsMultiplier: 1.5 },
  { id: 'black', name: '黑金', minGrowth: 10000, discountBps: 1000, pointsMultiplier: 2 },
];

export const MAX_TIERS = 10;
/** A member discount deeper than 50% is surely a typo. */
export const MAX_TIER_DISCOUNT_BPS = 5000;
export const MAX_POINTS_MULTIPLIER = 10;

/**
 * What is wrong with a tier table, or null: 1–10 tiers, unique ids, the first
 * at growth 0, thresholds strictly rising, discounts 0–5000 bps, multipliers
 * 0–10 in hundredths.
 */
export function tierTableProblem(tiers: readonly MemberTier[]): string | null {
  if (tiers.length === 0 || tiers.length > MAX_TIERS) return `等级数量须为 1–${MAX_TIERS} 个`;
  if (new Set(tiers.map((t) => t.id)).size !== tiers.length) return '等级 id 不能重复';
  if (tiers[0].minGrowth !== 0) return '第一个等级的成长值门槛须为 0';
  for (const [index, tier] of tiers.entries()) {
    if (!tier.id || !tier.name) return '等级须有 id 和名称';
    if (!Number.isSafeInteger(tier.minGrowth) || tier.minGrowth < 0) return `${tier.name}：成长值门槛须为非负整数`;
    if (index > 0 && tier.minGrowth <= tiers[index - 1].minGrowth) return `${tier.name}：成长值门槛须高于上一等级`;
    if (!Number.isSafeInteger(tier.discountBps) || tier.discountBps < 0 || tier.discountBps > MAX_TIER_DISCOUNT_BPS) {
      return `${tier.name}：折扣须为 0–${MAX_TIER_DISCOUNT_BPS} 基点`;
    }
    const m = tier.pointsMultiplier;
    if (!Number.isFinite(m) || m < 0 || m > MAX_POINTS_MULTIPLIER || Math.abs(multiplierHundredths(m) - m * 100) > 1e-6) {
      return `${tier.name}：积分倍数须为 0–${MAX_POINTS_MULTIPLIER}，最多两位小数`;
    }
  }
  return null;
}

/** The stored table when it is valid, else the defaults (a broken settings document never breaks checkout). */
export function usableTiers(stored: readonly MemberTier[] | null | undefined): readonly MemberTier[] {
  return stored && tierTableProblem(stored) === null ? stored : DEFAULT_TIERS;
}

/** The highest tier whose threshold the growth reaches. */
export function tierOfGrowth(tiers: readonly MemberTier[], growth: number): MemberTier {
  let reached = tiers[0];
  for (const tier of tiers) if (growth >= tier.minGrowth) reached = tier;
  return reached;
}

export interface TierProgress {
  tier: MemberTier;
  next: MemberTier | null;
  /** Growth still needed for the next tier (0 at the top). */
  remaining: number;
  /** 0–100, rounded down; 100 at the top. */
  percent: number;
}

export function progressToNext(tiers: readonly MemberTier[], grown: number): TierProgress {
  const growth = Math.max(0, grown);
  const tier = tierOfGrowth(tiers, growth);
  const next = tiers.find((t) => t.minGrowth > tier.minGrowth) ?? null;
  if (!next) return { tier, next: null, remaining: 0, percent: 100 };
  const percent = Math.floor(((growth - tier.minGrowth) * 100) / (next.minGrowth - tier.minGrowth));
  return { tier, next, remaining: next.minGrowth - growth, percent };
}

/** 500 bps → "95折", 250 → "97.5折". */
export function discountLabel(discountBps: number): string {
  const tenths = (10000 - discountBps) / 1000;
  return `${Number.isInteger(tenths) ? tenths : Number(tenths.toFixed(2))}折`;
}

/** The benefits a tier's card lists. */
export function tierBenefits(tier: MemberTier): string[] {
  const benefits: string[] = [];
  if (tier.discountBps > 0) benefits.push(`购物享${discountLabel(tier.discountBps)}`);
  if (tier.pointsMultiplier > 0) benefits.push(tier.pointsMultiplier === 1 ? '消费 1 元得 1 积分' : `积分 ${tier.pointsMultiplier} 倍`);
  benefits.push('生日月专属礼包', '每日签到领积分');
  return benefits;
}
