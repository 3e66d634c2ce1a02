import { AppError } from '../errors';
import type { Fen } from '../money';
import { REFUNDABLE_STATUSES, type OrderStatus } from './status';
import type { Order, OrderActor, OrderItem } from './types';

/**
 * A customer's refund request and its review (`order.refundRequest`).
 *
 * Rules:
 * - Only a customer's request is reviewed. System refunds (a failed or closed
 *   group-buy, a payment after cancellation, a refused payment) are recorded
 *   as due straight away, as before.
 * - A request waits in REFUND_REQUESTED. The operator approves or rejects it
 *   (a reason is required); the customer may withdraw it; the sweep approves
 *   one nobody decided within `refundAutoApproveHours` (settings/order, 48 h).
 * - Reject and withdraw go back to `previousStatus`. After a rejection the
 *   customer may ask once more, with a new reason: MAX_REFUND_REJECTIONS = 2
 *   rejections end it (REFUND_REQUEST_LIMIT). A withdrawal does not count.
 * - Full or partial: by lines (sku + quantity) or by an amount. A request
 *   that covers everything still refundable is full; partial requests are
 *   for shop orders only (flash-sale, group-buy and points-mall orders refund
 *   whole: their hooks count orders, not amounts).
 * - Never above paid − already refunded (REFUND_AMOUNT_EXCEEDS_PAID).
 *   `order.refundedFen` counts every approved refund, due or done, so two
 *   requests in a row can never owe more than was paid.
 * - Approving a full request: REFUNDING, then REFUNDED when the money is back
 *   (stock, points, coupons, flash-sale and group-buy hooks run then, as
 *   before). Approving a partial one: the order goes back to its fulfilment
 *   status at once, with `refundedFen` (and `refundedLines`) raised; the
 *   refunded lines' stock goes back when the refund is done, unless shipped.
 * - Each approved request has its own out_refund_no (`refundNoFor(orderId,
 *   seq)`): the first is `R<orderId>` as before, the next `R<orderId>-2`…
 */
export const MAX_REFUND_REJECTIONS = 2;
export const DEFAULT_REFUND_AUTO_APPROVE_HOURS = 48;
export const MAX_REFUND_AUTO_APPROVE_HOURS = 30 * 24;

export type RefundRequestState = 'PENDING' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN';

export interface RefundLine {
  skuId: string;
  quantity: number;
}

export interface RefundRequest {
  /** 1 for the order's first request, then 2, 3… (withdrawn ones count too). */
  attempt: number;
  state: RefundRequestState;
  previousStatus: OrderStatus;
  reason: string;
  amount: Fen;
  /** Covers everything still refundable: approval ends the order REFUNDED. */
  full: boolean;
  /** By lines; null: by amount (or the whole order). */
  lines: RefundLine[] | null;
  requestedAt: number;
  decidedAt: number | null;
  decidedBy: OrderActor | null;
  /** The operator's reason of a rejection (or an approval note). */
  decisionNote: string | null;
  /** Rejections so far, this one included once rejected. */
  rejections: number;
  /** The approved refund's out_refund_no. */
  refundNo: string | null;
  /** When that refund's money went back. */
  refundedAt: number | null;
}

export const refundErrors = {
  alreadyDecided: (orderId: string, state: string) =>
    new AppError('REFUND_ALREADY_DECIDED', '该退款申请已处理', { orderId, state }),
  notPending: (orderId: string) => new AppError('REFUND_NOT_PENDING', '该订单没有待处理的退款申请', { orderId }),
  rejectReasonRequired: () => new AppError('REFUND_REJECT_REASON_REQUIRED', '请填写拒绝原因'),
  reasonRequired: () => new AppError('REFUND_REASON_REQUIRED', '再次申请请填写新的退款原因'),
  requestLimit: (orderId: string, max: number) =>
    new AppError('REFUND_REQUEST_LIMIT', '退款申请已被拒绝，无法再次申请，请联系客服', { orderId, max }),
  amountExceedsPaid: (requested: Fen, refundable: Fen) =>
    new AppError('REFUND_AMOUNT_EXCEEDS_PAID', `退款金额不能超过可退金额 ${(refundable / 100).toFixed(2)} 元`, { requested, refundable }),
  amountInvalid: () => new AppError('REFUND_AMOUNT_INVALID', '退款金额需大于 0'),
  lineInvalid: (skuId: string, refundable: number) =>
    new AppError('REFUND_LINE_INVALID', refundable > 0 ? `该商品最多可退 ${refundable} 件` : '该商品不在订单中或已退完', { skuId, refundable }),
  partialUnsupported: (source: string) =>
    new AppError('REFUND_PARTIAL_UNSUPPORTED', '该订单仅支持整单退款', { source }),
};

export const paidFen = (order: Pick<Order, 'payment' | 'amounts'>): Fen => order.payment?.amount ?? order.amounts.payable;
export const refundedFenOf = (order: Pick<Order, 'refundedFen'>): Fen => order.refundedFen ?? 0;
export const refundableFen = (order: Order): Fen => Math.max(0, paidFen(order) - refundedFenOf(order));

/** Units of each SKU not yet refunded. */
export function refundableLines(order: Order): Map<string, number> {
  const left = new Map<string, number>();
  for (const item of order.items) left.set(item.skuId, (left.get(item.skuId) ?? 0) + item.quantity);
  for (const line of order.refundedLines ?? []) left.set(line.skuId, (left.get(line.skuId) ?? 0) - line.quantity);
  return left;
}

/** A line's share of what was paid (discounts spread by line value), rounded down. */
function shareOfPaid(order: Order, item: OrderItem, quantity: number): Fen {
  const itemsTotal = order.items.reduce((sum, i) => sum + i.lineTotal, 0);
  if (itemsTotal <= 0) return 0;
  return Math.floor((paidFen(order) * item.unitPrice * quantity) / itemsTotal);
}

export interface RefundAsk {
  lines?: RefundLine[];
  amount?: Fen;
}

export interface PlannedRefund {
  amount: Fen;
  full: boolean;
  lines: RefundLine[] | null;
}

/** What a request asks for, checked against the order: answers the plan or the refusal. */
export function planRefund(order: Order, ask: RefundAsk): PlannedRefund | AppError {
  const refundable = refundableFen(order);
  const left = refundableLines(order);
  const partialAllowed = (order.source ?? 'shop') === 'shop';
  const wholeLeft = (): PlannedRefund => ({ amount: refundable, full: true, lines: null });

  if (ask.lines && ask.lines.length > 0) {
    const wanted = new Map<string, number>();
    for (const line of ask.lines) wanted.set(line.skuId, (wanted.get(line.skuId) ?? 0) + line.quantity);
    let amount = 0;
    for (const [skuId, quantity] of wanted) {
      const item = order.items.find((i) => i.skuId === skuId);
      const max = left.get(skuId) ?? 0;
      if (!item || quantity < 1 || quantity > max) return refundErrors.lineInvalid(skuId, Math.max(0, max));
      amount += shareOfPaid(order, item, quantity);
    }
    const everyLine = [...left].every(([skuId, q]) => q <= 0 || wanted.get(skuId) === q);
    if (everyLine) return wholeLeft();
    if (!partialAllowed) return refundErrors.partialUnsupported(order.source ?? 'shop');
    if (amount > refundable) return refundErrors.amountExceedsPaid(amount, refundable);
    if (amount <= 0) return refundErrors.amountInvalid();
    return { amount, full: false, lines: [...wanted].map(([skuId, quantity]) => ({ skuId, quantity })) };
  }
  if (ask.amount !== undefined) {
    if (ask.amount <= 0) return refundErrors.amountInvalid();
    if (ask.amount > refundable) return refundErrors.amountExceedsPaid(ask.amount, refundable);
    if (ask.amount === refundable) return wholeLeft();
    if (!partialAllowed) return refundErrors.partialUnsupported(order.source ?? 'shop');
    return { amount: ask.amount, full: false, lines: null };
  }
  return wholeLeft();
}

/** Whether the customer may ask (again): the rejection limit and, after a rejection, a new reason. */
export function refuseNewRequest(order: Order, reason: string): AppError | null {
  const last = order.refundRequest;
  if (!last) return null;
  if (last.rejections >= MAX_REFUND_REJECTIONS) return refundErrors.requestLimit(order._id, MAX_REFUND_REJECTIONS);
  if (last.state === 'REJECTED' && (reason.trim() === '' || reason.trim() === last.reason.trim())) return refundErrors.reasonRequired();
  return null;
}

/** The sequence number of the next approved refund of this order (names its out_refund_no). */
export const nextRefundSeq = (order: Order): number => (order.refundSeq ?? 0) + 1;

export function isRefundableStatus(status: OrderStatus): boolean {
  return (REFUNDABLE_STATUSES as readonly OrderStatus[]).includes(status);
}

/** The sweep approves a pending request once this time has passed. */
export const autoApproveAt = (request: Pick<RefundRequest, 'requestedAt'>, hours: number): number =>
  request.requestedAt + hours * 3_600_000;
