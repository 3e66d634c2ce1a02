import type { Db, Transaction } from '../../db';
import { memberErrors } from './errors';
import { MemberCollections, type MemberDoc } from './records';

export type Member = MemberDoc & { _id: string };

export async function loadMember(db: Db, openid: string): Promise<Member | null> {
  const { data } = await db.collection<MemberDoc>(MemberCollections.members).doc(openid).get();
  return data[0] ?? null;
}

/** The caller's member record, or NOT_A_MEMBER. */
export async function requireMember(db: Db, openid: string): Promise<Member> {
  const member = await loadMember(db, openid);
  if (!member) throw memberErrors.notAMember();
  return member;
}

export async function readMemberInTx(tx: Transaction, openid: string): Promise<Member | null> {
  return (await tx.collection<MemberDoc>(MemberCollections.members).doc(openid).get()).data;
}

export async function findMemberById(db: Db, memberId: string): Promise<Member | null> {
  const { data } = await db.collection<MemberDoc>(MemberCollections.members).where({ memberId }).limit(1).get();
  return data[0] ?? null;
}
