/** Page URLs of the member subpackage (src/packages/member), in one place. */
export const MEMBER_TAB_URL = '/pages/member/index'
export const MEMBER_CODE_URL = '/packages/member/code/index'
export const CHECKIN_URL = '/packages/member/checkin/index'

export type PointsFilter = 'all' | 'earn' | 'spend'

export const pointsUrl = (filter?: PointsFilter): string => (filter && filter !== 'all' ? `/packages/member/points/index?filter=${filter}` : '/packages/member/points/index')
