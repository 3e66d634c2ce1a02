import { LiveErrorCode } from '../../../core/contracts/live';
import { AppError } from '../../../core/errors';

export const liveErrors = {
  roomNotFound: (roomId: string) => new AppError(LiveErrorCode.RoomNotFound, '直播间不存在', { roomId }),
  remindClosed: (roomId: string) => new AppError(LiveErrorCode.RemindClosed, '直播已开始或已结束，无需预约', { roomId }),
};
