/** @jest-environment jsdom */
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setTransport } from '../../../src/api'
import type { StaffAuditEntryView } from '../../../src/core/contracts/staff'
import OpsLivePage from '../../../src/packages/ops/live'
import OpsStaffPage from '../../../src/packages/ops/staff'
import { createFakeTransport, type FakeHandler } from '../../mocks/fake-transport'
import { trigger } from '../../mocks/taro'

const entry = (id: string, extra: Partial<StaffAuditEntryView> = {}): StaffAuditEntryView => ({
  id,
  staffOpenid: 'demo-staff',
  storeId: 'store-demo',
  action: 'verifyPickup',
  target: `order-${id}`,
  result: 'ok',
  at: Date.UTC(2026, 10, 25, 2, 0, 0),
  ...extra
})

function setup(handlers: Record<string, FakeHandler>, roles = ['customer', 'operator']) {
  const fake = createFakeTransport({
    'system.whoami': () => ({ openid: 'demo-operator', roles, staffStoreIds: [] }),
    ...handlers
  })
  setTransport(fake.transport)
  return fake
}

const type = (id: string, value: string) => fireEvent.change(document.getElementById(id) as HTMLInputElement, { target: { value } })

beforeEach(() => {
  jest.mocked(Taro.showModal).mockImplementation(async () => ({ errMsg: 'ok', confirm: true, cancel: false }))
})
afterEach(() => {
  cleanup()
  jest.clearAllMocks()
})

describe('ops: staff roles and the audit log', () => {
  test('grant submits once and shows the roles and stores answered', async () => {
    let release: () => void = () => undefined
    const fake = setup({
      'staff.auditLog': () => ({ items: [], page: 1, pageSize: 20, hasMore: false }),
      'staff.grantStaff': (data: { openid: string; storeId: string }) =>
        new Promise((resolve) => {
          release = () => resolve({ openid: data.openid, roles: ['staff'], staffStoreIds: [data.storeId] })
        })
    })
    render(<OpsStaffPage />)
    await screen.findByText('还没有核销记录')
    type('staff-openid', 'u-alice')
    const grant = screen.getByTestId('staff-grant')
    fireEvent.click(grant)
    fireEvent.click(grant)
    await waitFor(() => expect(fake.callsOf('staff', 'grantStaff')).toHaveLength(1))
    expect(fake.callsOf('staff', 'grantStaff')[0].data).toEqual({ openid: 'u-alice', storeId: 'store-demo' })
    await act(async () => release())
    const result = await screen.findByTestId('staff-result')
    expect(result.textContent).toContain('店员')
    expect(result.textContent).toContain('store-demo')
    expect(fake.callsOf('staff', 'grantStaff')).toHaveLength(1)
    // The log is read again after the change.
    await waitFor(() => expect(fake.callsOf('staff', 'auditLog').length).toBeGreaterThanOrEqual(2))
  })

  test('revoking asks first; a cancelled confirm sends nothing', async () => {
    jest.mocked(Taro.showModal).mockImplementation(async () => ({ errMsg: 'ok', confirm: false, cancel: true }))
    const fake = setup({
      'staff.auditLog': () => ({ items: [], page: 1, pageSize: 20, hasMore: false }),
      'staff.revokeStaff': () => ({ openid: 'u-alice', roles: [], staffStoreIds: [] })
    })
    render(<OpsStaffPage />)
    await screen.findByText('还没有核销记录')
    type('staff-openid', 'u-alice')
    fireEvent.click(screen.getByTestId('staff-revoke'))
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1))
    expect(fake.callsOf('staff', 'revokeStaff')).toHaveLength(0)
  })

  test('the audit log renders entries and loads more pages', async () => {
    const fake = setup({
      'staff.auditLog': (data: { page: number }) =>
        data.page === 1
          ? { items: [entry('a1'), entry('a2', { action: 'grantStaff', result: 'STORE_NOT_FOUND' })], page: 1, pageSize: 2, hasMore: true }
          : { items: [entry('a3', { action: 'verifyCoupon', result: 'duplicate' })], page: 2, pageSize: 2, hasMore: false }
    })
    render(<OpsStaffPage />)
    const first = await screen.findByTestId('staff-log-a1')
    expect(first.textContent).toContain('自提核销')
    expect(first.textContent).toContain('demo-staff')
    expect(first.textContent).toContain('order-a1')
    expect(first.textContent).toContain('成功')
    expect(first.textContent).toMatch(/2026-11-25/)
    expect(screen.getByTestId('staff-log-a2').textContent).toContain('STORE_NOT_FOUND')
    fireEvent.click(screen.getByTestId('staff-log-more'))
    expect((await screen.findByTestId('staff-log-a3')).textContent).toContain('重复')
    expect(fake.callsOf('staff', 'auditLog').map((c) => c.data.page)).toEqual([1, 2])
    expect(screen.getByTestId('staff-log-more').textContent).toBe('没有更多了')
  })

  test('a failed log shows an error with retry', async () => {
    let failing = true
    setup({
      'staff.auditLog': () => {
        if (failing) throw new Error('network down')
        return { items: [entry('b1')], page: 1, pageSize: 20, hasMore: false }
      }
    })
    render(<OpsStaffPage />)
    const retry = await screen.findByText('重试', undefined, { timeout: 4000 })
    failing = false
    fireEvent.click(retry)
    await screen.findByTestId('staff-log-b1')
  })

  test('a customer sees 无权限 and nothing is asked', async () => {
    const fake = setup({}, ['customer'])
    render(<OpsStaffPage />)
    await screen.findByTestId('ops-no-access')
    expect(screen.getByText('无权限')).toBeTruthy()
    expect(fake.callsOf('staff', 'auditLog')).toHaveLength(0)
  })
})

describe('ops: live room sales', () => {
  test('lists rooms with orders and the paid amount in ¥, and refreshes on pull-down', async () => {
    let paid = 12800
    const fake = setup({
      'live.salesByRoom': () => ({ rooms: [{ roomId: 'r1', title: '周五茶会直播', orders: 3, paidAmount: paid }], serverNow: Date.now() })
    })
    render(<OpsLivePage />)
    const row = await screen.findByTestId('ops-live-r1')
    expect(row.textContent).toContain('周五茶会直播')
    expect(within(row).getByText('3')).toBeTruthy()
    expect(within(row).getByText('¥128.00')).toBeTruthy()
    paid = 25600
    await act(async () => trigger('pullDownRefresh'))
    await waitFor(() => expect(within(screen.getByTestId('ops-live-r1')).getByText('¥256.00')).toBeTruthy())
    expect(fake.callsOf('live', 'salesByRoom')).toHaveLength(2)
  })

  test('no rooms shows the empty state; a customer sees 无权限', async () => {
    setup({ 'live.salesByRoom': () => ({ rooms: [], serverNow: Date.now() }) })
    render(<OpsLivePage />)
    await screen.findByText('还没有直播间')
    cleanup()
    setup({}, ['customer'])
    render(<OpsLivePage />)
    await screen.findByTestId('ops-no-access')
  })
})
