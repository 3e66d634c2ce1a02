/** @jest-environment jsdom */
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { httpTransport } from '../../../src/api/transport'
import { restoreStorageMocks, useMemoryStorage } from '../../mocks/memory-storage'

/** Issue 15: a page's first calls start together; they share one dev sign-in instead of one each. */
describe('H5 dev sign-in, once per page load', () => {
  let fetchMock: jest.Mock<(url: string, init?: { headers?: Record<string, string>; body?: string }) => Promise<Response>>
  let storage: Record<string, string>
  let logins = 0
  let valid = new Set<string>()
  const answer = (status: number, body: unknown) => ({ ok: status < 300, status, json: async () => body }) as unknown as Response

  beforeEach(() => {
    storage = useMemoryStorage()
    logins = 0
    valid = new Set()
    fetchMock = jest.fn(async (url: string, init?: { headers?: Record<string, string> }) => {
      await new Promise((done) => setTimeout(done, 5))
      if (url === '/api/dev/login') {
        logins += 1
        const token = `token-${logins}`
        valid.add(token)
        return answer(200, { token })
      }
      const token = (init?.headers?.authorization ?? '').replace('Bearer ', '')
      return valid.has(token) ? answer(200, { result: { ok: true, data: token } }) : answer(401, { error: { code: 'UNAUTHENTICATED', message: '登录已失效' } })
    })
    ;(globalThis as { fetch: unknown }).fetch = fetchMock
  })
  afterEach(() => {
    restoreStorageMocks()
  })

  test('four calls started without a token sign in once and all use that token', async () => {
    const results = await Promise.all(['home', 'banners', 'flash', 'member'].map((action) => httpTransport('catalog', action, {})))
    expect(logins).toBe(1)
    expect(results).toEqual(Array(4).fill({ ok: true, data: 'token-1' }))
    expect(storage['siyu.token']).toBe('token-1')
  })

  test('four calls answered 401 on an expired token renew it once', async () => {
    storage['siyu.token'] = 'expired'
    storage['siyu.openid'] = 'demo-customer'
    const results = await Promise.all(['a', 'b', 'c', 'd'].map((action) => httpTransport('catalog', action, {})))
    expect(logins).toBe(1)
    expect(results.every((r) => (r as { data: string }).data === 'token-1')).toBe(true)
    expect(fetchMock.mock.calls.filter(([url]) => url === '/api/dev/login').map(([, init]) => JSON.parse(init!.body!))).toEqual([{ openid: 'demo-customer' }])
  })
})
