import { call, currentOpenid, listDevUsers } from '../api'
import type { CallerOutput } from '../core/contracts/system'
import { isH5 } from './platform'

export interface Account {
  /** The member's nickname once joined; else the demo identity's on H5; else 微信用户. */
  nickname: string
  roles: CallerOutput['roles']
  /** Null until the customer joins (or when the card could not be read). */
  member: { tierName: string; points: number } | null
  /** Coupons usable now; null when unknown. */
  coupons: number | null
}

/**
 * The signed-in customer for the 我的 header: who the server says they are
 * (`system.whoami`), their member card and their usable coupons. The card and
 * the coupons are decoration: either failing leaves the header up.
 */
export async function loadAccount(): Promise<Account> {
  const [caller, card, coupons] = await Promise.all([
    call('system', 'whoami', {}),
    call('member', 'card', {}).catch(() => null),
    call('coupon', 'summary', {}).catch(() => null),
  ])
  const member = card?.joined ? card : null
  let nickname = member?.member.nickname || '微信用户'
  if (!member && isH5()) {
    // The nickname is decoration: a failing user list must not hide the account.
    const users = await listDevUsers().catch(() => [])
    nickname = users.find((u) => u.openid === (caller.openid ?? currentOpenid()))?.nickname ?? nickname
  }
  return {
    nickname,
    roles: caller.roles,
    member: member ? { tierName: member.tier.name, points: member.points.balance } : null,
    coupons: coupons ? coupons.available : null,
  }
}
