import { commissionAccountId, commissionPeriodId, type CommissionKind } from '../../../core/commission/rules';
import type { Db, WithId } from '../../db';
import { CommissionCollections, type CommissionAccountDoc, type CommissionEntryDoc, type CommissionOrderDoc, type CommissionPeriodDoc } from './records';

/** Reads of the commission ledger (outside transactions). */

export interface CommissionAccountView {
  balanceFen: number;
  accruedFen: number;
  reversedFen: number;
  entries: number;
}

export async function readCommissionAccount(db: Db, kind: CommissionKind, beneficiaryId: string): Promise<CommissionAccountView> {
  const { data } = await db.collection<CommissionAccountDoc>(CommissionCollections.accounts).doc(commissionAccountId(kind, beneficiaryId)).get();
  const doc = data[0];
  return { balanceFen: doc?.balanceFen ?? 0, accruedFen: doc?.accruedFen ?? 0, reversedFen: doc?.reversedFen ?? 0, entries: doc?.entries ?? 0 };
}

export interface CommissionPeriodView {
  period: string;
  orders: number;
  baseFen: number;
  accruedFen: number;
  reversedFen: number;
  /** accrued − reversed in the month. */
  netFen: number;
}

export async function readCommissionPeriod(db: Db, kind: CommissionKind, beneficiaryId: string, period: string): Promise<CommissionPeriodView> {
  const { data } = await db.collection<CommissionPeriodDoc>(CommissionCollections.periods).doc(commissionPeriodId(kind, beneficiaryId, period)).get();
  return periodView(period, data[0]);
}

export function periodView(period: string, doc: CommissionPeriodDoc | null | undefined): CommissionPeriodView {
  const accruedFen = doc?.accruedFen ?? 0;
  const reversedFen = doc?.reversedFen ?? 0;
  return { period, orders: doc?.orders ?? 0, baseFen: doc?.baseFen ?? 0, accruedFen, reversedFen, netFen: accruedFen - reversedFen };
}

/** Every beneficiary of a kind with totals in a month, most accrued first (at most `limit`, ≤ 1000). */
export async function listCommissionPeriods(db: Db, kind: CommissionKind, period: string, limit = 100): Promise<WithId<CommissionPeriodDoc>[]> {
  const { data } = await db
    .collection<CommissionPeriodDoc>(CommissionCollections.periods)
    .where({ kind, period })
    .orderBy('accruedFen', 'desc')
    .limit(Math.min(1000, limit))
    .get();
  return data;
}

/** A beneficiary's orders that accrued in a month, newest first. */
export async function listCommissionOrders(db: Db, kind: CommissionKind, beneficiaryId: string, period: string, limit = 50): Promise<WithId<CommissionOrderDoc>[]> {
  const { data } = await db
    .collection<CommissionOrderDoc>(CommissionCollections.orders)
    .where({ kind, beneficiaryId, period })
    .orderBy('createdAt', 'desc')
    .limit(Math.min(1000, limit))
    .get();
  return data;
}

/** A beneficiary's entries counted in a month (accruals, and reversals made in it), newest first. */
export async function listCommissionEntries(db: Db, kind: CommissionKind, beneficiaryId: string, period: string, limit = 100): Promise<WithId<CommissionEntryDoc>[]> {
  const { data } = await db
    .collection<CommissionEntryDoc>(CommissionCollections.entries)
    .where({ kind, beneficiaryId, period })
    .orderBy('createdAt', 'desc')
    .limit(Math.min(1000, limit))
    .get();
  return data;
}
