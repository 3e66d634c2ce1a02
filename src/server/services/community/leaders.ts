import type { AdminLeaderView, MyLeaderView } from '../../../core/contracts/community';
import { communityErrors } from '../../../core/community/errors';
import { LEADER_STATUS_LABELS, leaderEventTarget, nextLeaderStatus, transitionLeader, type LeaderEvent, type LeaderStatus } from '../../../core/community/leader';
import type { LeaderDoc, PickupPoint } from '../../../core/community/types';
import type { WithId } from '../../db';
import type { ServiceDeps } from '../order/deps';
import { refuse, transact } from '../order/transact';
import { AppError, isAppError } from '../../../core/errors';
import { CommunityCollections, leaderIdOf, loadLeader } from './records';

export function myLeaderView(leader: WithId<LeaderDoc>): MyLeaderView {
  return {
    leaderId: leader._id,
    realName: leader.realName,
    status: leader.status,
    statusLabel: LEADER_STATUS_LABELS[leader.status],
    reason: leader.reason,
    point: leader.point,
    appliedAt: leader.appliedAt,
  };
}

/**
 * A customer applies to be a leader with their pickup point. One document per
 * person (`leaderIdOf`), written in a transaction: a pending application is
 * updated, a rejected one applies again (rejected → applied); an approved or
 * suspended leader is refused LEADER_ALREADY_APPLIED.
 */
export async function applyLeader(deps: ServiceDeps, openid: string, input: { realName: string; point: PickupPoint }): Promise<MyLeaderView> {
  const leaderId = leaderIdOf(openid);
  const now = deps.now();
  const leader = await transact(deps.db, async (tx) => {
    const ref = tx.collection<LeaderDoc>(CommunityCollections.leaders).doc(leaderId);
    const current = (await ref.get()).data;
    if (!current) {
      const doc: LeaderDoc = {
        openid,
        realName: input.realName,
        point: input.point,
        status: 'APPLIED',
        reason: null,
        appliedAt: now,
        reviewedAt: null,
        reviewedBy: null,
        history: [{ event: 'apply', from: null, to: 'APPLIED', at: now, by: 'customer' }],
        updatedAt: now,
      };
      await ref.set(doc);
      return { ...doc, _id: leaderId };
    }
    if (current.status === 'APPLIED') {
      const patch = { realName: input.realName, point: input.point, updatedAt: now };
      await ref.update(patch);
      return { ...current, ...patch };
    }
    if (current.status === 'REJECTED') {
      const patch = {
        realName: input.realName,
        point: input.point,
        status: 'APPLIED' as const,
        reason: null,
        appliedAt: now,
        history: [...current.history, { event: 'reapply', from: current.status, to: 'APPLIED' as const, at: now, by: 'customer' }],
        updatedAt: now,
      };
      await ref.update(patch);
      return { ...current, ...patch };
    }
    return refuse(communityErrors.alreadyApplied(current.status));
  });
  return myLeaderView(leader);
}

export async function myLeader(deps: ServiceDeps, openid: string): Promise<MyLeaderView | null> {
  const leader = await loadLeader(deps.db, leaderIdOf(openid));
  return leader ? myLeaderView(leader) : null;
}

/** Applications and leaders for the operators' review list: by status, newest application first (200 at most). */
export async function listLeaders(deps: ServiceDeps, status?: LeaderStatus): Promise<AdminLeaderView[]> {
  const query = deps.db.collection<LeaderDoc>(CommunityCollections.leaders).where(status ? { status } : {});
  const { data } = await query.orderBy('appliedAt', 'desc').limit(200).get();
  return data.map((leader) => ({ ...myLeaderView(leader), reviewedAt: leader.reviewedAt }));
}

/**
 * An operator approves or rejects an application, suspends or resumes a
 * leader (core/community/leader), recorded in the leader's history in the
 * same write. A repeat of the event that already took effect answers the
 * leader unchanged (approve twice: one approval).
 */
export async function reviewLeader(
  deps: ServiceDeps,
  operator: string,
  input: { leaderId: string; event: LeaderEvent; reason: string },
): Promise<AdminLeaderView> {
  const now = deps.now();
  const leader = await transact(deps.db, async (tx) => {
    const ref = tx.collection<LeaderDoc>(CommunityCollections.leaders).doc(input.leaderId);
    const current = (await ref.get()).data;
    if (!current) return refuse(communityErrors.leaderNotFound());
    const next = nextLeaderStatus(current.status, input.event);
    if (!next) {
      if (current.status === leaderEventTarget(input.event)) return { ...current, _id: input.leaderId };
      return refuse(leaderStateInvalid(current.status, input.event));
    }
    const reason = input.event === 'reject' || input.event === 'suspend' ? input.reason : null;
    const patch = {
      status: next,
      reason,
      reviewedAt: now,
      reviewedBy: operator,
      history: [...current.history, { event: input.event, from: current.status, to: next, at: now, by: operator, reason }],
      updatedAt: now,
    };
    await ref.update(patch);
    return { ...current, ...patch, _id: input.leaderId };
  });
  return { ...myLeaderView(leader), reviewedAt: leader.reviewedAt };
}

function leaderStateInvalid(status: LeaderStatus, event: LeaderEvent): AppError {
  try {
    transitionLeader(status, event);
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error(`leader ${event} from ${status} was expected to be refused`);
}
