import { AppError } from '../../../core/errors';
import { PointsErrorCode } from '../../../core/contracts/points';

export const pointsErrors = {
  insufficient: (balance: number, needed: number) =>
    new AppError(PointsErrorCode.InsufficientPoints, `积分不足：需要 ${needed}，当前 ${balance}`, { balance, needed }),
  cursorInvalid: () => new AppError(PointsErrorCode.CursorInvalid, '分页参数已失效，请刷新后重试'),
};
