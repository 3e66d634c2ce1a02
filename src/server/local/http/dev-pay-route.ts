import type { IncomingMessage, ServerResponse } from 'node:http';
import { SandboxPayError, type SandboxPay } from '../pay';
import { readJsonBody } from './body';
import { authenticateOr401, type CallerDeps } from './caller';
import { HttpError, sendError, sendJson } from './respond';

export interface DevPayRouteDeps extends CallerDeps {
  pay: SandboxPay;
  /** The openid the sandbox payment of an order was opened for, or null when none was opened. */
  paymentOwner(orderId: string): Promise<string | null>;
}

const MAX_DELIVERIES = 20;

/**
 * `POST /api/dev/pay/<orderId> {"result": "SUCCESS"|"FAIL", "times": N}`, as
 * the order's owner (`Authorization: Bearer`): the sandbox settles the
 * payment and delivers WeChat's payment notification N times to
 * payCallback, as WeChat retries it. Answers the delivery report.
 */
export async function handleDevPay(req: IncomingMessage, res: ServerResponse, orderId: string, deps: DevPayRouteDeps): Promise<void> {
  if (req.method !== 'POST') return sendError(res, 405, 'METHOD_NOT_ALLOWED', '请使用 POST / use POST', {}, { Allow: 'POST, OPTIONS' });
  const openid = authenticateOr401(req, res, deps);
  if (!openid) return;
  let body: { result?: unknown; times?: unknown } | null;
  try {
    body = (await readJsonBody(req)) as typeof body;
  } catch (error) {
    if (error instanceof HttpError) return sendError(res, error.status, error.code, error.message);
    throw error;
  }
  const result = body?.result ?? 'SUCCESS';
  const times = body?.times ?? 1;
  if (result !== 'SUCCESS' && result !== 'FAIL') {
    return sendError(res, 400, 'BAD_REQUEST', 'result 应为 SUCCESS 或 FAIL / result must be SUCCESS or FAIL');
  }
  if (!Number.isSafeInteger(times) || (times as number) < 1 || (times as number) > MAX_DELIVERIES) {
    return sendError(res, 400, 'BAD_REQUEST', `times 应为 1–${MAX_DELIVERIES} 的整数 / times must be an integer 1-${MAX_DELIVERIES}`);
  }
  const owner = await deps.paymentOwner(orderId);
  if (owner === null) return paymentNotFound(res, `no payment was opened for order ${orderId}`);
  if (owner !== openid) return sendError(res, 403, 'FORBIDDEN', '只能支付自己的订单 / this order belongs to someone else');
  try {
    const report = await deps.pay.deliverPaymentNotification(orderId, result, times as number);
    sendJson(res, 200, { orderId, result, delivered: report.delivered, acknowledged: report.acknowledged, allAcknowledged: report.allAcknowledged });
  } catch (error) {
    if (error instanceof SandboxPayError) return paymentNotFound(res, error.message);
    throw error;
  }
}

function paymentNotFound(res: ServerResponse, detail: string): void {
  sendError(res, 404, 'PAYMENT_NOT_FOUND', `该订单没有待支付的沙箱支付 / ${detail}`);
}
