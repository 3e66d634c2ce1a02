import { ApiError, currentToken, NETWORK_ERROR, renewedToken } from '../../api';

export type SandboxResult = 'SUCCESS' | 'FAIL';

/**
 * What the local cloud's pay sheet buttons do: `POST /api/dev/pay/<orderId>`
 * as the order's owner settles the sandbox payment and delivers WeChat's
 * notification once. The session's token is sent (the same one the order
 * was made with); an expired one is renewed once, as the transport does.
 */
export async function settleSandboxPayment(orderId: string, result: SandboxResult): Promise<void> {
  const send = async (token: string | null) => {
    try {
      return await fetch(`/api/dev/pay/${encodeURIComponent(orderId)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ result, times: 1 }),
      });
    } catch (error) {
      throw new ApiError(NETWORK_ERROR, '网络不给力，请稍后重试', error instanceof Error ? { cause: error.message } : undefined);
    }
  };
  const token = currentToken();
  let res = await send(token);
  if (res.status === 401) res = await send(await renewedToken(token));
  if (res.ok) return;
  const body = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
  throw new ApiError(body?.error?.code ?? 'PAYMENT_FAILED', body?.error?.message ?? '支付失败，请稍后再试');
}
