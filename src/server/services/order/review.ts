import type { OrderView } from '../../../core/contracts/order';
import type { GroupState } from '../../../core/contracts/groupbuy';
import { groupBuyAllowsFulfilment } from '../../../core/groupbuy/state';
import { formatPrice } from '../../../core/money';
import { dueRefund, refundNoFor, type RefundDoc } from '../../../core/order/refund';
import { nextRefundSeq, paidFen, refundableLines, refundedFenOf, refundErrors, type RefundRequest } from '../../../core/order/refund-request';
import type { Order, OrderActor, OrderDoc } from '../../../core/order/types';
import { toOrderView } from '../../../core/order/view';
import { auditingRefusals, writeAuditInTx } from '../staff/audit';
import { changeOrder, step, type Decision } from './change';
import type { ServiceDeps } from './deps';
import { OrderCollections } from './records';
import { refuse, Refusal } from './transact';

export interface ReviewRefundInput {
  orderId: string;
  decision: 'approve' | 'reject';
  reason?: string;
  attempt?: number;
}

/**
 * The operator decides a pending refund request, once: the order is read in
 * the transaction, so of two concurrent decisions (approve and reject, or two
 * approvals) the first commits and the other answers REFUND_ALREADY_DECIDED.
 * Approve records the refund as due (the sweep's processRefunds pays it);
 * reject needs a reason and puts the order back where it was. Audited
 * (`reviewRefund`, in the same transaction; refusals after it).
 */
export async function reviewRefund(deps: ServiceDeps, operatorOpenid: string, input: ReviewRefundInput): Promise<OrderView> {
  const note = input.reason?.trim() ?? '';
  const audit = { staffOpenid: operatorOpenid, storeId: '', action: 'reviewRefund' as const, target: input.orderId, at: deps.now() };
  return auditingRefusals(deps.db, { ...audit, detail: decisionWord(input.decision) + (note ? `：${note}` : '') }, async () => {
    if (input.decision === 'reject' && !note) throw refundErrors.rejectReasonRequired();
    const now = deps.now();
    const order = await changeOrder(deps, input.orderId, null, (current) => {
      const pending = pendingRequest(current, input.attempt);
      if (pending instanceof Refusal) return pending;
      const decision = input.decision === 'approve' ? approval(deps, current, 'operator', note, now) : rejection(current, note, now);
      if (decision instanceof Refusal || decision === null) return decision;
      return {
        patch: decision.patch,
        alsoInTx: async (tx) => {
          await decision.alsoInTx?.(tx);
          const detail = `${decisionWord(input.decision)}退款 ${formatPrice(pending.amount)}（${pending.full ? '整单' : '部分'}）${note ? `：${note}` : ''}`;
          await writeAuditInTx(tx, { ...audit, at: now, result: 'ok', detail });
        },
      };
    });
    deps.log.info('refund reviewed', { orderId: input.orderId, decision: input.decision, by: operatorOpenid });
    return toOrderView(order);
  });
}

/** The customer takes a pending request back: the order returns to where it was. A repeat answers the order. */
export async function withdrawRefund(deps: ServiceDeps, openid: string, orderId: string): Promise<OrderView> {
  const now = deps.now();
  const order = await changeOrder(deps, orderId, openid, (current) => {
    if (current.refundRequest?.state === 'WITHDRAWN' && current.status !== 'REFUND_REQUESTED') return null;
    const pending = pendingRequest(current);
    if (pending instanceof Refusal) return pending;
    return backToPrevious(current, 'withdrawRefund', 'customer', now, { ...pending, state: 'WITHDRAWN', decidedAt: now, decidedBy: 'customer' });
  });
  return toOrderView(order);
}

const decisionWord = (decision: 'approve' | 'reject'): string => (decision === 'approve' ? '同意' : '拒绝');

/** The order's request when it still waits for a decision (and is the one looked at), else a refusal. */
function pendingRequest(order: Order, attempt?: number): RefundRequest | Refusal {
  const request = order.refundRequest;
  if (!request) return refuse(refundErrors.notPending(order._id));
  if (request.state !== 'PENDING' || order.status !== 'REFUND_REQUESTED' || (attempt !== undefined && attempt !== request.attempt)) {
    return refuse(refundErrors.alreadyDecided(order._id, request.state === 'PENDING' ? order.status : request.state));
  }
  return request;
}

/**
 * Approves the pending request (by the operator, or by the sweep as 'system'):
 * the refund is recorded as due with its own deterministic out_refund_no.
 * Full: REFUNDING (REFUNDED, with the order hooks, once paid back). Partial:
 * back to the fulfilment status with refundedFen raised (core/order/refund-request).
 */
export function approval(deps: ServiceDeps, order: Order, by: OrderActor, note: string, now: number): Decision {
  const request = order.refundRequest!;
  const seq = nextRefundSeq(order);
  const refundNo = refundNoFor(order._id, seq);
  const paid = paidFen(order);
  const decided: RefundRequest = { ...request, state: 'APPROVED', decidedAt: now, decidedBy: by, decisionNote: note || null, refundNo };
  const shipped = request.previousStatus === 'SHIPPED' || order.shippedAt !== null;
  const accounting = {
    refundSeq: seq,
    refundedFen: refundedFenOf(order) + request.amount,
    ...(request.lines ? { refundedLines: [...(order.refundedLines ?? []), ...request.lines] } : {}),
  };

  if (request.full) {
    const next = step(order, ['approveRefund'], now, by);
    if (next instanceof Refusal) return next;
    // Units an earlier partial refund already gave back stay out of this one.
    const rest = order.refundedLines?.length
      ? [...refundableLines(order)].filter(([, quantity]) => quantity > 0).map(([skuId, quantity]) => ({ skuId, quantity }))
      : undefined;
    const refund: RefundDoc = {
      ...dueRefund({ orderId: order._id, openid: order.openid, amount: request.amount, total: paid, reason: 'CUSTOMER_REQUEST', releaseStock: !shipped && !order.stockReleased, now }),
      requestAttempt: request.attempt,
      ...(rest ? { lines: rest } : {}),
    };
    return {
      patch: { ...next, ...accounting, refundNo, refundRequest: decided },
      alsoInTx: async (tx) => {
        await tx.collection<RefundDoc>(OrderCollections.refunds).doc(refundNo).set(refund);
      },
    };
  }

  const next = step(order, ['approvePartialRefund'], now, by);
  if (next instanceof Refusal) return next;
  const refund: RefundDoc = {
    ...dueRefund({ orderId: order._id, openid: order.openid, amount: request.amount, total: paid, reason: 'CUSTOMER_REQUEST', releaseStock: !shipped && !!request.lines, now }),
    partial: true,
    requestAttempt: request.attempt,
    ...(request.lines ? { lines: request.lines } : {}),
  };
  return {
    patch: { ...next, ...accounting, refundRequest: decided },
    alsoInTx: async (tx) => {
      await tx.collection<RefundDoc>(OrderCollections.refunds).doc(refundNo).set(refund);
    },
  };
}

function rejection(order: Order, note: string, now: number): Decision {
  const request = order.refundRequest!;
  return backToPrevious(order, 'rejectRefund', 'operator', now, {
    ...request,
    state: 'REJECTED',
    decidedAt: now,
    decidedBy: 'operator',
    decisionNote: note,
    rejections: request.rejections + 1,
  });
}

/**
 * Reject and withdraw: back to the status the request came from; a paid
 * pickup group-buy order whose group succeeded meanwhile goes on to
 * READY_FOR_PICKUP, as the group's success would have moved it.
 */
function backToPrevious(order: Order, event: 'rejectRefund' | 'withdrawRefund', by: OrderActor, now: number, request: RefundRequest): Decision {
  const back = step(order, [event], now, by);
  if (back instanceof Refusal) return back;
  let patch: Partial<OrderDoc> = { ...back, refundRequest: request };
  const resumed = { ...order, ...patch } as Order;
  if (
    resumed.status === 'PAID' &&
    resumed.fulfillment.type === 'pickup' &&
    resumed.groupBuy &&
    groupBuyAllowsFulfilment(resumed as { groupBuy?: { state: GroupState } | null })
  ) {
    const ready = step(resumed, ['readyForPickup'], now, 'system');
    if (!(ready instanceof Refusal)) patch = { ...patch, ...ready };
  }
  return { patch };
}
