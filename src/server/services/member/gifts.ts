import type { Transaction } from '../../db';
import type { Logger } from '../../kit/types';
import { applyPointsInTx } from '../points/ledger';
import { issueGiftCouponInTx } from './gift-coupon';
import type { Gift } from './settings';

export interface GiftGrant {
  /** Ledger source of the points: `gift:join`, `gift:birthday:<year>`. */
  pointsSource: string;
  couponId: string;
  source: 'join' | 'birthday';
  note: string;
}

export interface GrantedGift {
  points: number;
  couponTemplateId: string | null;
  couponIssued: boolean;
}

/** Grants a gift's points and coupon inside the caller's transaction; each part at most once by its id. */
export async function grantGiftInTx(
  tx: Transaction,
  openid: string,
  gift: Gift,
  grant: GiftGrant,
  now: number,
  log: Logger,
): Promise<GrantedGift> {
  let points = 0;
  if (gift.points > 0) {
    const applied = await applyPointsInTx(tx, { id: grant.pointsSource, openid, delta: gift.points, kind: 'gift', note: grant.note }, now);
    if (applied.applied) points = gift.points;
  }
  const couponIssued = gift.couponTemplateId
    ? await issueGiftCouponInTx(tx, { couponId: grant.couponId, openid, templateId: gift.couponTemplateId, source: grant.source }, now, log)
    : false;
  return { points, couponTemplateId: gift.couponTemplateId, couponIssued };
}
