import type { ActivityPhase, GroupBuyActivityView } from '../../../core/contracts/groupbuy'

/** Why no group can be opened now, per phase (null: ACTIVE). */
export const PHASE_BLOCKS: Record<ActivityPhase, string | null> = {
  SCHEDULED: '活动未开始',
  ACTIVE: null,
  ENDED: '活动已结束',
  STOPPED: '活动已结束'
}

/** 24 小时 / 90 分钟 / 1 天 12 小时. */
export function durationLabel(minutes: number): string {
  if (minutes < 60) return `${minutes} 分钟`
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  if (hours < 48 || hours % 24 !== 0) return rest > 0 ? `${hours} 小时 ${rest} 分钟` : `${hours} 小时`
  return `${hours / 24} 天`
}

/** The rules in one line each, as the customer reads them. */
export function ruleLines(activity: GroupBuyActivityView): string[] {
  const lines = [
    `支付后开团，${durationLabel(activity.timeLimitMinutes)}内邀请好友凑满 ${activity.groupSize} 人即拼团成功`,
    activity.virtualCompletion ? '到时未凑满人数时，系统将自动为你成团' : '到时未凑满人数则拼团失败，款项将原路退回',
    `每人限参与 ${activity.perMemberLimit} 次`
  ]
  if (activity.leaderPrice < activity.groupPrice) lines.splice(1, 0, '团长享专属优惠价')
  return lines
}
