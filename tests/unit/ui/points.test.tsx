/** @jest-environment jsdom */
import { afterEach, describe, expect, jest, test } from '@jest/globals'
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setTransport } from '../../../src/api'
import type { PointsEntryView } from '../../../src/core/contracts/points'
import PointsPage from '../../../src/packages/member/points'
import { createFakeTransport, fail } from '../../mocks/fake-transport'
import { setRouterParams, trigger } from '../../mocks/taro'

const T0 = Date.parse('2026-05-14T02:00:00Z')

/** 45 entries, newest first: check-ins, earns, a redemption every fifth. */
function ledger(): PointsEntryView[] {
  let balance = 1000
  return Array.from({ length: 45 }, (_, i) => {
    const kind = i % 5 === 0 ? 'redeem' : i % 2 === 0 ? 'earn' : 'checkin'
    const delta = kind === 'redeem' ? -100 : kind === 'earn' ? 58 : 5
    const entry: PointsEntryView = {
      id: `${kind}:${i}`,
      kind,
      label: { redeem: '积分兑换', earn: '消费得积分', checkin: '签到有礼' }[kind],
      delta,
      balanceAfter: balance,
      note: kind === 'earn' ? `订单 O${i}` : '',
      createdAt: T0 - i * 3_600_000,
      expiresOn: delta > 0 ? '2027-12-31' : null,
      shortfall: 0
    }
    balance -= delta
    return entry
  })
}

function setup(params: Record<string, string> = {}, entries = ledger()) {
  const fake = createFakeTransport({
    'points.balance': () => ({ balance: 1000, expiringSoon: { amount: 30, on: '2026-12-31' }, byExpiry: [] }),
    'points.ledger': ({ kind, cursor, pageSize }: { kind?: 'earn' | 'spend'; cursor?: string; pageSize: number }) => {
      const shown = entries.filter((e) => (kind === 'earn' ? e.delta > 0 : kind === 'spend' ? e.delta < 0 : true))
      const from = cursor ? Number(cursor) : 0
      const items = shown.slice(from, from + pageSize)
      return { items, nextCursor: from + pageSize < shown.length ? String(from + pageSize) : null }
    }
  })
  setTransport(fake.transport)
  setRouterParams(params)
  render(<PointsPage />)
  return fake
}

const rows = () => screen.queryAllByTestId(/^points-entry-/)

afterEach(() => {
  cleanup()
  jest.clearAllMocks()
  setRouterParams({})
})

describe('points detail', () => {
  test('balance, expiry notice, and entries with their label, signed amount and time', async () => {
    setup()
    await waitFor(() => expect(rows()).toHaveLength(20))
    expect(screen.getByTestId('points-page-balance').textContent).toBe('1000')
    expect(screen.getByTestId('points-page-expiring').textContent).toBe('30 积分将于 2026-12-31 过期')
    const redeem = screen.getByTestId('points-entry-redeem:0')
    expect(redeem.textContent).toContain('积分兑换')
    expect(redeem.textContent).toContain('-100')
    expect(redeem.textContent).toMatch(/2026-05-14 \d{2}:00/)
    const earn = screen.getByTestId('points-entry-earn:2')
    expect(earn.textContent).toContain('消费得积分')
    expect(earn.textContent).toContain('+58')
    expect(earn.textContent).toContain('订单 O2')
    expect(earn.textContent).toContain('有效期至 2027-12-31')
    expect(screen.getByTestId('points-entry-checkin:1').textContent).toContain('+5')
  })

  test('pages load as the list reaches the bottom, once at a time, until 没有更多了', async () => {
    const fake = setup()
    await waitFor(() => expect(rows()).toHaveLength(20))
    act(() => {
      trigger('reachBottom')
      trigger('reachBottom')
    })
    await waitFor(() => expect(rows()).toHaveLength(40))
    expect(fake.callsOf('points', 'ledger').map((c) => c.data.cursor)).toEqual([undefined, '20'])
    act(() => trigger('reachBottom'))
    await waitFor(() => expect(rows()).toHaveLength(45))
    expect(screen.getByText('没有更多了')).toBeTruthy()
    act(() => trigger('reachBottom'))
    expect(fake.callsOf('points', 'ledger')).toHaveLength(3)
    expect(new Set(rows().map((r) => r.getAttribute('data-testid'))).size).toBe(45)
  })

  test('获得 and 使用 filter on the server and start over from the first page', async () => {
    const fake = setup()
    await waitFor(() => expect(rows()).toHaveLength(20))
    fireEvent.click(screen.getByTestId('points-tab-spend'))
    await waitFor(() => expect(rows()).toHaveLength(9))
    expect(rows().every((r) => r.textContent!.includes('-100'))).toBe(true)
    expect(fake.callsOf('points', 'ledger').at(-1)!.data).toEqual({ kind: 'spend', pageSize: 20 })
    fireEvent.click(screen.getByTestId('points-tab-earn'))
    await waitFor(() => expect(rows()).toHaveLength(20))
    expect(rows().every((r) => r.textContent!.includes('+'))).toBe(true)
    expect(fake.callsOf('points', 'ledger').at(-1)!.data).toEqual({ kind: 'earn', pageSize: 20 })
  })

  test('?filter=spend opens 使用; an empty filter says so and leads to 签到', async () => {
    const fake = setup({ filter: 'spend' }, ledger().filter((e) => e.delta > 0))
    expect(await screen.findByText('还没有使用过积分')).toBeTruthy()
    expect(fake.callsOf('points', 'ledger')[0]!.data).toEqual({ kind: 'spend', pageSize: 20 })
    fireEvent.click(screen.getByText('去签到领积分'))
    expect(jest.mocked(Taro.navigateTo)).toHaveBeenCalledWith({ url: '/packages/member/checkin/index' })
  })

  test('a failed next page keeps the entries and offers a retry', async () => {
    const fake = setup()
    await waitFor(() => expect(rows()).toHaveLength(20))
    const ok = fake.handlers['points.ledger']
    fake.handlers['points.ledger'] = () => {
      throw fail('NETWORK_ERROR', '网络不给力')
    }
    act(() => trigger('reachBottom'))
    // The client retries a failed read twice before it gives up and the page offers a retry.
    const retry = await screen.findByText('网络不给力，点击重试', {}, { timeout: 4000 })
    expect(rows()).toHaveLength(20)
    fake.handlers['points.ledger'] = ok
    fireEvent.click(retry)
    await waitFor(() => expect(rows()).toHaveLength(40))
  })

  test('a customer who has not joined is led to 开卡', async () => {
    const fake = setup()
    fake.handlers['points.ledger'] = () => {
      throw fail('NOT_A_MEMBER', '请先开通会员')
    }
    cleanup()
    render(<PointsPage />)
    fireEvent.click(await screen.findByText('去开卡'))
    expect(jest.mocked(Taro.switchTab)).toHaveBeenCalledWith({ url: '/pages/member/index' })
  })
})
