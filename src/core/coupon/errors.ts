import { AppError } from '../errors';
import { formatPrice, type Fen } from '../money';
import type { CouponMiss } from './check';

/** The refusals of coupons, with the messages customers and staff read. */
export const couponErrors = {
  notFound: (couponId: string) => new AppError('COUPON_NOT_FOUND', '优惠券不存在', { couponId }),
  codeNotFound: (code: string) => new AppError('COUPON_NOT_FOUND', '券码无效，未找到对应的优惠券', { code }),
  used: (couponId: string) => new AppError('COUPON_USED', '优惠券已使用', { couponId }),
  locked: (couponId: string) => new AppError('COUPON_LOCKED', '优惠券已被一笔待支付订单占用，取消该订单后可再用', { couponId }),
  expired: (couponId: string) => new AppError('COUPON_EXPIRED', '优惠券已过期', { couponId }),
  thresholdNotMet: (couponId: string, threshold: Fen, amount: Fen) =>
    new AppError('COUPON_THRESHOLD_NOT_MET', `消费金额未达到优惠券门槛（满 ${formatPrice(threshold)} 可用，本单 ${formatPrice(amount)}）`, { couponId, threshold, amount }),
  notStarted: (couponId: string) => new AppError('COUPON_NOT_STARTED', '优惠券尚未到使用时间', { couponId }),
  notApplicable: (couponId: string, reason: CouponMiss) =>
    new AppError('COUPON_NOT_APPLICABLE', NOT_APPLICABLE_MESSAGES[reason] ?? '该优惠券不适用于本订单', { couponId, reason }),
  templateNotFound: (templateId: string) => new AppError('COUPON_TEMPLATE_NOT_FOUND', '优惠券活动不存在或已结束', { templateId }),
  notClaimable: (templateId: string) => new AppError('COUPON_NOT_CLAIMABLE', '该优惠券当前不可领取', { templateId }),
  soldOut: (templateId: string) => new AppError('COUPON_SOLD_OUT', '优惠券已被领完', { templateId }),
  claimLimit: (templateId: string, limit: number) =>
    new AppError('COUPON_CLAIM_LIMIT', `每人限领 ${limit} 张，您已领满`, { templateId, limit }),
};

const NOT_APPLICABLE_MESSAGES: Partial<Record<CouponMiss, string>> = {
  BELOW_THRESHOLD: '订单金额未达到优惠券的使用门槛',
  ITEM_MISSING: '订单中没有该赠品券对应的商品',
  NOT_IN_SCOPE: '订单中没有该优惠券适用的商品',
  IN_STORE_ONLY: '该优惠券仅限门店核销使用',
  NO_DISCOUNT: '该优惠券对本订单没有优惠',
};

/** The refusal for a coupon the customer asked for that cannot be used. */
export function couponMissError(couponId: string, reason: CouponMiss): AppError {
  switch (reason) {
    case 'USED':
      return couponErrors.used(couponId);
    case 'LOCKED':
      return couponErrors.locked(couponId);
    case 'EXPIRED':
      return couponErrors.expired(couponId);
    case 'NOT_STARTED':
      return couponErrors.notStarted(couponId);
    default:
      return couponErrors.notApplicable(couponId, reason);
  }
}

/** Why a coupon does not apply, for the checkout's coupon list. */
export const COUPON_MISS_LABELS: Record<CouponMiss, string> = {
  USED: '已使用',
  LOCKED: '待支付订单占用中',
  EXPIRED: '已过期',
  NOT_STARTED: '未到使用时间',
  IN_STORE_ONLY: '仅限门店使用',
  NO_DISCOUNT: '本单无优惠',
  BELOW_THRESHOLD: '未达使用门槛',
  ITEM_MISSING: '订单中无对应商品',
  NOT_IN_SCOPE: '无适用商品',
};
