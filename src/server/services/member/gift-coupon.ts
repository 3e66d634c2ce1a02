import { isAppError } from '../../../core/errors';
import type { Transaction } from '../../db';
import type { Logger } from '../../kit/types';
import { issueCouponInTx } from '../promotion/coupons';

export interface GiftCouponRequest {
  /** Deterministic: `join:<openid>`, `birthday:<openid>:<year>`. */
  couponId: string;
  openid: string;
  templateId: string;
  source: 'join' | 'birthday';
}

/**
 * The coupon half of a gift, in the gift's transaction (promotions'
 * issueCouponInTx, once per couponId). A template that is missing is an
 * operator's mistake: logged, and the member still joins with the points.
 * Answers whether this call issued a coupon.
 */
export async function issueGiftCouponInTx(tx: Transaction, request: GiftCouponRequest, now: number, log: Logger): Promise<boolean> {
  try {
    return (await issueCouponInTx(tx, request, now)).issued;
  } catch (error) {
    if (!(isAppError(error) && error.code === 'COUPON_TEMPLATE_NOT_FOUND')) throw error;
    log.warn('gift coupon template missing: gift given without the coupon', { templateId: request.templateId, source: request.source });
    return false;
  }
}
