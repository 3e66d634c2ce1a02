import { createHash } from 'crypto';
import type { GuideCustomersView } from '../../../core/contracts/guide';
import type { MemberProfileDoc } from '../../../core/crm/profile';
import { maskNickname } from '../../../core/growth/code';
import type { Db } from '../../db';
import type { Caller } from '../../kit/types';
import { loadByIds } from '../catalog/records';
import { CrmCollections } from '../crm/records';
import { namesOf } from '../staff/people';
import { storeNames } from './codes';
import { guideErrors } from './errors';
import { GuideCollections, type GuideBindingDoc } from './records';

/** A row key that is not the openid (the page needs one for lists). */
export const rowKey = (openid: string): string => createHash('sha256').update(`guide-row:${openid}`).digest('hex').slice(0, 12);

/**
 * guide.myCustomers (staff): the caller's customers at one of their stores,
 * newest binding first: masked nickname, tier and tags (CRM profile, members
 * only), last purchase. One indexed query, then the profiles and names by id.
 */
export async function myGuideCustomers(db: Db, caller: Caller, storeId: string | undefined, limit: number): Promise<GuideCustomersView> {
  if (!caller.openid || caller.staffStoreIds.length === 0) throw guideErrors.notStaff();
  const store = storeId ?? caller.staffStoreIds[0];
  if (!caller.staffStoreIds.includes(store)) throw guideErrors.notStaff();
  const bindings = db.collection<GuideBindingDoc>(GuideCollections.bindings);
  const [{ data }, { total }, names] = await Promise.all([
    bindings.where({ guideId: caller.openid, storeId: store }).orderBy('boundAt', 'desc').limit(limit).get(),
    bindings.where({ guideId: caller.openid, storeId: store }).count(),
    storeNames(db, [store]),
  ]);
  const openids = data.map((b) => b.openid);
  const [profiles, people] = await Promise.all([loadByIds<MemberProfileDoc>(db, CrmCollections.profiles, openids), namesOf(db, openids)]);
  return {
    storeId: store,
    storeName: names.get(store) ?? '门店',
    total,
    items: data.map((b) => {
      const profile = profiles.get(b.openid);
      const last = Math.max(b.lastPurchaseAt ?? 0, profile?.lastPaidAt ?? 0);
      return {
        key: rowKey(b.openid),
        nickname: maskNickname(profile?.nickname || people.get(b.openid)?.nickname),
        tierName: profile?.isMember ? profile.tierName : null,
        tags: profile?.tags?.slice(0, 6) ?? [],
        lastPurchaseAt: last > 0 ? last : null,
        boundAt: b.boundAt,
        isMember: !!profile?.isMember,
      };
    }),
  };
}
