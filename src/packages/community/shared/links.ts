/** Page URLs of the community group-buy (社区团购) subpackage. */
export const COMMUNITY_ACTIVITIES_URL = '/packages/community/activities/index'
export const communityActivityUrl = (activityId: string): string => `/packages/community/activity/index?id=${encodeURIComponent(activityId)}`
export const LEADER_URL = '/packages/community/leader/index'
export const LEADER_APPLY_URL = '/packages/community/leader-apply/index'
export const leaderStatementUrl = (month?: string): string => `/packages/community/leader-statement/index${month ? `?month=${month}` : ''}`
