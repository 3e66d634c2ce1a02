import { call, currentOpenid, listDevUsers } from '../api'
import type { CallerOutput } from '../core/contracts/system'
import { isH5 } from './platform'

export interface Account {
  openid: string | null
  /** The demo identity's nickname on H5; WeChat gives no nickname without asking the user. */
  nickname: string
  roles: CallerOutput['roles']
}

/** The signed-in customer as the server sees them (`system.whoami`). */
export async function loadAccount(): Promise<Account> {
  const caller = await call('system', 'whoami', {})
  let nickname = '微信用户'
  if (isH5()) {
    // The nickname is decoration: a failing user list must not hide the account.
    const users = await listDevUsers().catch(() => [])
    nickname = users.find((u) => u.openid === (caller.openid ?? currentOpenid()))?.nickname ?? nickname
  }
  return { openid: caller.openid, nickname, roles: caller.roles }
}
