/** @jest-environment jsdom */
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setTransport } from '../../../src/api'
import type { RefundRequestPage, RefundRequestRow } from '../../../src/core/contracts/order-refund'
import OpsRefundsPage from '../../../src/packages/ops/refunds'
import { createFakeTransport, fail, type FakeHandler } from '../../mocks/fake-transport'

const HOUR = 3_600_000

const row = (orderId: string, extra: Partial<RefundRequestRow> = {}): RefundRequestRow => ({
  orderId,
  attempt: 1,
  state: 'PENDING',
  orderStatus: 'REFUND_REQUESTED',
  orderStatusLabel: '退款审核中',
  amount: 7800,
  paid: 7800,
  full: true,
  linesSummary: '冻顶乌龙（大杯）×2',
  reason: '不想要了',
  customerName: '小思',
  requestedAt: Date.now() - 5 * HOUR,
  autoApproveAt: Date.now() + 43 * HOUR + 60_000,
  decidedAt: null,
  decidedBy: null,
  decisionNote: null,
  ...extra
})
const page = (items: RefundRequestRow[]): RefundRequestPage => ({ items, page: 0, pageSize: 50, hasMore: false, autoApproveHours: 48 })

function setup(handlers: Record<string, FakeHandler>, roles = ['customer', 'operator']) {
  const fake = createFakeTransport({
    'system.whoami': () => ({ openid: 'demo-operator', roles, staffStoreIds: [] }),
    ...handlers
  })
  setTransport(fake.transport)
  render(<OpsRefundsPage />)
  return fake
}

beforeEach(() => {
  jest.mocked(Taro.showModal).mockImplementation(async () => ({ errMsg: 'ok', confirm: true, cancel: false }))
})
afterEach(() => {
  cleanup()
  jest.clearAllMocks()
})

describe('ops: 退款审核', () => {
  test('pending requests show amount, reason, customer, age and the auto-approve countdown; no internal ids', async () => {
    setup({ 'order.listRefundRequests': () => page([row('o1'), row('o2', { full: false, amount: 1200, autoApproveAt: Date.now() + 2 * HOUR })]) })
    const first = await screen.findByTestId('refund-row-o1')
    expect(within(first).getByTestId('refund-row-amount').textContent).toBe('¥78.00')
    expect(first.textContent).toContain('小思')
    expect(first.textContent).toContain('不想要了')
    expect(first.textContent).toContain('整单退款')
    expect(first.textContent).toContain('已等待 5 小时')
    expect(within(first).getByTestId('refund-row-countdown').textContent).toBe('1 天 19 小时后自动同意')
    const second = screen.getByTestId('refund-row-o2')
    expect(second.textContent).toContain('部分退款')
    expect(within(second).getByTestId('refund-row-countdown').className).toContain('refund-row__due--urgent')
    expect(document.body.textContent).not.toContain('o1')
    expect(screen.getByText('申请提交 48 小时内未处理将自动同意退款')).not.toBeNull()
  })

  test('同意退款 asks first, then sends the decision for the request shown, and reloads', async () => {
    let pending = [row('o1', { attempt: 2 })]
    const fake = setup({
      'order.listRefundRequests': () => page(pending),
      'order.reviewRefund': () => {
        pending = []
        return {}
      }
    })
    fireEvent.click(within(await screen.findByTestId('refund-row-o1')).getByTestId('refund-approve'))
    await waitFor(() => expect(fake.callsOf('order', 'reviewRefund')).toHaveLength(1))
    expect(jest.mocked(Taro.showModal)).toHaveBeenCalledWith(expect.objectContaining({ title: '同意退款' }))
    expect(fake.callsOf('order', 'reviewRefund')[0]!.data).toEqual({ orderId: 'o1', decision: 'approve', attempt: 2 })
    await screen.findByText('没有待处理的退款申请')
  })

  test('拒绝 needs a reason in the sheet; the reason is sent', async () => {
    const fake = setup({ 'order.listRefundRequests': () => page([row('o1')]), 'order.reviewRefund': () => ({}) })
    fireEvent.click(within(await screen.findByTestId('refund-row-o1')).getByTestId('refund-reject'))
    const sheet = await screen.findByTestId('refund-reject-sheet')
    const submit = within(sheet).getByTestId('refund-reject-submit') as HTMLButtonElement
    expect(submit.disabled).toBe(true)
    fireEvent.click(within(sheet).getByText('商品已拆封使用'))
    fireEvent.click(submit)
    await waitFor(() => expect(fake.callsOf('order', 'reviewRefund')).toHaveLength(1))
    expect(fake.callsOf('order', 'reviewRefund')[0]!.data).toEqual({ orderId: 'o1', decision: 'reject', attempt: 1, reason: '商品已拆封使用' })
    await waitFor(() => expect(screen.queryByTestId('refund-reject-sheet')).toBeNull())
  })

  test('a request decided meanwhile says so and reloads', async () => {
    const fake = setup({
      'order.listRefundRequests': () => page([row('o1')]),
      'order.reviewRefund': () => {
        throw fail('REFUND_ALREADY_DECIDED', '该退款申请已处理')
      }
    })
    fireEvent.click(within(await screen.findByTestId('refund-row-o1')).getByTestId('refund-approve'))
    await waitFor(() => expect(jest.mocked(Taro.showToast)).toHaveBeenCalledWith(expect.objectContaining({ title: '该申请已被处理' })))
    await waitFor(() => expect(fake.callsOf('order', 'listRefundRequests').length).toBeGreaterThanOrEqual(2))
  })

  test('已处理 lists decisions with their reason; no buttons', async () => {
    const at = Date.now() - HOUR
    const fake = setup({
      'order.listRefundRequests': ({ tab }: { tab: string }) =>
        page(
          tab === 'decided'
            ? [
                row('o3', { state: 'REJECTED', orderStatus: 'SHIPPED', decidedAt: at, decidedBy: 'operator', decisionNote: '商品已拆封', autoApproveAt: null }),
                row('o4', { state: 'APPROVED', orderStatus: 'REFUNDED', decidedAt: at, decidedBy: 'system', autoApproveAt: null })
              ]
            : []
        )
    })
    await screen.findByText('没有待处理的退款申请')
    fireEvent.click(screen.getByTestId('refund-tab-decided'))
    const rejected = await screen.findByTestId('refund-row-o3')
    expect(within(rejected).getByTestId('refund-row-decision').textContent).toContain('拒绝原因：商品已拆封')
    expect(within(screen.getByTestId('refund-row-o4')).getByTestId('refund-row-decision').textContent).toContain('超时自动同意')
    expect(screen.queryByTestId('refund-approve')).toBeNull()
    expect(fake.callsOf('order', 'listRefundRequests').at(-1)!.data).toMatchObject({ tab: 'decided' })
  })

  test('an error shows a retry; a customer sees 无权限 and the list is never asked', async () => {
    setup({
      'order.listRefundRequests': () => {
        throw fail('INTERNAL', '服务开小差了')
      }
    })
    await screen.findByText('服务开小差了')
    cleanup()
    const fake = setup({ 'order.listRefundRequests': () => page([]) }, ['customer'])
    await waitFor(() => expect(fake.callsOf('system', 'whoami')).toHaveLength(1))
    expect(fake.callsOf('order', 'listRefundRequests')).toHaveLength(0)
  })
})
