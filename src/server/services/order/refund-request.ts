import type { OrderView } from '../../../core/contracts/order';
import { planRefund, refuseNewRequest, type RefundAsk, type RefundRequest } from '../../../core/order/refund-request';
import { toOrderView } from '../../../core/order/view';
import { changeOrder, step } from './change';
import type { ServiceDeps } from './deps';
import { refuse, Refusal } from './transact';

export interface RefundRequestInput extends RefundAsk {
  orderId: string;
  reason: string;
}

/**
 * The customer asks for a refund (whole, or part by lines or amount): the
 * order waits in REFUND_REQUESTED with the request on it, remembering the
 * status it came from. Nothing is refunded and no hook runs until it is
 * approved (services/order/review.ts, or the sweep's auto-approval). A
 * repeat while it waits answers the order as it is.
 */
export async function requestRefund(deps: ServiceDeps, openid: string, input: RefundRequestInput): Promise<OrderView> {
  const now = deps.now();
  let requestedNow: RefundRequest | null = null;
  const order = await changeOrder(deps, input.orderId, openid, (current) => {
    requestedNow = null; // the transaction may run this again: only the committed run counts
    if (current.status === 'REFUND_REQUESTED' || current.status === 'REFUNDING') return null;
    const next = step(current, ['requestRefund'], now, 'customer');
    if (next instanceof Refusal) return next;
    const limit = refuseNewRequest(current, input.reason);
    if (limit) return refuse(limit);
    const plan = planRefund(current, input);
    if (!('full' in plan)) return refuse(plan);
    const request: RefundRequest = {
      attempt: (current.refundRequest?.attempt ?? 0) + 1,
      state: 'PENDING',
      previousStatus: current.status,
      reason: input.reason,
      amount: plan.amount,
      full: plan.full,
      lines: plan.lines,
      requestedAt: now,
      decidedAt: null,
      decidedBy: null,
      decisionNote: null,
      rejections: current.refundRequest?.rejections ?? 0,
      refundNo: null,
      refundedAt: null,
    };
    requestedNow = request;
    return { patch: { ...next, refundRequestedAt: now, refundRequest: request } };
  });
  if (requestedNow) deps.log.info('refund requested', { orderId: input.orderId, ...(requestedNow as RefundRequest) });
  return toOrderView(order);
}
