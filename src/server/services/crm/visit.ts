import type { MemberProfileDoc } from '../../../core/crm/profile';
import { chinaDay } from '../../../core/points/china-day';
import type { ServiceDeps } from '../order/deps';
import { transact } from '../order/transact';
import { CrmCollections, type VisitDoc } from './records';

/**
 * member.visit (sent when the app opens): one record a member a day and the
 * profile's last visit; a second open that day writes nothing. Customers who
 * have not joined are not recorded.
 */
export async function recordVisit(deps: ServiceDeps, openid: string): Promise<{ recorded: boolean; day: string }> {
  const now = deps.now();
  const day = chinaDay(now);
  const recorded = await transact(deps.db, async (tx) => {
    const visitRef = tx.collection<VisitDoc>(CrmCollections.visits).doc(`${openid}:${day}`);
    if ((await visitRef.get()).data) return false;
    const profileRef = tx.collection<MemberProfileDoc>(CrmCollections.profiles).doc(openid);
    if (!(await profileRef.get()).data) return false;
    await visitRef.set({ openid, day, at: now });
    await profileRef.update({ lastVisitAt: now });
    return true;
  });
  return { recorded, day };
}
