import type { CommissionKind } from '../../../core/commission/rules';
import type { Fen } from '../../../core/money';

export const CommissionCollections = {
  entries: 'commission_entries',
  accounts: 'commission_accounts',
  orders: 'commission_orders',
  periods: 'commission_periods',
} as const;

/**
 * `commission_entries/<kind>:<beneficiaryId>:<orderId>:accrue` and
 * `…:reverse:<refundKey>`: the append-only ledger. `amountFen` is signed
 * (accrual > 0, reversal < 0); `balanceAfter` is the account's balance once
 * this entry was applied. An entry is written once and never changed.
 */
export interface CommissionEntryDoc {
  kind: CommissionKind;
  beneficiaryId: string;
  type: 'accrue' | 'reverse';
  orderId: string;
  orderNo: string | null;
  storeId: string | null;
  /** The month (Asia/Shanghai `YYYY-MM`) the entry counts in: the accrual's period; for a reversal the month it happened in. */
  period: string;
  /** The accrual's period (same as `period` for an accrual). */
  orderPeriod: string;
  amountFen: Fen;
  /** Accrual: the commissionable amount and rate. Reversal: the refund's money and the order's paid total. */
  baseFen: Fen;
  rateBps: number | null;
  refundKey: string | null;
  refundedFen: Fen | null;
  orderPaidFen: Fen | null;
  balanceAfter: Fen;
  createdAt: number;
}

/** `commission_accounts/<kind>:<beneficiaryId>`: balance = accrued − reversed = Σ entries, kept in the entries' transaction. */
export interface CommissionAccountDoc {
  kind: CommissionKind;
  beneficiaryId: string;
  balanceFen: Fen;
  accruedFen: Fen;
  reversedFen: Fen;
  entries: number;
  createdAt: number;
  updatedAt: number;
}

/**
 * `commission_orders/<kind>:<beneficiaryId>:<orderId>`: one order's commission
 * as its refunds left it (what the reversal rule needs, and the guide's order
 * list). Changed only in the transactions that append its entries.
 */
export interface CommissionOrderDoc {
  kind: CommissionKind;
  beneficiaryId: string;
  orderId: string;
  orderNo: string | null;
  storeId: string | null;
  period: string;
  baseFen: Fen;
  rateBps: number;
  accruedFen: Fen;
  reversedFen: Fen;
  /** Refunded money applied so far (Σ of this order's reversals' refundedFen). */
  refundedFen: Fen;
  orderPaidFen: Fen | null;
  refundKeys: string[];
  state: 'ACCRUED' | 'PARTLY_REVERSED' | 'REVERSED';
  createdAt: number;
  updatedAt: number;
}

/**
 * `commission_periods/<kind>:<beneficiaryId>:<YYYY-MM>`: a month's totals
 * (accruals of orders paid in the month; reversals made in the month), in
 * the entries' transaction. A settled month never changes: a later refund
 * counts in the month it happens.
 */
export interface CommissionPeriodDoc {
  kind: CommissionKind;
  beneficiaryId: string;
  period: string;
  orders: number;
  baseFen: Fen;
  accruedFen: Fen;
  reversedFen: Fen;
  refundedFen: Fen;
  createdAt: number;
  updatedAt: number;
}
