import type { OperatorAuditAction } from '../../../core/contracts/staff';
import type { Transaction } from '../../db';
import { newId } from '../../kit/ids';
import { StaffCollections, type StaffAuditDoc } from '../staff/records';

/**
 * An operator's catalog change, audited in its own transaction. The entry's id
 * is made once, outside the callback (`auditEntryId`), so a re-run writes the
 * same entry rather than a second one.
 */
export interface CatalogAudit {
  id: string;
  operator: string;
  action: OperatorAuditAction;
  target: string;
  at: number;
}

export const catalogAudit = (operator: string, action: OperatorAuditAction, target: string, at: number): CatalogAudit => ({
  id: newId('au', at),
  operator,
  action,
  target,
  at,
});

export async function writeCatalogAuditInTx(tx: Transaction, audit: CatalogAudit, result: string, detail?: string): Promise<void> {
  const entry: StaffAuditDoc = { staffOpenid: audit.operator, storeId: '', action: audit.action, target: audit.target, result, at: audit.at };
  if (detail) entry.detail = detail;
  await tx.collection<StaffAuditDoc>(StaffCollections.audit).doc(audit.id).set(entry);
}
