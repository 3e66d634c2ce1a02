import { AppError } from '../errors';
import type { GroupState } from '../contracts/groupbuy';

export interface ActivityIssue {
  field: string;
  message: string;
}

/** The refusals of group-buys, with the messages customers and operators read. */
export const groupBuyErrors = {
  activityInvalid: (issues: ActivityIssue[]) =>
    new AppError('ACTIVITY_INVALID', issues.map((i) => i.message).join('；') || '活动设置不正确', { issues }),
  activityNotFound: (activityId: string) => new AppError('ACTIVITY_NOT_FOUND', '拼团活动不存在', { activityId }),
  activityNotActive: (activityId: string) => new AppError('ACTIVITY_NOT_ACTIVE', '拼团活动未开始或已结束', { activityId }),
  activityClosed: (activityId: string) => new AppError('ACTIVITY_CLOSED', '活动已结束或已停止，不能再修改', { activityId }),
  groupNotFound: (groupId: string) => new AppError('GROUP_NOT_FOUND', '拼团不存在', { groupId }),
  groupFull: (groupId: string) => new AppError('GROUP_FULL', '来晚了，这个团已经满员', { groupId }),
  groupClosed: (groupId: string, state: GroupState) => new AppError('GROUP_CLOSED', '这个团已结束', { groupId, state }),
  alreadyInGroup: (groupId: string) => new AppError('ALREADY_IN_GROUP', '你已经在这个团里了', { groupId }),
  limitExceeded: (activityId: string, limit: number) =>
    new AppError('LIMIT_EXCEEDED', `本活动每人限参团 ${limit} 次`, { activityId, limit }),
};
