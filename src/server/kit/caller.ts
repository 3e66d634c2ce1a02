import type { Db } from '../db';
import type { Caller, Role } from './types';

/** Collection of granted roles: `_id` = openid, `{ roles: ('staff'|'operator')[], staffStoreIds: string[], updatedAt }`. */
export const ROLES_COLLECTION = 'roles';

export interface RoleRecord {
  roles: Array<'staff' | 'operator'>;
  staffStoreIds: string[];
  updatedAt: number;
}

const GRANTABLE: ReadonlySet<Role> = new Set<Role>(['staff', 'operator']);

export const systemCaller = (): Caller => ({ openid: null, roles: ['system'], staffStoreIds: [] });

/** Every signed-in openid is a customer, plus whatever its `roles` record grants. */
export async function loadCaller(db: Db, openid: string): Promise<Caller> {
  const { data } = await db.collection<Partial<RoleRecord>>(ROLES_COLLECTION).doc(openid).get();
  const record = data[0];
  const granted = Array.isArray(record?.roles) ? record.roles.filter((role): role is 'staff' | 'operator' => GRANTABLE.has(role)) : [];
  const roles: Role[] = ['customer', ...new Set(granted)];
  const staffStoreIds =
    roles.includes('staff') && Array.isArray(record?.staffStoreIds)
      ? [...new Set(record.staffStoreIds.filter((id): id is string => typeof id === 'string' && id !== ''))]
      : [];
  return { openid, roles, staffStoreIds };
}

/** A route's roles are alternatives: one match admits the caller. */
export function callerMayUse(caller: Caller, allowed: readonly Role[]): boolean {
  return caller.roles.some((role) => allowed.includes(role));
}
