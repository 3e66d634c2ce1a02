import type { Fen } from '../money';

/** A top-up plan (储值方案): pay `payFen`, receive `giftFen` more (gift bucket). */
export interface WalletPlan {
  planId: string;
  title: string;
  payFen: Fen;
  giftFen: Fen;
  /** Top-ups a member may make with this plan (paid ones and ones awaiting payment); null: no limit. */
  perMemberLimit: number | null;
  /** The plan can be bought until then (epoch ms); null: no end. */
  validUntil: number | null;
  /** Days the gift of a top-up stays usable after payment; null: it never expires. */
  giftValidDays: number | null;
  /** Points (积分) given with each paid top-up, 0: none. */
  giftPoints: number;
  /** A coupon template one coupon of which is given with each paid top-up; null: none. */
  giftCouponTemplateId: string | null;
  active: boolean;
}

export const MAX_TOP_UP_FEN = 5_000_000; // ¥50,000 a top-up
/** The most points a plan may give with one top-up. */
export const MAX_GIFT_POINTS = 100_000;
export const DAY_MS = 24 * 60 * 60 * 1000;

export type PlanRefusal = 'PLAN_NOT_FOUND' | 'PLAN_EXPIRED' | 'PLAN_LIMIT_REACHED';

/** Whether a member who made `used` top-ups with the plan may make another at `now`. */
export function planRefusal(plan: Pick<WalletPlan, 'active' | 'validUntil' | 'perMemberLimit'> | null, used: number, now: number): PlanRefusal | null {
  if (!plan || !plan.active) return 'PLAN_NOT_FOUND';
  if (plan.validUntil !== null && now >= plan.validUntil) return 'PLAN_EXPIRED';
  if (plan.perMemberLimit !== null && used >= plan.perMemberLimit) return 'PLAN_LIMIT_REACHED';
  return null;
}

/** The gift's expiry for a top-up paid at `paidAt`. */
export const giftExpiryOf = (giftValidDays: number | null, paidAt: number): number | null =>
  giftValidDays === null ? null : paidAt + giftValidDays * DAY_MS;

export function planTitle(payFen: Fen, giftFen: Fen): string {
  const yuan = (fen: Fen) => (fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2));
  return giftFen > 0 ? `充 ${yuan(payFen)} 送 ${yuan(giftFen)}` : `充 ${yuan(payFen)}`;
}

export interface PlanGifts {
  giftFen: Fen;
  giftPoints?: number;
  couponLabel?: string | null;
}

/** The gifts of a top-up besides the principal, each named: ["¥10", "100 积分", "满100减10券"]. */
export function planGiftParts(gifts: PlanGifts): string[] {
  const yuan = (fen: Fen) => (fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2));
  return [gifts.giftFen > 0 ? `¥${yuan(gifts.giftFen)}` : null, gifts.giftPoints ? `${gifts.giftPoints} 积分` : null, gifts.couponLabel || null].filter(
    (part): part is string => part !== null,
  );
}

/** What a top-up gives besides the principal: "赠 ¥10 · 100 积分 · 满100减10券" (null: nothing). */
export function planGiftsLabel(gifts: PlanGifts): string | null {
  const parts = planGiftParts(gifts);
  return parts.length > 0 ? `赠 ${parts.join(' · ')}` : null;
}
