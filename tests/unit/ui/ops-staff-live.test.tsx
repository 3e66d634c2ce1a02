/** @jest-environment jsdom */
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setTransport } from '../../../src/api'
import type { StaffAuditEntryView } from '../../../src/core/contracts/staff'
import type { ListStaffResult } from '../../../src/core/contracts/staff-admin'
import OpsLivePage from '../../../src/packages/ops/live'
import OpsStaffPage from '../../../src/packages/ops/staff'
import { createFakeTransport, type FakeHandler } from '../../mocks/fake-transport'
import { trigger } from '../../mocks/taro'

const entry = (id: string, extra: Partial<StaffAuditEntryView> = {}): StaffAuditEntryView => ({
  id,
  staffOpenid: 'demo-staff',
  storeId: 'store-demo',
  action: 'verifyPickup',
  target: `o_${id}`,
  result: 'ok',
  at: Date.UTC(2026, 10, 25, 2, 0, 0),
  staffName: '店员阿美',
  storeName: '演示店',
  targetLabel: `订单 o_${id}`,
  ...extra
})

const people: ListStaffResult = {
  stores: [
    { storeId: 'store-demo', name: '演示店', pickupEnabled: true, staff: [{ openid: 'demo-staff', nickname: '店员阿美', maskedPhone: '139****2222' }] },
    { storeId: 'store-jingan', name: '静安寺店', pickupEnabled: false, staff: [] }
  ],
  operators: [{ openid: 'demo-operator', nickname: '运营小王', maskedPhone: null }]
}
const emptyLog = () => ({ items: [], page: 1, pageSize: 20, hasMore: false })

function setup(handlers: Record<string, FakeHandler>, roles = ['customer', 'operator']) {
  const fake = createFakeTransport({
    'system.whoami': () => ({ openid: 'demo-operator', roles, staffStoreIds: [] }),
    'staff.listStaff': () => people,
    'staff.auditLog': emptyLog,
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

describe('ops: staff per store, granted from pickers', () => {
  test('lists staff per store by name, never by openid', async () => {
    setup({})
    render(<OpsStaffPage />)
    const demo = await screen.findByTestId('staff-store-store-demo')
    expect(demo.textContent).toContain('演示店')
    expect(demo.textContent).toContain('店员阿美（139****2222）')
    expect(demo.textContent).not.toContain('demo-staff')
    expect(screen.getByTestId('staff-store-store-jingan').textContent).toContain('还没有店员')
    expect(screen.getByTestId('staff-store-store-jingan').textContent).toContain('暂停自提')
  })

  test('grant: search a user, pick them and a store, submit once; the list is read again', async () => {
    let release: () => void = () => undefined
    const fake = setup({
      'staff.searchUsers': () => ({ users: [{ openid: 'u-alice', nickname: '小爱', maskedPhone: '138****0001', staffStoreNames: [], operator: false }] }),
      'staff.grantStaff': (data: { openid: string; storeId: string }) =>
        new Promise((resolve) => {
          release = () => resolve({ openid: data.openid, roles: ['staff'], staffStoreIds: [data.storeId] })
        })
    })
    render(<OpsStaffPage />)
    await screen.findByTestId('staff-store-store-demo')
    // Nobody chosen yet: nothing is sent.
    fireEvent.click(screen.getByTestId('staff-grant'))
    expect(fake.callsOf('staff', 'grantStaff')).toHaveLength(0)

    type('staff-user-query', '小爱')
    fireEvent.click(screen.getByTestId('staff-user-search'))
    const option = await screen.findByTestId('staff-user-option-0')
    expect(option.textContent).toContain('小爱（138****0001）')
    expect(option.textContent).not.toContain('u-alice')
    expect(fake.callsOf('staff', 'searchUsers')[0].data).toEqual({ query: '小爱' })
    fireEvent.click(option)
    expect(screen.getByTestId('staff-user-chosen').textContent).toContain('小爱')
    fireEvent.click(screen.getByTestId('staff-grant-store-store-jingan'))

    const grant = screen.getByTestId('staff-grant')
    fireEvent.click(grant)
    fireEvent.click(grant)
    await waitFor(() => expect(fake.callsOf('staff', 'grantStaff')).toHaveLength(1))
    expect(fake.callsOf('staff', 'grantStaff')[0].data).toEqual({ openid: 'u-alice', storeId: 'store-jingan' })
    await act(async () => release())
    await waitFor(() => expect(fake.callsOf('staff', 'listStaff').length).toBeGreaterThanOrEqual(2))
    expect(fake.callsOf('staff', 'grantStaff')).toHaveLength(1)
  })

  test('a search that finds nobody says so', async () => {
    setup({ 'staff.searchUsers': () => ({ users: [] }) })
    render(<OpsStaffPage />)
    await screen.findByTestId('staff-store-store-demo')
    type('staff-user-query', '没人')
    fireEvent.click(screen.getByTestId('staff-user-search'))
    await screen.findByText('没有找到该用户，请确认对方已登录过小程序')
  })

  test('revoking asks first by name; a cancelled confirm sends nothing, a confirmed one revokes that store', async () => {
    const fake = setup({ 'staff.revokeStaff': () => ({ openid: 'demo-staff', roles: [], staffStoreIds: [] }) })
    render(<OpsStaffPage />)
    await screen.findByTestId('staff-store-store-demo')
    jest.mocked(Taro.showModal).mockImplementationOnce(async () => ({ errMsg: 'ok', confirm: false, cancel: true }))
    fireEvent.click(screen.getByTestId('staff-revoke-store-demo-0'))
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1))
    expect(jest.mocked(Taro.showModal).mock.calls[0][0]).toMatchObject({ content: expect.stringContaining('店员阿美') })
    expect(fake.callsOf('staff', 'revokeStaff')).toHaveLength(0)
    fireEvent.click(screen.getByTestId('staff-revoke-store-demo-0'))
    await waitFor(() => expect(fake.callsOf('staff', 'revokeStaff')).toHaveLength(1))
    expect(fake.callsOf('staff', 'revokeStaff')[0].data).toEqual({ openid: 'demo-staff', storeId: 'store-demo' })
  })

  test('a customer sees 无权限 and nothing is asked', async () => {
    const fake = setup({}, ['customer'])
    render(<OpsStaffPage />)
    await screen.findByTestId('ops-no-access')
    expect(screen.getByText('无权限')).toBeTruthy()
    expect(fake.callsOf('staff', 'auditLog')).toHaveLength(0)
    expect(fake.callsOf('staff', 'listStaff')).toHaveLength(0)
  })
})

describe('ops: the audit log', () => {
  const openLog = async () => {
    await screen.findByTestId('staff-tab-audit')
    fireEvent.click(screen.getByTestId('staff-tab-audit'))
  }

  test('renders names and Chinese results, and loads more pages', async () => {
    const fake = setup({
      'staff.auditLog': (data: { page: number }) =>
        data.page === 1
          ? {
              items: [
                entry('a1'),
                entry('a2', { action: 'verifyCoupon', result: 'COUPON_THRESHOLD_NOT_MET', target: '1234', targetLabel: '券码 1234' }),
                entry('a4', { action: 'paymentMismatch', result: 'DUPLICATE_PAYMENT', staffOpenid: 'system', staffName: '系统' })
              ],
              page: 1,
              pageSize: 3,
              hasMore: true
            }
          : { items: [entry('a3', { action: 'verifyPickup', result: 'PICKUP_WRONG_STORE' })], page: 2, pageSize: 3, hasMore: false }
    })
    render(<OpsStaffPage />)
    await openLog()
    const first = await screen.findByTestId('staff-log-a1')
    expect(first.textContent).toContain('自提核销')
    expect(first.textContent).toContain('店员阿美')
    expect(first.textContent).toContain('演示店')
    expect(first.textContent).toContain('订单 o_a1')
    expect(first.textContent).toContain('成功')
    expect(first.textContent).not.toContain('demo-staff')
    expect(first.textContent).toMatch(/2026-11-25/)
    expect(screen.getByTestId('staff-log-a2').textContent).toContain('未达用券门槛')
    expect(screen.getByTestId('staff-log-a4').textContent).toContain('重复支付')
    fireEvent.click(screen.getByTestId('staff-log-more'))
    expect((await screen.findByTestId('staff-log-a3')).textContent).toContain('非本店自提订单')
    expect(fake.callsOf('staff', 'auditLog').map((c) => c.data.page)).toEqual([1, 2])
    expect(screen.getByTestId('staff-log-more').textContent).toBe('没有更多了')
  })

  test('filters by kind (role changes), store, who acted and date; role entries read as sentences', async () => {
    const fake = setup({
      'staff.auditLog': (data: { kind: string }) =>
        data.kind === 'roles'
          ? { items: [entry('r1', { action: 'grantStaff', staffName: '运营小王', storeName: '静安寺店', targetLabel: '小爱' })], page: 1, pageSize: 20, hasMore: false }
          : emptyLog()
    })
    render(<OpsStaffPage />)
    await openLog()
    await screen.findByText('没有符合条件的记录')
    fireEvent.click(screen.getByTestId('audit-kind-roles'))
    expect((await screen.findByTestId('staff-log-r1')).textContent).toContain('运营小王 授予 小爱 在 静安寺店 的店员权限')
    fireEvent.click(screen.getByTestId('audit-store-store-jingan'))
    fireEvent.click(screen.getByTestId('audit-actor-demo-operator'))
    fireEvent.click(screen.getByTestId('audit-date-today'))
    await waitFor(() => expect(fake.callsOf('staff', 'auditLog').at(-1)!.data).toMatchObject({ kind: 'roles', storeId: 'store-jingan', staffOpenid: 'demo-operator', page: 1 }))
    const last = fake.callsOf('staff', 'auditLog').at(-1)!.data as { from: number; to: number }
    expect(last.to - last.from).toBe(24 * 3600_000)
    fireEvent.click(screen.getByTestId('audit-date-custom'))
    type('audit-from', '2026-11-01')
    type('audit-to', '2026-11-30')
    await waitFor(() =>
      expect(fake.callsOf('staff', 'auditLog').at(-1)!.data).toMatchObject({ from: Date.parse('2026-11-01T00:00:00+08:00'), to: Date.parse('2026-12-01T00:00:00+08:00') })
    )
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
    await openLog()
    const retry = await screen.findByText('重试', undefined, { timeout: 4000 })
    failing = false
    fireEvent.click(retry)
    await screen.findByTestId('staff-log-b1')
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
