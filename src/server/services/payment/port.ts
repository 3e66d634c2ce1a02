import type { PaymentParams } from '../../../core/contracts/payment';
import type { Fen } from '../../../core/money';

/** What a provider needs to open a payment for an order. */
export interface PaymentRequest {
  orderId: string;
  /** The provider's trade number (WeChat out_trade_no, ≤ 32 chars); absent: the order id. */
  outTradeNo?: string;
  amount: Fen;
  description: string;
  openid: string;
  /** The provider should refuse payment after this (WeChat: time_expire). */
  expiresAt: number;
}

/** A refund request, idempotent by `refundNo` (WeChat's out_refund_no): a retry reuses it. */
export interface RefundRequest {
  orderId: string;
  /** The trade that took the money; absent: the order id. */
  outTradeNo?: string;
  refundNo: string;
  amount: Fen;
  /** The order's paid total. */
  total: Fen;
}

export interface RefundReceipt {
  refundNo: string;
  /** The provider's id for the refund, when it gives one. */
  providerRefundId: string | null;
}

/** The provider's own view of a payment, used to confirm a notification before believing it. */
export interface PaymentStatus {
  paid: boolean;
  transactionId: string | null;
  amount: Fen | null;
}

/**
 * A trade as the provider sees it (WeChat `orderquery`'s trade_state):
 * PAID (SUCCESS), UNPAID (NOTPAY, PAYERROR), PAYING (USERPAYING), CLOSED
 * (CLOSED, REVOKED), REFUNDED (REFUND: paid, then refunded), NOT_FOUND (never opened).
 */
export type TradeState = 'PAID' | 'UNPAID' | 'PAYING' | 'CLOSED' | 'REFUNDED' | 'NOT_FOUND';

export interface TradeStatus {
  state: TradeState;
  transactionId: string | null;
  amount: Fen | null;
  /** WeChat's time_end (yyyyMMddHHmmss, China time), when paid. */
  timeEnd: string | null;
}

/** `closeTrade`: CLOSED (now or before, or never opened: it can never be paid), or PAID (too late: query it and apply the payment). */
export type CloseOutcome = 'CLOSED' | 'PAID';

/**
 * The payment port. Production: WeChat Pay through CloudBase (wxpay.ts).
 * Local: the sandbox (src/server/local/pay). Never call it inside a database transaction.
 */
export interface PaymentProvider {
  readonly name: 'sandbox' | 'wxpay';
  createPayment(order: PaymentRequest): Promise<PaymentParams>;
  refund(request: RefundRequest): Promise<RefundReceipt>;
  /** When present, a SUCCESS notification is believed only if this confirms it. */
  queryPayment?(outTradeNo: string): Promise<PaymentStatus>;
  /** The trade's state (WeChat `orderquery`), asked before an unpaid order is given up. */
  queryTrade(outTradeNo: string): Promise<TradeStatus>;
  /** Closes an unpaid trade so it can never be paid (WeChat `closeorder`). Idempotent. */
  closeTrade(outTradeNo: string): Promise<CloseOutcome>;
}
