import type { StaffAuditEntryView, StaffAuditPage } from '../../../core/contracts/staff';
import { isAppError } from '../../../core/errors';
import type { Db, Transaction } from '../../db';
import { newId } from '../../kit/ids';
import { StaffCollections, type StaffAuditDoc } from './records';

export const AUDIT_PAGE_SIZE = 20;

/** Inside the verification's transaction, so the change and its audit entry are written together. */
export async function writeAuditInTx(tx: Transaction, entry: StaffAuditDoc): Promise<void> {
  await tx.collection<StaffAuditDoc>(StaffCollections.audit).doc(newId('au', entry.at)).set(entry);
}

/** Outside a transaction: refusals (their transaction wrote nothing) and changes made by another service's transaction. */
export async function writeAudit(db: Db, entry: StaffAuditDoc): Promise<void> {
  await db.collection<StaffAuditDoc>(StaffCollections.audit).doc(newId('au', entry.at)).set(entry);
}

/**
 * Runs a staff verification; a refusal (AppError) is audited with its code
 * before it goes back to the caller. Successes audit themselves in their transaction.
 */
export async function auditingRefusals<R>(db: Db, entry: Omit<StaffAuditDoc, 'result'>, work: () => Promise<R>): Promise<R> {
  try {
    return await work();
  } catch (error) {
    if (isAppError(error)) await writeAudit(db, { ...entry, result: error.code });
    throw error;
  }
}

/** Newest first, `AUDIT_PAGE_SIZE` a page, one store or all. */
export async function auditLog(db: Db, storeId: string | undefined, page: number): Promise<StaffAuditPage> {
  const collection = db.collection<StaffAuditDoc>(StaffCollections.audit);
  const query = storeId === undefined ? collection : collection.where({ storeId });
  const { data } = await query
    .orderBy('at', 'desc')
    .skip((page - 1) * AUDIT_PAGE_SIZE)
    .limit(AUDIT_PAGE_SIZE + 1)
    .get();
  const items: StaffAuditEntryView[] = data.slice(0, AUDIT_PAGE_SIZE).map(({ _id, ...entry }) => ({ id: _id, ...entry }));
  return { items, page, pageSize: AUDIT_PAGE_SIZE, hasMore: data.length > AUDIT_PAGE_SIZE };
}
