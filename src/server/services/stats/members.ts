import { chinaDay } from '../../../core/points/china-day';
import type { Transaction } from '../../db';
import type { ServiceDeps } from '../order/deps';
import { addToRollupInTx } from './rollup-write';

/** A member was just created (in the caller's transaction): one more new member on the joining day. */
export async function recordNewMemberInTx(tx: Transaction, deps: ServiceDeps, openid: string, joinedAt: number): Promise<void> {
  await addToRollupInTx(tx, deps, chinaDay(joinedAt), `join:${openid}`, { newMembers: 1 }, joinedAt);
}
