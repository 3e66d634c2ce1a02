/** Pages of the growth subpackage. */
export const INVITE_URL = '/packages/growth/invite/index'
export const MEMBER_TAB_URL = '/pages/member/index'
export const HOME_TAB_URL = '/pages/home/index'
