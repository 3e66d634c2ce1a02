import { WalletErrorCode as C } from '../../../core/contracts/wallet';
import { AppError } from '../../../core/errors';
import { formatPrice } from '../../../core/money';

export const walletErrors = {
  memberRequired: () => new AppError(C.MemberRequired, '储值仅限会员使用，请先加入会员'),
  insufficient: (balanceFen: number, amountFen: number) =>
    new AppError(C.Insufficient, `储值余额不足（余额 ${formatPrice(balanceFen)}，需 ${formatPrice(amountFen)}）`, { balanceFen, amountFen }),
  planNotFound: () => new AppError(C.PlanNotFound, '该储值方案不存在或已下架'),
  planExpired: () => new AppError(C.PlanExpired, '该储值方案已过期'),
  planLimitReached: () => new AppError(C.PlanLimitReached, '该储值方案已达到每人可充次数'),
  planCouponNotFound: (templateId: string) => new AppError(C.PlanCouponNotFound, '所选赠送优惠券不存在，请重新选择', { templateId }),
  planCouponUnavailable: (templateId: string, statusLabel: string) =>
    new AppError(C.PlanCouponUnavailable, `所选赠送优惠券${statusLabel}，请选择进行中的优惠券`, { templateId, statusLabel }),
  cursorInvalid: () => new AppError(C.CursorInvalid, '分页参数无效，请刷新重试'),
  nothingToRefund: () => new AppError(C.NothingToRefund, '没有可退的储值本金'),
  refundPending: () => new AppError(C.RefundPending, '已有一笔本金退款申请在处理中'),
  refundNotFound: () => new AppError(C.RefundNotFound, '退款申请不存在'),
  refundNotPending: () => new AppError('WALLET_REFUND_STATE_INVALID', '该申请已处理'),
  refundUncovered: () => new AppError('WALLET_REFUND_UNCOVERED', '本金超出可原路退回的充值金额，请联系门店处理'),
  chargeNotFound: () => new AppError(C.ChargeNotFound, '扣款记录不存在'),
  chargeExpired: () => new AppError(C.ChargeExpired, '扣款确认已超时，请重新扣款'),
  receiptReused: () => new AppError(C.ReceiptReused, '该小票号已用于另一笔扣款'),
  coversOrder: () => new AppError(C.CoversOrder, '储值余额足够支付整单，请直接使用余额支付'),
  notForTopUp: () => new AppError(C.NotForTopUp, '储值充值订单不能用余额支付'),
};
