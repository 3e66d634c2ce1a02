import type { GroupDoc } from '../../../core/groupbuy/types';
import type { Transaction } from '../../db';
import { groupResultMessage } from './messages';
import { enqueueInTx } from './outbox';

/**
 * Tells the group's paid members of its result when the notice just
 * recorded is one (succeeded, succeeded by virtual completion, failed), in
 * the group's transaction. Other notices (opened, member paid) send nothing.
 */
export async function enqueueGroupResultInTx(tx: Transaction, groupId: string, group: GroupDoc, now: number): Promise<void> {
  const notice = group.notices[group.notices.length - 1];
  if (!notice || !['SUCCEEDED', 'SUCCEEDED_VIRTUAL', 'FAILED'].includes(notice.kind)) return;
  for (const openid of notice.audience) await enqueueInTx(tx, groupResultMessage(groupId, openid, notice.state, now), now);
}
