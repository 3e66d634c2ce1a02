import { StaffErrorCode } from '../../../core/contracts/staff';
import { AppError } from '../../../core/errors';
import type { OrderStatus } from '../../../core/order/status';
import { ORDER_STATUS_LABELS } from '../../../core/order/status';

export const staffErrors = {
  codeUnknown: () => new AppError(StaffErrorCode.CodeUnknown, '无法识别该码，请确认是会员码、自提码或优惠券码'),
  memberCodeInvalid: () => new AppError(StaffErrorCode.MemberCodeInvalid, '会员码无效或已过期，请让顾客刷新后重试'),
  counterSessionExpired: () => new AppError(StaffErrorCode.CounterSessionExpired, '会员识别已超过 10 分钟，请让顾客重新出示会员码'),
  counterSessionNotFound: () => new AppError(StaffErrorCode.CounterSessionNotFound, '未找到本店的会员识别记录，请重新扫描会员码'),
  /** Names the right store and nothing else about the order: staff of one store must not read another's orders. */
  wrongStore: (pickupStoreName: string) =>
    new AppError(StaffErrorCode.WrongStore, `该订单需到「${pickupStoreName}」自提，不能在本门店核销`, { pickupStoreName }),
  stateInvalid: (orderId: string, status: OrderStatus) =>
    new AppError(StaffErrorCode.StateInvalid, `订单当前状态为「${ORDER_STATUS_LABELS[status]}」，不能核销自提`, { orderId, status }),
  storeNotFound: (storeId: string) => new AppError(StaffErrorCode.StoreNotFound, '门店不存在', { storeId }),
  userNotFound: (openid: string) => new AppError(StaffErrorCode.UserNotFound, '该用户不存在，请确认对方已打开过小程序', { openid }),
};
