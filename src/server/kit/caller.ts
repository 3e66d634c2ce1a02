import type { Db } from '../db';
import { instanceCache, type InstanceCache } from './instance-cache';
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

/** How long this instance trusts a role record it read: a grant or revoke made elsewhere is seen within it. */
export const ROLE_CACHE_TTL_MS = 5_000;

const roleCacheOptions = { collection: ROLES_COLLECTION, ttlMs: ROLE_CACHE_TTL_MS, maxEntries: 10_000 } as const;

function roleCache(db: Db): InstanceCache<Caller> {
  return instanceCache<Caller>(db, 'roles', roleCacheOptions);
}

/**
 * The caller of every request: `loadCaller` through the instance's role cache
 * (kit/instance-cache.ts). Role changes are rare and CloudBase bills every
 * read, so a record is read at most once per TTL per instance; a grant or
 * revoke made through this instance (`forgetCachedCaller`, and locally every
 * write of `roles`) is seen at once. Each call gets its own copy.
 */
export async function cachedCaller(db: Db, openid: string, now: number): Promise<Caller> {
  const caller = await roleCache(db).load(openid, now, () => loadCaller(db, openid));
  return { openid: caller.openid, roles: [...caller.roles], staffStoreIds: [...caller.staffStoreIds] };
}

/** After changing `openid`'s role record (or all of them): this instance reads it again on the next call. */
export function forgetCachedCaller(db: Db, openid?: string): void {
  if (openid === undefined) roleCache(db).forgetAll();
  else roleCache(db).forget(openid);
}

/** Every signed-in openid is a customer, plus whatever its `roles` record grants (always read; see cachedCaller). */
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
