import type { StaffRoleResult } from '../../../core/contracts/staff';
import type { Db } from '../../db';
import { forgetCachedCaller, ROLES_COLLECTION, type RoleRecord } from '../../kit/caller';
import type { ServiceDeps } from '../order/deps';
import { transact } from '../order/transact';
import { CatalogCollections } from '../catalog/records';
import { MemberCollections } from '../member/records';
import { writeAuditInTx } from './audit';
import { staffErrors } from './errors';

type Change = 'grantStaff' | 'revokeStaff';

/**
 * An operator makes `openid` staff of `storeId` (grant) or takes that store
 * away (revoke; the staff role goes with the last store). The role record and
 * the audit entry are written together; other roles (operator) are kept.
 * A grant names a real store and a real person (USER_NOT_FOUND otherwise:
 * a typo must not create a role record nobody can use); a revoke of someone
 * without a role record writes only the audit entry.
 */
export async function changeStaffRole(deps: ServiceDeps, operator: string, change: Change, openid: string, storeId: string): Promise<StaffRoleResult> {
  const now = deps.now();
  if (change === 'grantStaff') {
    if (!(await storeExists(deps.db, storeId))) throw staffErrors.storeNotFound(storeId);
    if (!(await userExists(deps.db, openid))) throw staffErrors.userNotFound(openid);
  }
  const result = await transact(deps.db, async (tx) => {
    const ref = tx.collection<Partial<RoleRecord>>(ROLES_COLLECTION).doc(openid);
    const current = (await ref.get()).data;
    const next = change === 'grantStaff' ? granted(current, storeId) : revoked(current, storeId);
    if (current || change === 'grantStaff') await ref.set({ ...next, updatedAt: now });
    await writeAuditInTx(tx, { staffOpenid: operator, storeId, action: change, target: openid, result: 'ok', at: now });
    return { openid, roles: next.roles, staffStoreIds: next.staffStoreIds };
  });
  // This instance's role cache (kit/caller.ts) answers the change from the next call on; other instances within its TTL.
  forgetCachedCaller(deps.db, openid);
  return result;
}

type Roles = Pick<RoleRecord, 'roles' | 'staffStoreIds'>;

function existing(record: Partial<RoleRecord> | null): Roles {
  return {
    roles: Array.isArray(record?.roles) ? record.roles.filter((r) => r === 'staff' || r === 'operator') : [],
    staffStoreIds: Array.isArray(record?.staffStoreIds) ? record.staffStoreIds.filter((id) => typeof id === 'string') : [],
  };
}

function granted(record: Partial<RoleRecord> | null, storeId: string): Roles {
  const { roles, staffStoreIds } = existing(record);
  return {
    roles: roles.includes('staff') ? roles : [...roles, 'staff'],
    staffStoreIds: staffStoreIds.includes(storeId) ? staffStoreIds : [...staffStoreIds, storeId],
  };
}

/** Revoking a store the person does not serve changes nothing (still audited). */
function revoked(record: Partial<RoleRecord> | null, storeId: string): Roles {
  const { roles, staffStoreIds } = existing(record);
  const stores = staffStoreIds.filter((id) => id !== storeId);
  return { roles: stores.length > 0 ? roles : roles.filter((r) => r !== 'staff'), staffStoreIds: stores };
}

async function storeExists(db: Db, storeId: string): Promise<boolean> {
  const { data } = await db.collection(CatalogCollections.stores).doc(storeId).get();
  return data.length > 0;
}

/** Someone we know: signed in (`users`), joined as a member, or holding a role already. */
async function userExists(db: Db, openid: string): Promise<boolean> {
  for (const name of [MemberCollections.members, 'users', ROLES_COLLECTION]) {
    if ((await db.collection(name).doc(openid).get()).data.length > 0) return true;
  }
  return false;
}
