import type { SeedDocuments } from './types';

/** Stored value (issue 14): the demo's top-up plans (储值方案): ¥10 gift on ¥100; ¥40 and a 满50减5 coupon on ¥300; ¥80 and 200 points on ¥500. */
export function walletSeed(now: number): SeedDocuments {
  const plan = (id: string, title: string, payFen: number, giftFen: number, extra: Record<string, unknown> = {}) => ({
    _id: id,
    title,
    payFen,
    giftFen,
    perMemberLimit: null,
    validUntil: null,
    giftValidDays: null,
    active: true,
    sort: payFen,
    createdAt: now,
    updatedAt: now,
    updatedBy: 'seed',
    ...extra,
  });
  return {
    wallet_plans: [
      plan('wp-100', '充100送10', 10000, 1000),
      plan('wp-300', '充300送40', 30000, 4000, { giftValidDays: 365, giftCouponTemplateId: 'tpl-claim-5' }),
      plan('wp-500', '充500送80+200积分', 50000, 8000, { perMemberLimit: 3, giftValidDays: 365, giftPoints: 200 }),
    ],
  };
}
