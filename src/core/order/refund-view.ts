import type { RefundRequestView, RefundTimelineStep } from '../contracts/order-refund';
import { MAX_REFUND_REJECTIONS, isRefundableStatus, type RefundRequest } from './refund-request';
import type { Order } from './types';

/**
 * The customer's refund timeline: 申请退款 → 商家处理中 → 退款中 → 已退款,
 * or 已拒绝 (with the operator's reason), or 已撤销.
 */
export function refundRequestView(order: Order): RefundRequestView | null {
  const request = order.refundRequest;
  if (!request) return null;
  return {
    attempt: request.attempt,
    state: request.state,
    amount: request.amount,
    full: request.full,
    lines: request.lines,
    reason: request.reason,
    requestedAt: request.requestedAt,
    decidedAt: request.decidedAt,
    rejectReason: request.state === 'REJECTED' ? request.decisionNote : null,
    refundedAt: refundedAtOf(order, request),
    canRequest: isRefundableStatus(order.status) && request.rejections < MAX_REFUND_REJECTIONS,
    timeline: refundTimeline(order, request),
  };
}

function refundedAtOf(order: Order, request: RefundRequest): number | null {
  if (request.refundedAt) return request.refundedAt;
  return request.full && order.status === 'REFUNDED' ? order.refundedAt : null;
}

export function refundTimeline(order: Order, request: RefundRequest): RefundTimelineStep[] {
  const requested: RefundTimelineStep = { key: 'requested', label: '申请退款', at: request.requestedAt, state: 'done', ...(request.reason ? { note: request.reason } : {}) };
  if (request.state === 'WITHDRAWN') {
    return [requested, { key: 'withdrawn', label: '已撤销申请', at: request.decidedAt, state: 'done' }];
  }
  if (request.state === 'REJECTED') {
    return [
      requested,
      { key: 'reviewing', label: '商家处理中', at: request.decidedAt, state: 'done' },
      { key: 'rejected', label: '已拒绝', at: request.decidedAt, state: 'failed', ...(request.decisionNote ? { note: request.decisionNote } : {}) },
    ];
  }
  // A system refund (a failed group-buy) may overtake a pending request.
  const systemRefund = request.state === 'PENDING' && (order.status === 'REFUNDING' || order.status === 'REFUNDED');
  const decided = request.state === 'APPROVED' || systemRefund;
  const refundedAt = refundedAtOf(order, request) ?? (systemRefund && order.status === 'REFUNDED' ? order.refundedAt : null);
  const reviewNote = request.decidedBy === 'system' ? '超时自动同意' : decided ? (systemRefund ? '系统退款' : '商家已同意') : undefined;
  return [
    requested,
    { key: 'reviewing', label: '商家处理中', at: decided ? (request.decidedAt ?? order.updatedAt) : null, state: decided ? 'done' : 'current', ...(reviewNote ? { note: reviewNote } : {}) },
    { key: 'refunding', label: '退款中', at: decided ? (request.decidedAt ?? order.updatedAt) : null, state: refundedAt ? 'done' : decided ? 'current' : 'todo' },
    { key: 'refunded', label: '已退款', at: refundedAt, state: refundedAt ? 'done' : 'todo' },
  ];
}
