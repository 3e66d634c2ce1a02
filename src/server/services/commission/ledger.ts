import {
  accrueEntryId,
  commissionAccountId,
  commissionOf,
  commissionOrderId,
  commissionPeriodId,
  isPeriod,
  isValidRateBps,
  reversalOf,
  reverseEntryId,
  type CommissionKind,
} from '../../../core/commission/rules';
import type { Fen } from '../../../core/money';
import { chinaMonth } from '../../../core/points/china-day';
import type { Transaction } from '../../db';
import {
  CommissionCollections,
  type CommissionAccountDoc,
  type CommissionEntryDoc,
  type CommissionOrderDoc,
  type CommissionPeriodDoc,
} from './records';

/**
 * The commission ledger (佣金) of guides and community leaders.
 *
 * Both calls run inside the caller's transaction (an order's payment or the
 * completion of its refund), doc() operations only, and are safe to re-run:
 * each entry's id is derived from its cause, so a replay finds its entry and
 * changes nothing. In the same transaction as each entry: the account
 * (balance = accrued − reversed = Σ entries), the order's commission record
 * (what the reversal rule reads) and the month's totals.
 *
 * Reads 3–4 documents and writes 4 an entry; the account is one document per
 * beneficiary (each guide's or leader's own orders touch it, not every
 * payment of the shop).
 */

export interface AccrueCommissionInput {
  kind: CommissionKind;
  beneficiaryId: string;
  storeId?: string | null;
  orderId: string;
  orderNo?: string | null;
  /** The commissionable money (fen). */
  baseFen: Fen;
  rateBps: number;
  /** `YYYY-MM`, Asia/Shanghai; defaults to the month of `now`. */
  period?: string;
  now: number;
}

export interface ReverseCommissionInput {
  kind: CommissionKind;
  beneficiaryId: string;
  orderId: string;
  /** Names the refund (its out_refund_no): one reversal per refund key. */
  refundKey: string;
  /** This refund's money. */
  refundedFen: Fen;
  /** The order's paid total. */
  orderPaidFen: Fen;
  /** The refund ends the order: reverse exactly what is left. */
  final?: boolean;
  now: number;
}

export interface CommissionEntryResult {
  entryId: string;
  /** Signed fen of the entry (0 when nothing was due and no entry was written). */
  amountFen: Fen;
  /** False on a replay (the entry existed) or when nothing was due. */
  applied: boolean;
}

/** Accrues an order's commission once. A zero commission writes nothing. */
export async function accrueCommissionInTx(tx: Transaction, input: AccrueCommissionInput): Promise<CommissionEntryResult> {
  const { kind, beneficiaryId, orderId, now } = input;
  const entryId = accrueEntryId(kind, beneficiaryId, orderId);
  if (!beneficiaryId || !orderId) return { entryId, amountFen: 0, applied: false };
  const entryRef = tx.collection<CommissionEntryDoc>(CommissionCollections.entries).doc(entryId);
  const existing = (await entryRef.get()).data;
  if (existing) return { entryId, amountFen: existing.amountFen, applied: false };
  const rateBps = isValidRateBps(input.rateBps) ? input.rateBps : 0;
  const amountFen = commissionOf(input.baseFen, rateBps);
  if (amountFen <= 0) return { entryId, amountFen: 0, applied: false };
  const period = isPeriod(input.period) ? input.period : chinaMonth(now);

  const account = await readAccountInTx(tx, kind, beneficiaryId, now);
  const balanceAfter = account.balanceFen + amountFen;
  await entryRef.set({
    kind,
    beneficiaryId,
    type: 'accrue',
    orderId,
    orderNo: input.orderNo ?? null,
    storeId: input.storeId ?? null,
    period,
    orderPeriod: period,
    amountFen,
    baseFen: input.baseFen,
    rateBps,
    refundKey: null,
    refundedFen: null,
    orderPaidFen: null,
    balanceAfter,
    createdAt: now,
  });
  await writeAccountInTx(tx, { ...account, balanceFen: balanceAfter, accruedFen: account.accruedFen + amountFen, entries: account.entries + 1, updatedAt: now });
  await tx.collection<CommissionOrderDoc>(CommissionCollections.orders).doc(commissionOrderId(kind, beneficiaryId, orderId)).set({
    kind,
    beneficiaryId,
    orderId,
    orderNo: input.orderNo ?? null,
    storeId: input.storeId ?? null,
    period,
    baseFen: input.baseFen,
    rateBps,
    accruedFen: amountFen,
    reversedFen: 0,
    refundedFen: 0,
    orderPaidFen: null,
    refundKeys: [],
    state: 'ACCRUED',
    createdAt: now,
    updatedAt: now,
  });
  await addToPeriodInTx(tx, kind, beneficiaryId, period, { orders: 1, baseFen: input.baseFen, accruedFen: amountFen, reversedFen: 0, refundedFen: 0 }, now);
  return { entryId, amountFen, applied: true };
}

/**
 * Reverses a refund's share of an order's commission, once per refund key:
 * in proportion to the money refunded (cumulatively, core/commission/rules),
 * the refund that completes the order's refunds (or `final`) reversing
 * exactly the remainder; never more than accrued. An order that accrued
 * nothing (no entry) reverses nothing.
 */
export async function reverseCommissionInTx(tx: Transaction, input: ReverseCommissionInput): Promise<CommissionEntryResult> {
  const { kind, beneficiaryId, orderId, refundKey, now } = input;
  const entryId = reverseEntryId(kind, beneficiaryId, orderId, refundKey);
  if (!beneficiaryId || !orderId || !refundKey) return { entryId, amountFen: 0, applied: false };
  const entryRef = tx.collection<CommissionEntryDoc>(CommissionCollections.entries).doc(entryId);
  const existing = (await entryRef.get()).data;
  if (existing) return { entryId, amountFen: existing.amountFen, applied: false };
  const orderRef = tx.collection<CommissionOrderDoc>(CommissionCollections.orders).doc(commissionOrderId(kind, beneficiaryId, orderId));
  const record = (await orderRef.get()).data;
  if (!record || record.refundKeys.includes(refundKey)) return { entryId, amountFen: 0, applied: false };

  // Never more money than the order has left to refund (a final refund may name the whole order).
  const refundedFen = Math.min(Math.max(0, Math.floor(input.refundedFen)), Math.max(0, input.orderPaidFen - record.refundedFen));
  const back = reversalOf({
    accruedFen: record.accruedFen,
    reversedFen: record.reversedFen,
    refundedBeforeFen: record.refundedFen,
    refundedFen,
    orderPaidFen: input.orderPaidFen,
    final: input.final,
  });
  const reversedFen = record.reversedFen + back;
  const { _id: _omit, ...recordFields } = record;
  const nextRecord: CommissionOrderDoc = {
    ...recordFields,
    reversedFen,
    refundedFen: record.refundedFen + refundedFen,
    orderPaidFen: input.orderPaidFen,
    refundKeys: [...record.refundKeys, refundKey],
    state: reversedFen >= record.accruedFen ? 'REVERSED' : reversedFen > 0 ? 'PARTLY_REVERSED' : record.state,
    updatedAt: now,
  };
  if (back <= 0) {
    // Nothing due (rounding kept it at 0): remember the refund's money so the next one's share is right.
    await orderRef.set(nextRecord);
    return { entryId, amountFen: 0, applied: false };
  }
  const period = chinaMonth(now);
  const account = await readAccountInTx(tx, kind, beneficiaryId, now);
  const balanceAfter = account.balanceFen - back;
  await entryRef.set({
    kind,
    beneficiaryId,
    type: 'reverse',
    orderId,
    orderNo: record.orderNo,
    storeId: record.storeId,
    period,
    orderPeriod: record.period,
    amountFen: -back,
    baseFen: record.baseFen,
    rateBps: record.rateBps,
    refundKey,
    refundedFen,
    orderPaidFen: input.orderPaidFen,
    balanceAfter,
    createdAt: now,
  });
  await writeAccountInTx(tx, { ...account, balanceFen: balanceAfter, reversedFen: account.reversedFen + back, entries: account.entries + 1, updatedAt: now });
  await orderRef.set(nextRecord);
  await addToPeriodInTx(tx, kind, beneficiaryId, period, { orders: 0, baseFen: 0, accruedFen: 0, reversedFen: back, refundedFen }, now);
  return { entryId, amountFen: -back, applied: true };
}

async function readAccountInTx(tx: Transaction, kind: CommissionKind, beneficiaryId: string, now: number): Promise<CommissionAccountDoc> {
  const doc = (await tx.collection<CommissionAccountDoc>(CommissionCollections.accounts).doc(commissionAccountId(kind, beneficiaryId)).get()).data;
  if (doc) {
    const { _id: _omit, ...fields } = doc;
    return fields;
  }
  return { kind, beneficiaryId, balanceFen: 0, accruedFen: 0, reversedFen: 0, entries: 0, createdAt: now, updatedAt: now };
}

async function writeAccountInTx(tx: Transaction, account: CommissionAccountDoc): Promise<void> {
  await tx.collection<CommissionAccountDoc>(CommissionCollections.accounts).doc(commissionAccountId(account.kind, account.beneficiaryId)).set(account);
}

type PeriodDelta = Pick<CommissionPeriodDoc, 'orders' | 'baseFen' | 'accruedFen' | 'reversedFen' | 'refundedFen'>;

async function addToPeriodInTx(tx: Transaction, kind: CommissionKind, beneficiaryId: string, period: string, delta: PeriodDelta, now: number): Promise<void> {
  const ref = tx.collection<CommissionPeriodDoc>(CommissionCollections.periods).doc(commissionPeriodId(kind, beneficiaryId, period));
  const doc = (await ref.get()).data;
  await ref.set({
    kind,
    beneficiaryId,
    period,
    orders: (doc?.orders ?? 0) + delta.orders,
    baseFen: (doc?.baseFen ?? 0) + delta.baseFen,
    accruedFen: (doc?.accruedFen ?? 0) + delta.accruedFen,
    reversedFen: (doc?.reversedFen ?? 0) + delta.reversedFen,
    refundedFen: (doc?.refundedFen ?? 0) + delta.refundedFen,
    createdAt: doc?.createdAt ?? now,
    updatedAt: now,
  });
}
