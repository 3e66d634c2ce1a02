import type { IncomingMessage, ServerResponse } from 'node:http';
import { SandboxPayError, type SandboxPay } from '../pay';
import { readJsonBody } from './body';
import { HttpError, sendError, sendJson } from './respond';

export interface DevPayRouteDeps {
  pay: SandboxPay;
}

const MAX_DELIVERIES = 20;

/**
 * `POST /api/dev/pay/<orderId> {"result": "SUCCESS"|"FAIL", "times": N}`: the
 * sandbox settles the payment and delivers WeChat's payment notification N
 * times to payCallback, as WeChat retries it. Answers the delivery report.
 */
export async function handleDevPay(req: IncomingMessage, res: ServerResponse, orderId: string, deps: DevPayRouteDeps): Promise<void> {
  if (req.method !== 'POST') return sendError(res, 405, 'METHOD_NOT_ALLOWED', '请使用 POST / use POST', {}, { Allow: 'POST, OPTIONS' });
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
  try {
    const report = await deps.pay.deliverPaymentNotification(orderId, result, times as number);
    sendJson(res, 200, { orderId, result, delivered: report.delivered, acknowledged: report.acknowledged, allAcknowledged: report.allAcknowledged });
  } catch (error) {
    if (error instanceof SandboxPayError) return sendError(res, 404, 'PAYMENT_NOT_FOUND', `该订单没有待支付的沙箱支付 / ${error.message}`);
    throw error;
  }
}
