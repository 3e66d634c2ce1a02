import type { Db } from '../../db';
import { findMemberById, type Member } from '../member/access';
import { MEMBER_CODE_PERIOD_MS, resolveMemberCode } from '../member/code';
import { memberCodeSecret } from '../member/code-secret';
import { staffErrors } from './errors';

export const MEMBER_CODE_PREFIX = 'M1.';

export const looksLikeMemberCode = (code: string): boolean => code.trim().startsWith(MEMBER_CODE_PREFIX);

/** The member of a genuine code of the current or previous window, or MEMBER_CODE_INVALID. */
export async function memberOfCode(db: Db, code: string, now: number): Promise<Member> {
  const memberId = resolveMemberCode(await memberCodeSecret(db, now), code, now);
  const member = memberId ? await findMemberById(db, memberId) : null;
  if (!member) throw staffErrors.memberCodeInvalid();
  return member;
}

/** The end of the code's acceptance: its own window and the next. */
export function memberCodeValidUntil(code: string): number {
  const window = Number(code.trim().split('.')[2]);
  return (window + 2) * MEMBER_CODE_PERIOD_MS;
}
