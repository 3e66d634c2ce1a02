import type { JoinInput } from '../../core/contracts/member'

export interface JoinDraft {
  nickname: string
  phone: string
  birthday: string
}

export type JoinProblems = Partial<Record<keyof JoinDraft, string>>

const PHONE = /^1[3-9]\d{9}$/

/**
 * The join form's checks before asking (the server checks them again:
 * src/core/contracts/member.ts JoinInput): a nickname of 1–20 characters, an
 * optional mainland mobile number, an optional birthday not after today.
 */
export function joinProblems(draft: JoinDraft, today: string): JoinProblems {
  const problems: JoinProblems = {}
  const nickname = draft.nickname.trim()
  if (!nickname) problems.nickname = '请填写昵称'
  else if (nickname.length > 20) problems.nickname = '昵称最多 20 个字'
  const phone = draft.phone.trim()
  if (phone && !PHONE.test(phone)) problems.phone = '手机号格式不正确'
  if (draft.birthday && draft.birthday > today) problems.birthday = '生日不能晚于今天'
  return problems
}

/** The join call's input: empty optional fields left out. */
export function joinInput(draft: JoinDraft): JoinInput {
  const phone = draft.phone.trim()
  return { nickname: draft.nickname.trim(), ...(phone ? { phone } : {}), ...(draft.birthday ? { birthday: draft.birthday } : {}) }
}
