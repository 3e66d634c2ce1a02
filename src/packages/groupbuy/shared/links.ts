/** Page URLs of the group-buy subpackage (src/packages/groupbuy), in one place. */
export const GROUPBUY_LIST_URL = '/packages/groupbuy/index/index'

export const activityUrl = (activityId: string): string => `/packages/groupbuy/activity/index?id=${encodeURIComponent(activityId)}`

/** The group's page: also the path a share carries. */
export const groupUrl = (groupId: string): string => `/packages/groupbuy/group/index?id=${encodeURIComponent(groupId)}`
