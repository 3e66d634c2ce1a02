import { usableTiers, type MemberTier } from '../../../core/member/tiers';
import type { Db, Transaction } from '../../db';
import { MemberCollections } from './records';

export const TIERS_SETTINGS_ID = 'member_tiers';
export const GIFTS_SETTINGS_ID = 'member_gifts';

/** `settings/member_tiers`: the operators' tier table (lowest first). */
export interface TiersSettingsDoc {
  tiers: MemberTier[];
  updatedAt: number;
  updatedBy: string | null;
}

export interface Gift {
  points: number;
  /** A coupon template granted with the points (via the promotions' issueCouponInTx), or null. */
  couponTemplateId: string | null;
}

/** `settings/member_gifts`: 开卡礼 and 生日礼. */
export interface GiftsSettingsDoc {
  join?: Partial<Gift>;
  birthday?: Partial<Gift>;
}

export interface GiftSettings {
  join: Gift;
  birthday: Gift;
}

export const DEFAULT_GIFTS: GiftSettings = {
  join: { points: 100, couponTemplateId: null },
  birthday: { points: 200, couponTemplateId: null },
};

export async function loadTiers(db: Db): Promise<readonly MemberTier[]> {
  const { data } = await db.collection<TiersSettingsDoc>(MemberCollections.settings).doc(TIERS_SETTINGS_ID).get();
  return usableTiers(data[0]?.tiers);
}

export async function loadTiersInTx(tx: Transaction): Promise<readonly MemberTier[]> {
  const { data } = await tx.collection<TiersSettingsDoc>(MemberCollections.settings).doc(TIERS_SETTINGS_ID).get();
  return usableTiers(data?.tiers);
}

export async function loadGifts(db: Db): Promise<GiftSettings> {
  const { data } = await db.collection<GiftsSettingsDoc>(MemberCollections.settings).doc(GIFTS_SETTINGS_ID).get();
  return giftsFrom(data[0]);
}

export async function loadGiftsInTx(tx: Transaction): Promise<GiftSettings> {
  const { data } = await tx.collection<GiftsSettingsDoc>(MemberCollections.settings).doc(GIFTS_SETTINGS_ID).get();
  return giftsFrom(data);
}

function giftsFrom(doc: GiftsSettingsDoc | null | undefined): GiftSettings {
  return { join: giftFrom(doc?.join, DEFAULT_GIFTS.join), birthday: giftFrom(doc?.birthday, DEFAULT_GIFTS.birthday) };
}

function giftFrom(stored: Partial<Gift> | undefined, fallback: Gift): Gift {
  const points = stored?.points;
  const template = stored?.couponTemplateId;
  return {
    points: typeof points === 'number' && Number.isSafeInteger(points) && points >= 0 ? points : fallback.points,
    couponTemplateId: typeof template === 'string' && template !== '' ? template : template === null ? null : fallback.couponTemplateId,
  };
}
