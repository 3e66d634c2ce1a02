import { GuideErrorCode } from '../../../core/contracts/guide';
import { AppError } from '../../../core/errors';

export const guideErrors = {
  notFound: () => new AppError(GuideErrorCode.NotFound, '导购码无效或已失效'),
  self: () => new AppError(GuideErrorCode.Self, '不能绑定自己为导购'),
  alreadyBound: (rebindAt: number | null) =>
    new AppError(GuideErrorCode.AlreadyBound, '你已有专属导购', rebindAt === null ? undefined : { rebindAt }),
  notStaff: () => new AppError(GuideErrorCode.NotStaff, '你还不是门店员工，无法使用导购功能'),
};
