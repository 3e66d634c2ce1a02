import { ApiError, NETWORK_ERROR } from '../../api';

export type SandboxResult = 'SUCCESS' | 'FAIL';

/**
 * What the local cloud's pay sheet buttons do: `POST /api/dev/pay/<orderId>`
 * settles the sandbox payment and delivers WeChat's notification once.
 */
export async function settleSandboxPayment(orderId: string, result: SandboxResult): Promise<void> {
  let res: Response;
  try {
    res = await fetch(`/api/dev/pay/${encodeURIComponent(orderId)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ result, times: 1 }),
    });
  } catch (error) {
    throw new ApiError(NETWORK_ERROR, '网络不给力，请稍后重试', error instanceof Error ? { cause: error.message } : undefined);
  }
  if (res.ok) return;
  const body = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
  throw new ApiError(body?.error?.code ?? 'PAYMENT_FAILED', body?.error?.message ?? '支付失败，请稍后再试');
}
