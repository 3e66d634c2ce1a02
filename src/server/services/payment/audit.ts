import { formatPrice, type Fen } from '../../../core/money';
import type { Order } from '../../../core/order/types';
import type { Transaction } from '../../db';
import { StaffCollections, type StaffAuditDoc } from '../staff/records';

/** Who the audit log names for entries the payment callback writes. */
export const PAYMENT_AUDIT_ACTOR = 'system';

export interface RefusedPaymentEntry {
  order: Order;
  outTradeNo: string;
  transactionId: string | null;
  received: Fen | null;
  refundNo: string | null;
  at: number;
}

/**
 * A payment of the wrong amount, in the operator's audit log (the staff
 * audit collection, which the ops back office lists), written in the
 * notification's transaction. Its `_id` comes from the transaction, so a
 * re-run or a replay writes it once.
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
    result: 'AMOUNT_MISMATCH',
    detail: `交易 ${entry.transactionId ?? '-'}（${entry.outTradeNo}）收到 ${received}，应付 ${formatPrice(order.amounts.payable)}；${refund}`,
    at: entry.at,
  };
  await tx.collection<StaffAuditDoc>(StaffCollections.audit).doc(auditIdOf(entry)).set(doc);
}

function auditIdOf(entry: RefusedPaymentEntry): string {
  return `au_pay_${entry.transactionId || entry.outTradeNo}`.slice(0, 96);
}
