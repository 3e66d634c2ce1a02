import { GrowthErrorCode } from '../../../core/contracts/growth';
import { AppError } from '../../../core/errors';

export const growthErrors = {
  notFound: () => new AppError(GrowthErrorCode.InviteNotFound, '邀请码无效或已失效'),
  self: () => new AppError(GrowthErrorCode.InviteSelf, '不能接受自己的邀请'),
  alreadyMember: () => new AppError(GrowthErrorCode.InviteAlreadyMember, '你已经是会员了，邀请仅对新朋友有效'),
  alreadyBound: () => new AppError(GrowthErrorCode.InviteAlreadyBound, '你已接受过其他好友的邀请'),
};
