import { ApiError, call } from '../../../api'
import type { InviteCodeView, InvitesView } from '../../../core/contracts/growth'

export type InvitePageData = { kind: 'member'; code: InviteCodeView; invites: InvitesView } | { kind: 'notMember' }

/** The member's code and their invitees; a customer who has not joined is asked to join first. */
export async function loadInvitePage(): Promise<InvitePageData> {
  try {
    const [code, invites] = await Promise.all([call('growth', 'inviteCode', {}), call('growth', 'invites', {})])
    return { kind: 'member', code, invites }
  } catch (error) {
    if (error instanceof ApiError && error.code === 'NOT_A_MEMBER') return { kind: 'notMember' }
    throw error
  }
}

/** One side's reward in words: "200 积分 + 满50减5". */
export function rewardText(points: number, coupon: string | null): string {
  const parts = [points > 0 ? `${points} 积分` : '', coupon ?? ''].filter(Boolean)
  return parts.length > 0 ? parts.join(' + ') : '暂无奖励'
}

export const formatDay = (ms: number): string => {
  const d = new Date(ms + 8 * 3_600_000)
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`
}
