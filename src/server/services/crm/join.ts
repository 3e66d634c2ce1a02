import type { MemberProfileDoc } from '../../../core/crm/profile';
import type { Transaction } from '../../db';
import type { MemberDoc } from '../member/records';
import { boundChannelOfInTx } from './bound-channel';
import { deriveContextInTx } from './context';
import { freshProfile, memberFactsOfDoc } from './derive';
import { CrmCollections } from './records';

/**
 * In the joining transaction: the new member's profile (no orders yet; a
 * customer who paid before joining is caught up by `rebuildProfileOf` right
 * after the join, see member/join).
 */
export async function createProfileOnJoinInTx(tx: Transaction, member: MemberDoc, now: number): Promise<void> {
  const ref = tx.collection<MemberProfileDoc>(CrmCollections.profiles).doc(member.openid);
  if ((await ref.get()).data) return;
  const profile = freshProfile(memberFactsOfDoc(member), await deriveContextInTx(tx, now));
  // An invite or a guide that bound the customer before they joined (crm/bound-channel).
  const bound = await boundChannelOfInTx(tx, member.openid);
  await ref.set(bound ? { ...profile, boundChannel: bound, channel: bound } : profile);
}
