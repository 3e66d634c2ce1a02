/** @jest-environment jsdom */
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { settleSandboxPayment } from '../../../src/components/pay-sheet/sandbox'
import { restoreStorageMocks, useMemoryStorage } from '../../mocks/memory-storage'

/** The local cloud pays a sandbox order only for its owner: the pay sheet sends the session's token. */
describe('settleSandboxPayment', () => {
  let fetchMock: jest.Mock<(url: string, init?: { headers?: Record<string, string>; body?: string }) => Promise<Response>>
  let storage: Record<string, string>
  const answer = (status: number, body: unknown) => ({ ok: status < 300, status, json: async () => body }) as unknown as Response

  beforeEach(() => {
    storage = useMemoryStorage({ 'siyu.token': 'customer-token', 'siyu.openid': 'demo-customer' })
    fetchMock = jest.fn(async () => answer(200, { delivered: 1 }))
    ;(globalThis as { fetch: unknown }).fetch = fetchMock
  })
  afterEach(() => {
    restoreStorageMocks()
  })

  test('posts JSON with the customer’s bearer token', async () => {
    await settleSandboxPayment('o1', 'SUCCESS')
    const [url, init] = fetchMock.mock.calls[0]!
    expect(url).toBe('/api/dev/pay/o1')
    expect(init?.headers).toMatchObject({ 'content-type': 'application/json', authorization: 'Bearer customer-token' })
  })

  test('an expired token is renewed once through dev sign-in as the same customer', async () => {
    fetchMock
      .mockResolvedValueOnce(answer(401, { error: { code: 'UNAUTHENTICATED', message: '登录已失效' } }))
      .mockResolvedValueOnce(answer(200, { token: 'fresh-token' }))
      .mockResolvedValueOnce(answer(200, { delivered: 1 }))
    await settleSandboxPayment('o1', 'FAIL')
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual(['/api/dev/pay/o1', '/api/dev/login', '/api/dev/pay/o1'])
    expect(JSON.parse(fetchMock.mock.calls[1]![1]!.body!)).toEqual({ openid: 'demo-customer' })
    expect(fetchMock.mock.calls[2]![1]?.headers).toMatchObject({ authorization: 'Bearer fresh-token' })
  })

  test('someone else’s order is an error with the server’s code', async () => {
    fetchMock.mockResolvedValueOnce(answer(403, { error: { code: 'FORBIDDEN', message: '只能支付自己的订单' } }))
    await expect(settleSandboxPayment('o2', 'SUCCESS')).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })
})
