/** @jest-environment jsdom */
import { afterEach, describe, expect, jest, test } from '@jest/globals'
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { setTransport } from '../../../src/api'
import StaffScanPage from '../../../src/packages/staff/scan'
import { createFakeTransport, fail } from '../../mocks/fake-transport'

const MEMBER = { memberId: 'M0001', nickname: '小思', tier: { id: 'silver', name: '银卡会员', discountBps: 200 }, points: 120, growth: 300 }
const PROFILE = {
  nickname: '小思',
  tier: '银卡会员',
  lifecycle: '休眠期',
  rfmClass: '重要挽留',
  tags: ['茶饮控'],
  points: 120,
  lastPaidAt: Date.UTC(2026, 8, 1, 4),
  netOrders: 6,
  topCategories: ['茶饮', '烘焙']
}

function setup(counterProfile: () => unknown) {
  const fake = createFakeTransport({
    'system.ping': () => ({ pong: true, now: Date.now() }),
    'staff.myStores': () => ({ stores: [{ storeId: 's1', name: '徐汇店' }] }),
    'staff.scan': () => ({ kind: 'member', member: MEMBER, session: { sessionId: 'cs1', expiresAt: Date.now() + 600_000, ttlMs: 600_000 } }),
    'crm.counterProfile': counterProfile
  })
  setTransport(fake.transport)
  render(<StaffScanPage />)
  return fake
}

async function scan() {
  await screen.findByTestId('staff-code-input')
  fireEvent.change(screen.getByTestId('staff-code-input'), { target: { value: '812345678901234567' } })
  await act(async () => {
    fireEvent.click(screen.getByTestId('staff-code-submit'))
  })
}

afterEach(() => {
  cleanup()
  jest.clearAllMocks()
})

describe('staff counter: the slim member profile', () => {
  test('a scanned member shows stage, RFM class, tags, last purchase and favourite categories', async () => {
    const fake = setup(() => PROFILE)
    await scan()
    const card = await screen.findByTestId('staff-counter-profile')
    expect(fake.callsOf('crm', 'counterProfile')[0]!.data).toEqual({ sessionId: 'cs1', storeId: 's1' })
    expect(card.textContent).toContain('休眠期')
    expect(card.textContent).toContain('重要挽留')
    expect(card.textContent).toContain('茶饮控')
    expect(card.textContent).toContain('最近消费 2026-09-01 · 共 6 单')
    expect(card.textContent).toContain('常买：茶饮、烘焙')
  })

  test('a refused profile stays out of the way: the counter works as before', async () => {
    const fake = setup(() => {
      throw fail('FORBIDDEN', '无权限')
    })
    await scan()
    await waitFor(() => expect(fake.callsOf('crm', 'counterProfile')).toHaveLength(1))
    expect(screen.getByTestId('staff-member-card')).toBeTruthy()
    expect(screen.queryByTestId('staff-counter-profile')).toBeNull()
  })
})
