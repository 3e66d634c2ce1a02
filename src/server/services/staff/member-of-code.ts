import type { ScannedMember } from '../../../core/contracts/staff';
import type { Db } from '../../db';
import type { Caller } from '../../kit/types';
import type { Member } from '../member/access';
import { memberOfAnyCode, summaryOfMember } from '../member/member-code';
import type { ServiceDeps } from '../order/deps';
import { auditingRefusals, writeAudit } from './audit';
import { openCounterSession } from './counter-session';
import { staffErrors } from './errors';

/** A member code in either spelling: the QR payload (`M1.`) or the 18 digits typed from under it. */
export { looksLikeMemberCode } from '../../../core/member/code-format';

/** The member of a live code (the QR payload or the typed digits), or MEMBER_CODE_INVALID. */
export async function memberOfCode(db: Db, code: string, now: number): Promise<Member> {
  const member = await memberOfAnyCode(db, code, now);
  if (!member) throw staffErrors.memberCodeInvalid();
  return member;
}

/**
 * Staff scanned or typed a member code: who it is, and a counter session of
 * ten minutes for this staff member, store and member, in which the purchase
 * is recorded without a fresh code. Audited (staff saw a member's points).
 */
export async function scannedMember(deps: ServiceDeps, caller: Caller, code: string, storeId: string): Promise<ScannedMember> {
  const now = deps.now();
  const staffOpenid = caller.openid ?? '';
  const entry = { staffOpenid, storeId, action: 'scan' as const, at: now };
  const member = await auditingRefusals(deps.db, { ...entry, target: 'member' }, () => memberOfCode(deps.db, code, now));
  const [summary, session] = await Promise.all([summaryOfMember(deps.db, member), openCounterSession(deps.db, staffOpenid, storeId, member, now)]);
  await writeAudit(deps.db, { ...entry, target: member.memberId, result: 'ok' });
  return { kind: 'member', member: summary, session };
}
