import { OPERATOR_AUDIT_ACTIONS, type AuditAction, type AuditLogKind, type StaffAuditPage } from '../../../core/contracts/staff';
import { isAppError } from '../../../core/errors';
import type { Db, Transaction } from '../../db';
import { newId } from '../../kit/ids';
import { withNames } from './audit-names';
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

export interface AuditLogFilter {
  storeId?: string;
  staffOpenid?: string;
  /** Inclusive, epoch ms. */
  from?: number;
  /** Exclusive, epoch ms. */
  to?: number;
  kind?: AuditLogKind;
}

const ROLE_ACTIONS: AuditAction[] = ['grantStaff', 'revokeStaff'];
const VERIFICATION_ACTIONS: AuditAction[] = ['scan', 'recordPurchase', 'verifyPickup', 'verifyCoupon', 'paymentMismatch'];
const ACTIONS_OF_KIND: Record<AuditLogKind, readonly AuditAction[] | null> = {
  all: null,
  roles: ROLE_ACTIONS,
  verifications: VERIFICATION_ACTIONS,
  operator: OPERATOR_AUDIT_ACTIONS,
};

/**
 * Newest first, `AUDIT_PAGE_SIZE` a page, with names resolved (audit-names.ts).
 * Each filter has its index (schema.ts, staff_audit): storeId_at, staffOpenid_at,
 * action_at, at; a second equality filter narrows what the first index found.
 */
export async function auditLog(db: Db, filter: AuditLogFilter, page: number): Promise<StaffAuditPage> {
  const _ = db.command;
  const where: Record<string, unknown> = {};
  if (filter.storeId !== undefined) where.storeId = filter.storeId;
  if (filter.staffOpenid !== undefined) where.staffOpenid = filter.staffOpenid;
  const actions = ACTIONS_OF_KIND[filter.kind ?? 'all'];
  if (actions) where.action = _.in([...actions]);
  if (filter.from !== undefined && filter.to !== undefined) where.at = _.gte(filter.from).and(_.lt(filter.to));
  else if (filter.from !== undefined) where.at = _.gte(filter.from);
  else if (filter.to !== undefined) where.at = _.lt(filter.to);
  const collection = db.collection<StaffAuditDoc>(StaffCollections.audit);
  const query = Object.keys(where).length === 0 ? collection : collection.where(where);
  const { data } = await query
    .orderBy('at', 'desc')
    .skip((page - 1) * AUDIT_PAGE_SIZE)
    .limit(AUDIT_PAGE_SIZE + 1)
    .get();
  const items = await withNames(db, data.slice(0, AUDIT_PAGE_SIZE));
  return { items, page, pageSize: AUDIT_PAGE_SIZE, hasMore: data.length > AUDIT_PAGE_SIZE };
}
