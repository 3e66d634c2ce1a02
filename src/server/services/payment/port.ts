import type { PaymentParams } from '../../../core/contracts/payment';
import type { Fen } from '../../../core/money';

/** What a provider needs to open a payment for an order. `orderId` is the out_trade_no. */
export interface PaymentRequest {
  orderId: string;
  amount: Fen;
  description: string;
  openid: string;
  /** The provider should refuse payment after this (WeChat: time_expire). */
  expiresAt: number;
}

/** A refund request, idempotent by `refundNo` (WeChat's out_refund_no): a retry reuses it. */
export interface RefundRequest {
  orderId: string;
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
 * The payment port. Production: WeChat Pay through CloudBase (wxpay.ts).
 * Local: the sandbox (src/server/local/pay). Never call it inside a database transaction.
 */
export interface PaymentProvider {
  readonly name: 'sandbox' | 'wxpay';
  createPayment(order: PaymentRequest): Promise<PaymentParams>;
  refund(request: RefundRequest): Promise<RefundReceipt>;
  /** When present, a SUCCESS notification is believed only if this confirms it. */
  queryPayment?(orderId: string): Promise<PaymentStatus>;
}
