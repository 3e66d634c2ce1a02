import { DEFAULT_TIERS } from '../../../core/member/tiers';
import { DEFAULT_CHECK_IN_RULES } from '../../../core/points/checkin';
import { DEFAULT_EXPIRY_RULES } from '../../../core/points/expiry';
import type { GiftsSettingsDoc, TiersSettingsDoc } from '../../services/member/settings';
import type { PointsSettingsDoc } from '../../services/points/settings';
import type { SeedDocuments } from './types';

/** The join gift's coupon: a template the promotions seed provides. */
export const JOIN_GIFT_COUPON_TEMPLATE_ID = 'tpl-join-10';

/** Demo member tiers, join and birthday gifts, and points rules (all in `settings`, editable by operators). */
export function memberSeed(now: number): SeedDocuments {
  const tiers: TiersSettingsDoc = { tiers: DEFAULT_TIERS.map((tier) => ({ ...tier })), updatedAt: now, updatedBy: null };
  const gifts: GiftsSettingsDoc = {
    join: { points: 100, couponTemplateId: JOIN_GIFT_COUPON_TEMPLATE_ID },
    birthday: { points: 200, couponTemplateId: null },
  };
  const points: PointsSettingsDoc = { pointsPerYuan: 1, checkIn: DEFAULT_CHECK_IN_RULES, expiry: DEFAULT_EXPIRY_RULES };
  return {
    settings: [
      { _id: 'member_tiers', ...tiers },
      { _id: 'member_gifts', ...gifts },
      { _id: 'points', ...points },
    ],
  };
}
