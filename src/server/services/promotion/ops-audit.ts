import type { OperatorAuditAction } from '../../../core/contracts/staff';
import { isAppError } from '../../../core/errors';
import type { Db, Transaction } from '../../db';
import { newId } from '../../kit/ids';
import { StaffCollections, type StaffAuditDoc } from '../staff/records';

export interface OperatorAudit {
  operatorOpenid: string;
  action: OperatorAuditAction;
  target: string;
  result: string;
  detail?: string;
  at: number;
}

const entryOf = (audit: OperatorAudit): StaffAuditDoc => ({
  staffOpenid: audit.operatorOpenid,
  storeId: '',
  action: audit.action,
  target: audit.target,
  result: audit.result,
  ...(audit.detail ? { detail: audit.detail } : {}),
  at: audit.at,
});

/**
 * Inside the action's transaction, under an id fixed before the callback
 * (or derived from the cause), so a re-run writes the same entry once.
 */
export async function auditOperatorInTx(tx: Transaction, auditId: string, audit: OperatorAudit): Promise<void> {
  await tx.collection<StaffAuditDoc>(StaffCollections.audit).doc(auditId).set(entryOf(audit));
}

/** Outside a transaction: an operator's refused action. */
export async function auditOperator(db: Db, audit: OperatorAudit): Promise<void> {
  await db.collection<StaffAuditDoc>(StaffCollections.audit).doc(newId('au', audit.at)).set(entryOf(audit));
}

/** Runs an operator action; a refusal (AppError) is audited with its code, then goes back to the caller. */
export async function auditingRefusals<R>(db: Db, audit: Omit<OperatorAudit, 'result'>, work: () => Promise<R>): Promise<R> {
  try {
    return await work();
  } catch (error) {
    if (isAppError(error)) await auditOperator(db, { ...audit, result: error.code });
    throw error;
  }
}
