import { planCouponSkip } from '../../../core/wallet/plan-gifts';
import type { Transaction } from '../../db';
import type { Logger } from '../../kit/types';
import { applyPointsInTx } from '../points/ledger';
import { issueCouponInTx, readTemplateInTx } from '../promotion/issue';
import type { TopUpGiftsRecord } from './records';

/** The points ledger source and the coupon id of a top-up's gifts: deterministic from the order, so a replay gives nothing twice. */
export const topUpGiftId = (orderId: string): string => `topup-gift:${orderId}`;

export interface TopUpGiftsRequest {
  orderId: string;
  openid: string;
  /** The plan's terms as the order snapshotted them. */
  giftPoints: number;
  giftCouponTemplateId: string | null;
}

/**
 * A paid top-up's points and coupon (储值方案的赠积分、赠券), inside the payment
 * notification's transaction, through the points ledger (applyPointsInTx) and
 * the promotions' issueCouponInTx, each once per `topup-gift:<orderId>`.
 * Re-runnable: every write is decided from what `tx` read.
 *
 * A coupon template that cannot give a coupon at payment time (deleted,
 * stopped, its window over, sold out: core/wallet/plan-gifts) does not stop
 * the top-up: the coupon is skipped for good, logged, and the answer says why
 * (the caller records it on the top-up and in its wallet ledger title).
 */
export async function grantTopUpGiftsInTx(tx: Transaction, request: TopUpGiftsRequest, now: number, log: Logger): Promise<TopUpGiftsRecord> {
  const id = topUpGiftId(request.orderId);
  let points = 0;
  if (request.giftPoints > 0) {
    await applyPointsInTx(tx, { id, openid: request.openid, delta: request.giftPoints, kind: 'gift', note: '储值赠送积分', refId: request.orderId }, now);
    points = request.giftPoints;
  }
  const templateId = request.giftCouponTemplateId;
  if (!templateId) return { points, couponTemplateId: null, couponId: null, couponSkipped: null };

  const skipped = planCouponSkip(await readTemplateInTx(tx, templateId), now);
  if (skipped) {
    log.warn('wallet top-up coupon skipped: the template cannot give one now', { orderId: request.orderId, templateId, reason: skipped });
    return { points, couponTemplateId: templateId, couponId: null, couponSkipped: skipped };
  }
  await issueCouponInTx(tx, { couponId: id, openid: request.openid, templateId, source: 'gift' }, now);
  return { points, couponTemplateId: templateId, couponId: id, couponSkipped: null };
}
