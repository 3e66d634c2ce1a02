import type { ExpireGroupsReport } from '../../../core/contracts/groupbuy';
import { expiryEvent, nextGroupState } from '../../../core/groupbuy/state';
import type { GroupDoc } from '../../../core/groupbuy/types';
import { readOrderInTx } from '../order/access';
import type { ServiceDeps } from '../order/deps';
import { forEachDue } from '../order/due-sweep';
import { transact } from '../order/transact';
import { enqueueGroupResultInTx } from '../notify/group-hooks';
import { markOrdersInTx, refundGroupOrderInTx, refundSeatInTx, releaseSeatInTx, withNotice, writeGroupInTx } from './group-tx';
import { GroupBuyCollections, groupRef } from './records';

export interface GroupClosed {
  state: 'FAILED' | 'SUCCEEDED_VIRTUAL';
  refundsDue: number;
}

/**
 * Timer `expireGroups` (the function's one trigger, every minute): closes
 * OPEN groups past their deadline, each in its own transaction that re-reads
 * the group, so two runs at once (or a payment at that moment) close it once.
 */
export async function expireGroups(deps: ServiceDeps, filter: { activityId?: string } = {}): Promise<ExpireGroupsReport> {
  const report: ExpireGroupsReport = { scanned: 0, failed: 0, succeededVirtual: 0, refundsDue: 0 };
  const due = {
    collection: GroupBuyCollections.groups,
    where: () => ({ ...filter, state: 'OPEN', expiresAt: deps.db.command.lte(deps.now()) }),
    orderBy: 'expiresAt',
    batch: 50,
    maxBatches: 5,
  };
  await forEachDue(deps.db, due, async (groupId) => {
    report.scanned += 1;
    try {
      const closed = await closeGroupIfDue(deps, groupId);
      if (closed?.state === 'FAILED') report.failed += 1;
      if (closed?.state === 'SUCCEEDED_VIRTUAL') report.succeededVirtual += 1;
      report.refundsDue += closed?.refundsDue ?? 0;
    } catch (error) {
      deps.log.error('expireGroups: could not close group', { groupId, error });
    }
  });
  if (report.scanned > 0) deps.log.info('expireGroups', { ...report });
  return report;
}

/**
 * One OPEN group past its deadline, in one transaction: unpaid seats are
 * released (their orders, whose payment window ended by the deadline, are
 * cancelled by the order sweep); then either the group completes virtually
 * (paid orders move on to fulfilment) or it FAILS and every paid member's
 * order goes REFUNDING with its refund recorded as due, once. Null when the
 * group is not (or no longer) due.
 */
export async function closeGroupIfDue(deps: ServiceDeps, groupId: string): Promise<GroupClosed | null> {
  const closed = await transact(deps.db, async (tx): Promise<GroupClosed | null> => {
    const now = deps.now();
    const group = (await groupRef(tx, groupId).get()).data;
    if (!group || group.state !== 'OPEN' || group.expiresAt === null || group.expiresAt > now) return null;
    const event = expiryEvent(group);
    const state = nextGroupState(group.state, event) as GroupClosed['state'];

    let next: GroupDoc = group;
    for (const member of group.members.filter((m) => !m.paid)) {
      next = (await releaseSeatInTx(tx, deps, next, member.orderId, now)) ?? next;
    }
    const paidOrderIds = next.members.filter((m) => m.paid).map((m) => m.orderId);
    let refundsDue = 0;
    if (state === 'SUCCEEDED_VIRTUAL') {
      next = { ...next, state, virtualMembers: next.size - next.paid, succeededAt: now };
      await markOrdersInTx(tx, paidOrderIds, state, now);
    } else {
      next = { ...next, state, failedAt: now };
      for (const orderId of paidOrderIds) {
        await refundSeatInTx(tx, deps, orderId, now);
        const order = await readOrderInTx(tx, orderId);
        if (order && (await refundGroupOrderInTx(tx, deps, order, 'GROUP_FAILED', state, now))) refundsDue += 1;
      }
    }
    next = withNotice({ ...next, closedAt: now, updatedAt: now }, state === 'FAILED' ? 'FAILED' : 'SUCCEEDED_VIRTUAL', now);
    await writeGroupInTx(tx, groupId, next);
    await enqueueGroupResultInTx(tx, groupId, next, now);
    return { state, refundsDue };
  });
  // Logged after the commit: the callback may run more than once.
  if (closed) deps.log.info('group closed', { groupId, ...closed });
  return closed;
}
