import { AppError } from '../errors';
import { LEADER_STATUS_LABELS, type LeaderStatus } from './leader';
import type { ActivityClosedReason } from './activity';

/** Stable codes of the community group-buy (社区团购). */
export const CommunityErrorCode = {
  LeaderNotFound: 'LEADER_NOT_FOUND',
  LeaderStateInvalid: 'LEADER_STATE_INVALID',
  LeaderNotApproved: 'LEADER_NOT_APPROVED',
  LeaderAlreadyApplied: 'LEADER_ALREADY_APPLIED',
  ActivityNotFound: 'COMMUNITY_ACTIVITY_NOT_FOUND',
  ActivityClosed: 'COMMUNITY_ACTIVITY_CLOSED',
  ActivityNotStarted: 'COMMUNITY_ACTIVITY_NOT_STARTED',
  ActivityInvalid: 'COMMUNITY_ACTIVITY_INVALID',
  SkuNotInActivity: 'COMMUNITY_SKU_NOT_IN_ACTIVITY',
  NotYourOrder: 'COMMUNITY_NOT_YOUR_ORDER',
  PickupCodeNotFound: 'PICKUP_CODE_NOT_FOUND',
  PickupStateInvalid: 'PICKUP_STATE_INVALID',
  StatementMonthOpen: 'STATEMENT_MONTH_OPEN',
} as const;

export const communityErrors = {
  leaderNotFound: () => new AppError(CommunityErrorCode.LeaderNotFound, '团长不存在'),
  notALeader: () => new AppError(CommunityErrorCode.LeaderNotFound, '你还不是团长，请先申请'),
  leaderNotApproved: (status: LeaderStatus) =>
    new AppError(CommunityErrorCode.LeaderNotApproved, `该团长当前「${LEADER_STATUS_LABELS[status]}」，暂不能接单`, { status }),
  alreadyApplied: (status: LeaderStatus) =>
    new AppError(CommunityErrorCode.LeaderAlreadyApplied, `你已提交过申请（${LEADER_STATUS_LABELS[status]}）`, { status }),
  activityNotFound: (activityId: string) => new AppError(CommunityErrorCode.ActivityNotFound, '社区团购活动不存在', { activityId }),
  activityClosed: (activityId: string, reason: ActivityClosedReason) =>
    reason === 'NOT_STARTED'
      ? new AppError(CommunityErrorCode.ActivityNotStarted, '活动尚未开始', { activityId })
      : new AppError(CommunityErrorCode.ActivityClosed, reason === 'CUT_OFF' ? '活动已截单，请关注下一期' : '活动已结束', { activityId, reason }),
  activityInvalid: (message: string, details?: Record<string, unknown>) => new AppError(CommunityErrorCode.ActivityInvalid, message, details),
  skuNotInActivity: (skuId: string) => new AppError(CommunityErrorCode.SkuNotInActivity, '该商品不在本期团购中', { skuId }),
  notYourOrder: () => new AppError(CommunityErrorCode.NotYourOrder, '这不是你自提点的订单'),
  pickupCodeNotFound: () => new AppError(CommunityErrorCode.PickupCodeNotFound, '取货码无效，请核对后重试'),
  pickupStateInvalid: (statusLabel: string) => new AppError(CommunityErrorCode.PickupStateInvalid, `订单当前「${statusLabel}」，不能核销`),
  statementMonthOpen: (month: string) => new AppError(CommunityErrorCode.StatementMonthOpen, `${month} 尚未结束，月底后再确认结算单`, { month }),
};
