/** The operators' community group-buy (社区团购) pages. */
export const OPS_COMMUNITY_LEADERS_URL = '/packages/ops/community-leaders/index'
export const OPS_COMMUNITY_ACTIVITIES_URL = '/packages/ops/community-activities/index'
export const OPS_COMMUNITY_SALES_URL = '/packages/ops/community-sales/index'
export const opsCommunityActivityFormUrl = (activityId?: string): string =>
  `/packages/ops/community-activity-form/index${activityId ? `?id=${encodeURIComponent(activityId)}` : ''}`
export const opsCommunityStatementUrl = (leaderId: string, month?: string): string =>
  `/packages/ops/community-statement/index?leaderId=${encodeURIComponent(leaderId)}${month ? `&month=${month}` : ''}`
