import type { BindInviteView } from '../../../core/contracts/growth';
import { maskNickname } from '../../../core/growth/code';
import type { Transaction } from '../../db';
import { bindAcquisitionChannelInTx } from '../crm/bound-channel';
import { loadMember, readMemberInTx } from '../member/access';
import type { ServiceDeps } from '../order/deps';
import { refuse, transact } from '../order/transact';
import { ownerOfCode } from './codes';
import { growthErrors } from './errors';
import { GrowthCollections, type InviteDoc } from './records';

/**
 * growth.bindInvite: the opener of an invite link becomes the inviter's
 * invitee, at first sign-in. First touch wins and is never re-bound: the
 * binding is one document keyed by the invitee's openid, created in a
 * transaction, so two different invites opened at once end with one binding
 * (the other answers INVITE_ALREADY_BOUND). The same code again answers the
 * same binding. Refusals, in this order: INVITE_NOT_FOUND (also a malformed
 * code, or an inviter who is not a member), INVITE_SELF,
 * INVITE_ALREADY_MEMBER (the opener joined before this binding),
 * INVITE_ALREADY_BOUND. The acquisition channel (CRM) is set in the same
 * transaction.
 */
export async function bindInvite(deps: ServiceDeps, openid: string, rawCode: string): Promise<BindInviteView> {
  const owner = await ownerOfCode(deps.db, rawCode);
  if (!owner) throw growthErrors.notFound();
  if (owner.openid === openid) throw growthErrors.self();
  const now = deps.now();

  const boundNow = await transact(deps.db, async (tx) => {
    if (!(await readMemberInTx(tx, owner.openid))) return refuse(growthErrors.notFound());
    const ref = tx.collection<InviteDoc>(GrowthCollections.invites).doc(openid);
    const existing = (await ref.get()).data;
    if (existing && existing.inviter === owner.openid) return false;
    if (await readMemberInTx(tx, openid)) return refuse(growthErrors.alreadyMember());
    if (existing) return refuse(growthErrors.alreadyBound());
    await createBindingInTx(tx, { invitee: openid, inviter: owner.openid, code: owner.code }, now);
    return true;
  });
  const inviter = await loadMember(deps.db, owner.openid);
  if (boundNow) deps.log.info('invite bound', { code: owner.code });
  return { bound: true, inviter: maskNickname(inviter?.nickname), boundNow };
}

async function createBindingInTx(tx: Transaction, who: { invitee: string; inviter: string; code: string }, now: number): Promise<void> {
  const doc: InviteDoc = {
    ...who,
    state: 'bound',
    boundAt: now,
    orderId: null,
    orderPaidAt: null,
    dueAt: null,
    rewardedAt: null,
    rewards: null,
    updatedAt: now,
  };
  await tx.collection<InviteDoc>(GrowthCollections.invites).doc(who.invitee).set(doc);
  await bindAcquisitionChannelInTx(tx, who.invitee, 'invite', now);
}
