// Namespace import keeps esbuild from bundling every zod locale (see system.ts).
import * as z from 'zod';
import type { Fen } from '../money';
import type { RefundRequestState } from '../order/refund-request';
import type { OrderStatus } from '../order/status';
import type { OrderView } from './order';
import { FenAmount, Id, MultiLineText, OrderId } from './fields';

/** Refund review (issue 10): the customer's request and withdrawal, the operator's review and list. */

export const RefundLineInput = z.object({ skuId: Id, quantity: z.number().int().min(1).max(999) });

/** Absent `lines` and `amount`: everything still refundable. */
export const RefundAskFields = {
  reason: MultiLineText(200).default(''),
  /** A partial refund by lines (sku + units). */
  lines: z.array(RefundLineInput).min(1).max(50).optional(),
  /** A partial refund by amount (fen); ignored when `lines` is given. */
  amount: FenAmount.optional(),
};

export const ReviewRefundInput = z.object({
  orderId: OrderId,
  decision: z.enum(['approve', 'reject']),
  /** Required to reject (REFUND_REJECT_REASON_REQUIRED); shown to the customer. */
  reason: MultiLineText(200).optional(),
  /** The request the operator looked at: a newer one answers REFUND_ALREADY_DECIDED. */
  attempt: z.number().int().min(1).max(100).optional(),
});

export const WithdrawRefundInput = z.object({ orderId: OrderId });

export const ListRefundRequestsInput = z.object({
  tab: z.enum(['pending', 'decided']).default('pending'),
  page: z.number().int().min(0).max(1000).default(0),
  pageSize: z.number().int().min(1).max(50).default(20),
});

export const orderRefundContracts = {
  reviewRefund: { input: ReviewRefundInput },
  withdrawRefund: { input: WithdrawRefundInput },
  listRefundRequests: { input: ListRefundRequestsInput },
};

/** One step of the refund timeline the customer sees. */
export interface RefundTimelineStep {
  key: 'requested' | 'reviewing' | 'refunding' | 'refunded' | 'rejected' | 'withdrawn';
  label: string;
  /** Done or current; a later step not reached yet has no time. */
  at: number | null;
  state: 'done' | 'current' | 'todo' | 'failed';
  note?: string;
}

/** What the customer sees of their latest refund request (on OrderView). */
export interface RefundRequestView {
  attempt: number;
  state: RefundRequestState;
  amount: Fen;
  full: boolean;
  lines: { skuId: string; quantity: number }[] | null;
  reason: string;
  requestedAt: number;
  decidedAt: number | null;
  /** The operator's reason, when rejected. */
  rejectReason: string | null;
  refundedAt: number | null;
  /** Whether the customer may ask (again) now. */
  canRequest: boolean;
  timeline: RefundTimelineStep[];
}

export interface RefundRequestRow {
  orderId: string;
  attempt: number;
  state: RefundRequestState;
  orderStatus: OrderStatus;
  orderStatusLabel: string;
  amount: Fen;
  paid: Fen;
  full: boolean;
  linesSummary: string;
  reason: string;
  customerName: string;
  requestedAt: number;
  /** When the sweep approves it (pending only). */
  autoApproveAt: number | null;
  decidedAt: number | null;
  decidedBy: 'operator' | 'system' | null;
  decisionNote: string | null;
}

export interface RefundRequestPage {
  items: RefundRequestRow[];
  page: number;
  pageSize: number;
  hasMore: boolean;
  autoApproveHours: number;
}

export interface OrderRefundOutputs {
  reviewRefund: OrderView;
  withdrawRefund: OrderView;
  listRefundRequests: RefundRequestPage;
}
