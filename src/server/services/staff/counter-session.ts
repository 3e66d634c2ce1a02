import { createHash } from 'crypto';
import type { CounterSessionView } from '../../../core/contracts/staff';
import type { Db } from '../../db';
import { findMemberById, type Member } from '../member/access';
import { staffErrors } from './errors';
import { StaffCollections } from './records';

/** How long staff who looked a member up may record the purchase without a fresh code. */
export const COUNTER_SESSION_MS = 10 * 60_000;

/**
 * `staff_counter_sessions/{sessionId}`: one staff member, at one store, with
 * one member. The id is derived from the three, so a re-scan of the same
 * member moves the same session on (the panel keeps its form) and there is
 * at most one document per staff member, store and member.
 */
export interface CounterSessionDoc {
  staffOpenid: string;
  storeId: string;
  memberId: string;
  openid: string;
  startedAt: number;
  expiresAt: number;
}

export function counterSessionId(staffOpenid: string, storeId: string, memberId: string): string {
  return `cs_${createHash('sha256').update(`${staffOpenid}\u0000${storeId}\u0000${memberId}`).digest('base64url').slice(0, 32)}`;
}

/** Opens (or moves on) the caller's session with `member`: ten minutes from now. One write. */
export async function openCounterSession(db: Db, staffOpenid: string, storeId: string, member: Member, now: number): Promise<CounterSessionView> {
  const sessionId = counterSessionId(staffOpenid, storeId, member.memberId);
  const doc: CounterSessionDoc = { staffOpenid, storeId, memberId: member.memberId, openid: member.openid, startedAt: now, expiresAt: now + COUNTER_SESSION_MS };
  await db.collection<CounterSessionDoc>(StaffCollections.counterSessions).doc(sessionId).set(doc);
  return { sessionId, expiresAt: doc.expiresAt, ttlMs: COUNTER_SESSION_MS };
}

/**
 * The member of the caller's live session at this store: another staff
 * member's or another store's session is COUNTER_SESSION_NOT_FOUND (the id
 * is not a bearer token), a session past its ten minutes COUNTER_SESSION_EXPIRED.
 */
export async function memberOfCounterSession(db: Db, sessionId: string, staffOpenid: string, storeId: string, now: number): Promise<Member> {
  const { data } = await db.collection<CounterSessionDoc>(StaffCollections.counterSessions).doc(sessionId).get();
  const session = data[0];
  if (!session || session.staffOpenid !== staffOpenid || session.storeId !== storeId) throw staffErrors.counterSessionNotFound();
  if (now >= session.expiresAt) throw staffErrors.counterSessionExpired();
  const member = await findMemberById(db, session.memberId);
  if (!member) throw staffErrors.memberCodeInvalid();
  return member;
}
