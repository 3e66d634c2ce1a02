import { StaffErrorCode } from '../../../core/contracts/staff';
import { AppError } from '../../../core/errors';
import type { OrderStatus } from '../../../core/order/status';
import { ORDER_STATUS_LABELS } from '../../../core/order/status';

export const staffErrors = {
  codeUnknown: () => new AppError(StaffErrorCode.CodeUnknown, '无法识别该码，请确认是会员码、自提码或优惠券码'),
  memberCodeInvalid: () => new AppError(StaffErrorCode.MemberCodeInvalid, '会员码无效或已过期，请让顾客刷新后重试'),
  wrongStore: (orderId: string, storeId: string | null) =>
    new AppError(StaffErrorCode.WrongStore, '该订单不在本门店自提', { orderId, pickupStoreId: storeId }),
  stateInvalid: (orderId: string, status: OrderStatus) =>
    new AppError(StaffErrorCode.StateInvalid, `订单当前状态为「${ORDER_STATUS_LABELS[status]}」，不能核销自提`, { orderId, status }),
  storeNotFound: (storeId: string) => new AppError(StaffErrorCode.StoreNotFound, '门店不存在', { storeId }),
};
