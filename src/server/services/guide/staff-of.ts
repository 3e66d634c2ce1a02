import type { Db, Transaction } from '../../db';
import { ROLES_COLLECTION, type RoleRecord } from '../../kit/caller';

/** Whether `openid` is staff of `storeId` now (its `roles` record): a guide who left is not. */
export function isStaffOf(record: Partial<RoleRecord> | null | undefined, storeId: string): boolean {
  return !!record && Array.isArray(record.roles) && record.roles.includes('staff') && Array.isArray(record.staffStoreIds) && record.staffStoreIds.includes(storeId);
}

export async function isStaffOfInTx(tx: Transaction, openid: string, storeId: string): Promise<boolean> {
  return isStaffOf((await tx.collection<Partial<RoleRecord>>(ROLES_COLLECTION).doc(openid).get()).data, storeId);
}

export async function isStaffOfNow(db: Db, openid: string, storeId: string): Promise<boolean> {
  return isStaffOf((await db.collection<Partial<RoleRecord>>(ROLES_COLLECTION).doc(openid).get()).data[0], storeId);
}
