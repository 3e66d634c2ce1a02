import { formatPrice, type Fen } from '../../../core/money';
import type { Order } from '../../../core/order/types';
import type { Transaction } from '../../db';
import { StaffCollections, type StaffAuditDoc } from '../staff/records';

/** Who the audit log names for entries the payment callback writes. */
export const PAYMENT_AUDIT_ACTOR = 'system';

/** Why a payment was refused: the wrong amount, or the order had already taken a payment. */
export type RefusedPaymentReason = 'AMOUNT_MISMATCH' | 'DUPLICATE_PAYMENT';

export interface RefusedPaymentEntry {
  reason: RefusedPaymentReason;
  order: Order;
  outTradeNo: string;
  transactionId: string | null;
  received: Fen | null;
  refundNo: string | null;
  at: number;
}

/**
 * A refused payment (the wrong amount, or a second payment of a paid order),
 * in the operator's audit log (the staff audit collection, which the ops
 * back office lists; both under the `paymentMismatch` action, told apart by
 * `result`), written in the notification's transaction. Its `_id` comes
 * from the transaction, so a re-run or a replay writes it once.
 */
export async function auditRefusedPaymentInTx(tx: Transaction, entry: RefusedPaymentEntry): Promise<void> {
  const { order } = entry;
  const received = entry.received === null ? '未知金额' : formatPrice(entry.received);
  const refund = entry.refundNo ? `已记为待退款 ${entry.refundNo}` : '金额未知，未能记退款，请人工处理';
  const doc: StaffAuditDoc = {
    staffOpenid: PAYMENT_AUDIT_ACTOR,
    storeId: order.fulfillment.type === 'pickup' ? order.fulfillment.storeId : '',
    action: 'paymentMismatch',
    target: order._id,
    result: entry.reason,
    detail: `交易 ${entry.transactionId ?? '-'}（${entry.outTradeNo}）收到 ${received}，${whyRefused(entry)}；${refund}`,
    at: entry.at,
  };
  await tx.collection<StaffAuditDoc>(StaffCollections.audit).doc(auditIdOf(entry)).set(doc);
}

function whyRefused(entry: RefusedPaymentEntry): string {
  if (entry.reason === 'AMOUNT_MISMATCH') return `应付 ${formatPrice(entry.order.amounts.payable)}`;
  const first = entry.order.payment ?? entry.order.latePayment;
  return `订单已由交易 ${first?.transactionId || '-'} 支付，此为重复支付`;
}

function auditIdOf(entry: RefusedPaymentEntry): string {
  return `au_pay_${entry.transactionId || entry.outTradeNo}`.slice(0, 96);
}
