import { memberCodeWindowLive, memberCodeWindowOf, normaliseMemberNumericCode } from '../../../core/member/code-format';
import { DbError, DbErrorCode, type Db } from '../../db';
import { numericMemberCodeFor } from './code';

export const MEMBER_CODES_COLLECTION = 'member_codes';
/** Digits found taken by another member's code: try the next derivation this many times. */
const MAX_ATTEMPTS = 5;

/**
 * `member_codes/{memberId}:{window % 2}`: the numeric code a member was shown
 * in a window. Two slots a member, so the previous window's code stays
 * readable while it is still accepted, and a slot is reused two windows on
 * (the collection never grows past two documents a member). `digits` is
 * unique (schema.ts): no two members hold the same digits, live or stale.
 */
export interface MemberNumericCodeDoc {
  digits: string;
  memberId: string;
  window: number;
  updatedAt: number;
}

const slotOf = (memberId: string, window: number): string => `${memberId}:${window % 2}`;

/** The member's numeric code for the current window, recorded so staff can type it. One write. */
export async function issueNumericMemberCode(db: Db, secret: string, memberId: string, now: number): Promise<string> {
  const window = memberCodeWindowOf(now);
  const slot = db.collection<MemberNumericCodeDoc>(MEMBER_CODES_COLLECTION).doc(slotOf(memberId, window));
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const digits = numericMemberCodeFor(secret, memberId, window, attempt);
    try {
      await slot.set({ digits, memberId, window, updatedAt: now });
      return digits;
    } catch (error) {
      if (!(error instanceof DbError && error.code === DbErrorCode.DuplicateKey)) throw error;
    }
  }
  throw new Error(`no free numeric member code for ${memberId} after ${MAX_ATTEMPTS} attempts`);
}

/** The member id a typed numeric code was issued to, while it is accepted (its window and the next); else null. */
export async function resolveNumericMemberCode(db: Db, typed: string, now: number): Promise<string | null> {
  const digits = normaliseMemberNumericCode(typed);
  if (!digits) return null;
  const { data } = await db.collection<MemberNumericCodeDoc>(MEMBER_CODES_COLLECTION).where({ digits }).limit(1).get();
  const issued = data[0];
  return issued && memberCodeWindowLive(issued.window, now) ? issued.memberId : null;
}
