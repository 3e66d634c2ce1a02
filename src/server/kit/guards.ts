import { kitErrors } from './kit-errors';
import type { Caller } from './types';

/** For handlers of store-scoped staff actions: only staff of that store (FORBIDDEN otherwise). */
export function requireStaffOfStore(caller: Caller, storeId: string): void {
  if (!caller.roles.includes('staff') || !caller.staffStoreIds.includes(storeId)) throw kitErrors.forbidden();
}

/** For handlers reading or changing a customer's own record (FORBIDDEN otherwise). */
export function requireOwner(caller: Caller, ownerOpenid: string): void {
  if (caller.openid === null || caller.openid !== ownerOpenid) throw kitErrors.forbidden();
}
