import type { AuditAction } from '../../../core/contracts/staff';

export const StaffCollections = {
  /** One entry per verification or role change: who, what, where, when, and how it ended. */
  audit: 'staff_audit',
  /** `{storeId}:{receiptNo}`: an in-store receipt that earned points (at most once, whoever's code). */
  receipts: 'instore_receipts',
  /** A staff member's 10-minute hold on a member at the counter (counter-session.ts). */
  counterSessions: 'staff_counter_sessions',
} as const;

export interface StaffAuditDoc {
  staffOpenid: string;
  storeId: string;
  action: AuditAction;
  target: string;
  /** What staff read for `target` (a pickup's human order number); absent: `target` itself. */
  targetLabel?: string;
  /** 'ok' | 'duplicate' | an error code. */
  result: string;
  detail?: string;
  at: number;
}

export interface InStoreReceiptDoc {
  storeId: string;
  receiptNo: string;
  memberId: string;
  openid: string;
  amount: number;
  points: number;
  growth: number;
  staffOpenid: string;
  createdAt: number;
}

export const receiptDocId = (storeId: string, receiptNo: string): string => `${storeId}:${receiptNo}`;
/** The ledger source of an in-store purchase (scoped per member by the ledger). */
export const inStorePointsSource = (storeId: string, receiptNo: string): string => `instore:${storeId}:${receiptNo}`;
