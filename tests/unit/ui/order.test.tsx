/** @jest-environment jsdom */
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setTransport } from '../../../src/api'
import { resetServerClock } from '../../../src/components/order-countdown/server-clock'
import type { OrderView } from '../../../src/core/contracts/order'
import type { OrderStatus } from '../../../src/core/order/status'
import OrderPage from '../../../src/packages/trade/order'
import { createFakeOrders, orderView } from '../../mocks/fake-orders'
import { createFakeTransport, fail } from '../../mocks/fake-transport'
import { setRouterParams } from '../../mocks/taro'

function setup(order: OrderView) {
  const server = createFakeOrders({ now: () => Date.now() })
  server.put(order)
  const fake = createFakeTransport(server.handlers)
  setTransport(fake.transport)
  setRouterParams({ id: order._id })
  render(<OrderPage />)
  return { server, fake }
}

const label = () => screen.getByTestId('order-status-label').textContent
const button = (action: string) => screen.queryByTestId(`order-action-${action}`) as HTMLButtonElement | null

beforeEach(() => {
  resetServerClock()
  jest.mocked(Taro.showModal).mockImplementation(async () => ({ errMsg: 'ok', confirm: true, cancel: false }))
})
afterEach(() => {
  cleanup()
  jest.clearAllMocks()
})

describe('order detail: what each status offers', () => {
  test.each<[OrderStatus, string[]]>([
    ['PENDING_PAYMENT', ['cancel', 'pay']],
    ['PAID', ['refund']],
    ['READY_FOR_PICKUP', ['refund']],
    ['SHIPPED', ['refund', 'confirm']],
    ['COMPLETED', []],
    ['CANCELLED', []],
    ['REFUND_REQUESTED', ['withdrawRefund']],
    ['REFUNDING', []],
    ['REFUNDED', []]
  ])('%s shows its label and the actions %j', async (status, actions) => {
    setup(orderView('o1', status, { expiresAt: Date.now() + 15 * 60_000 }))
    await screen.findByTestId('order-status')
    expect(label()).toBe(
      { PENDING_PAYMENT: '待支付', PAID: '已支付', READY_FOR_PICKUP: '待自提', SHIPPED: '已发货', COMPLETED: '已完成', CANCELLED: '已取消', REFUND_REQUESTED: '退款审核中', REFUNDING: '退款中', REFUNDED: '已退款' }[status]
    )
    const shown = screen.queryAllByTestId(/^order-action-/).map((el) => el.getAttribute('data-testid')!.replace('order-action-', ''))
    expect(shown).toEqual(actions)
  })

  test('an unpaid order counts down to its deadline; items, address and amounts are shown', async () => {
    setup(orderView('o1', 'PENDING_PAYMENT', { expiresAt: Date.now() + 14 * 60_000 + 30_000 }))
    const countdown = await screen.findByTestId('order-countdown')
    expect(countdown.textContent).toMatch(/^14:(30|29)$/)
    expect(screen.getByText('冻顶乌龙')).not.toBeNull()
    expect(screen.getByText('漕溪北路 88 号', { exact: false })).not.toBeNull()
    expect(screen.getByText('应付金额')).not.toBeNull()
    expect(screen.getByText('¥76.00')).not.toBeNull()
  })
})

describe('order detail: actions', () => {
  test('取消订单 asks first, then cancels and shows 已取消', async () => {
    const { fake } = setup(orderView('o1', 'PENDING_PAYMENT'))
    await screen.findByTestId('order-status')
    fireEvent.click(button('cancel')!)
    await waitFor(() => expect(label()).toBe('已取消'))
    expect(jest.mocked(Taro.showModal)).toHaveBeenCalledWith(expect.objectContaining({ title: '取消订单', confirmText: '确定取消' }))
    expect(fake.callsOf('order', 'cancel')).toEqual([{ fn: 'order', action: 'cancel', data: { orderId: 'o1' } }])
    expect(screen.queryByTestId('order-actions')).toBeNull()
  })

  test('declining the confirm modal changes nothing', async () => {
    jest.mocked(Taro.showModal).mockImplementationOnce(async () => ({ errMsg: 'ok', confirm: false, cancel: true }))
    const { fake } = setup(orderView('o1', 'PENDING_PAYMENT'))
    await screen.findByTestId('order-status')
    await act(async () => {
      fireEvent.click(button('cancel')!)
    })
    expect(fake.callsOf('order', 'cancel')).toHaveLength(0)
    expect(label()).toBe('待支付')
  })

  test('every action is disabled while one is pending', async () => {
    const { fake } = setup(orderView('o1', 'PENDING_PAYMENT'))
    let release: (order: unknown) => void = () => undefined
    const cancel = fake.handlers['order.cancel']!
    fake.handlers['order.cancel'] = (input) => new Promise((done) => (release = () => done(cancel(input))))
    await screen.findByTestId('order-status')
    fireEvent.click(button('cancel')!)
    await waitFor(() => expect(button('cancel')!.disabled).toBe(true))
    expect(button('pay')!.disabled).toBe(true)
    fireEvent.click(button('pay')!)
    expect(fake.callsOf('order', 'pay')).toHaveLength(0)
    await act(async () => release(null))
    await waitFor(() => expect(label()).toBe('已取消'))
    expect(fake.callsOf('order', 'cancel')).toHaveLength(1)
  })

  test('去支付 opens the pay sheet; 取消 keeps the order unpaid and reads it again', async () => {
    const { fake } = setup(orderView('o1', 'PENDING_PAYMENT'))
    await screen.findByTestId('order-status')
    fireEvent.click(button('pay')!)
    await screen.findByTestId('pay-sheet')
    const reads = fake.callsOf('order', 'get').length
    fireEvent.click(screen.getByText('取消'))
    await waitFor(() => expect(fake.callsOf('order', 'get').length).toBeGreaterThan(reads))
    expect(label()).toBe('待支付')
    expect(button('pay')!.disabled).toBe(false)
  })

  test('去支付 then 确认支付 shows the paid order', async () => {
    const { server } = setup(orderView('o1', 'PENDING_PAYMENT'))
    ;(globalThis as { fetch: unknown }).fetch = jest.fn(async () => {
      server.settle('o1', 'SUCCESS')
      return { ok: true, status: 200, json: async () => ({}) } as unknown as Response
    })
    await screen.findByTestId('order-status')
    fireEvent.click(button('pay')!)
    fireEvent.click(await screen.findByText('确认支付'))
    await waitFor(() => expect(label()).toBe('已支付'))
    expect(screen.getByText('实付款')).not.toBeNull()
  })

  test('确认收货 completes a shipped order', async () => {
    const { fake } = setup(orderView('o1', 'SHIPPED', { shippedAt: Date.now(), trackingNo: 'SF123' }))
    await screen.findByText('包裹已发出，运单号 SF123')
    fireEvent.click(button('confirm')!)
    await waitFor(() => expect(label()).toBe('已完成'))
    expect(fake.callsOf('order', 'confirm')).toHaveLength(1)
  })

  test('申请退款 asks for a reason and sends it', async () => {
    const { fake } = setup(orderView('o1', 'PAID'))
    await screen.findByTestId('order-status')
    fireEvent.click(button('refund')!)
    await screen.findByTestId('refund-sheet')
    fireEvent.click(screen.getByText('商品质量问题'))
    fireEvent.change(screen.getByPlaceholderText('补充说明（选填）'), { target: { value: '包装破损' } })
    fireEvent.click(screen.getByTestId('refund-submit'))
    // Issue 10: the request waits for the operator, and its progress shows as a timeline.
    await waitFor(() => expect(label()).toBe('退款审核中'))
    expect(fake.callsOf('order', 'requestRefund')[0]!.data).toEqual({ orderId: 'o1', reason: '商品质量问题：包装破损' })
    expect(screen.queryByTestId('refund-sheet')).toBeNull()
    expect(screen.getByTestId('refund-step-reviewing').className).toContain('refund-timeline__step--current')
    expect(screen.getByText('等待商家处理', { exact: false })).not.toBeNull()
  })

  test('撤销退款申请 takes a pending request back: the order returns to its status', async () => {
    const { fake } = setup(orderView('o1', 'PAID'))
    await screen.findByTestId('order-status')
    fireEvent.click(button('refund')!)
    fireEvent.click(await screen.findByTestId('refund-submit'))
    await waitFor(() => expect(label()).toBe('退款审核中'))
    fireEvent.click(button('withdrawRefund')!)
    await waitFor(() => expect(label()).toBe('已支付'))
    expect(fake.callsOf('order', 'withdrawRefund')[0]!.data).toEqual({ orderId: 'o1' })
    expect(screen.getByTestId('refund-step-withdrawn')).not.toBeNull()
    expect(button('refund')).not.toBeNull()
  })

  test('部分退款 sends the chosen lines', async () => {
    const order = orderView('o1', 'PAID')
    const { fake } = setup({ ...order, refundableLines: order.items.map((item) => ({ skuId: item.skuId, quantity: 2 })) })
    await screen.findByTestId('order-status')
    fireEvent.click(button('refund')!)
    await screen.findByTestId('refund-sheet')
    fireEvent.click(screen.getByTestId('refund-mode-partial'))
    const submit = screen.getByTestId('refund-submit') as HTMLButtonElement
    const line = screen.getByTestId(`refund-line-${order.items[0]!.skuId}`)
    fireEvent.click(line.querySelector('[data-testid="stepper-increase"]')!)
    fireEvent.click(submit)
    await waitFor(() => expect(fake.callsOf('order', 'requestRefund')).toHaveLength(1))
    expect(fake.callsOf('order', 'requestRefund')[0]!.data).toEqual({ orderId: 'o1', reason: '不想要了', lines: [{ skuId: order.items[0]!.skuId, quantity: 1 }] })
  })

  test('a rejected request shows 已拒绝 with the reason; asking again needs a new note', async () => {
    const at = Date.now()
    const { fake } = setup({
      ...orderView('o1', 'SHIPPED'),
      refundRequest: {
        attempt: 1, state: 'REJECTED', amount: 100, full: true, lines: null, reason: '不想要了', requestedAt: at, decidedAt: at,
        rejectReason: '商品已拆封', refundedAt: null, canRequest: true,
        timeline: [
          { key: 'requested', label: '申请退款', at, state: 'done', note: '不想要了' },
          { key: 'reviewing', label: '商家处理中', at, state: 'done' },
          { key: 'rejected', label: '已拒绝', at, state: 'failed', note: '商品已拆封' }
        ]
      }
    })
    await screen.findByTestId('refund-timeline')
    expect(screen.getByTestId('refund-step-rejected').textContent).toContain('商品已拆封')
    fireEvent.click(button('refund')!)
    expect((await screen.findByTestId('refund-rejected')).textContent).toContain('商品已拆封')
    fireEvent.click(screen.getByTestId('refund-submit'))
    expect(fake.callsOf('order', 'requestRefund')).toHaveLength(0)
    fireEvent.change(screen.getByPlaceholderText('补充说明（必填）'), { target: { value: '未拆封，可寄回' } })
    fireEvent.click(screen.getByTestId('refund-submit'))
    await waitFor(() => expect(fake.callsOf('order', 'requestRefund')).toHaveLength(1))
  })

  test('no more requests after the last rejection: 申请退款 is gone', async () => {
    const at = Date.now()
    setup({
      ...orderView('o1', 'PAID'),
      refundRequest: {
        attempt: 2, state: 'REJECTED', amount: 100, full: true, lines: null, reason: 'x', requestedAt: at, decidedAt: at,
        rejectReason: '不符合退款条件', refundedAt: null, canRequest: false,
        timeline: [{ key: 'rejected', label: '已拒绝', at, state: 'failed', note: '不符合退款条件' }]
      }
    })
    await screen.findByTestId('refund-timeline')
    expect(button('refund')).toBeNull()
  })

  test('a refused action shows the server message and reads the order again', async () => {
    const { server, fake } = setup(orderView('o1', 'SHIPPED'))
    await screen.findByTestId('order-status')
    // Meanwhile the order completed elsewhere.
    server.put(orderView('o1', 'COMPLETED', { completedAt: Date.now() }))
    fireEvent.click(button('refund')!)
    fireEvent.click(await screen.findByTestId('refund-submit'))
    await waitFor(() => expect(label()).toBe('已完成'))
    expect(jest.mocked(Taro.showToast)).toHaveBeenCalledWith(expect.objectContaining({ title: '订单当前状态为「已完成」，不能执行该操作' }))
    expect(fake.callsOf('order', 'requestRefund')).toHaveLength(1)
  })
})

describe('order detail: countdown and states', () => {
  test('when the countdown reaches zero the order is read again', async () => {
    const { server, fake } = setup(orderView('o1', 'PENDING_PAYMENT', { expiresAt: Date.now() + 1_200 }))
    await screen.findByTestId('order-countdown')
    server.put(orderView('o1', 'CANCELLED', { cancelReason: 'timeout', cancelledAt: Date.now() }))
    await waitFor(() => expect(label()).toBe('已取消'), { timeout: 4_000 })
    expect(screen.getByText('超时未支付，订单已自动取消')).not.toBeNull()
    expect(fake.callsOf('order', 'get').length).toBe(2)
  })

  test('订单不存在 offers the way back: the order list or home, not a retry', async () => {
    const server = createFakeOrders()
    setTransport(createFakeTransport(server.handlers).transport)
    setRouterParams({ id: 'nope' })
    render(<OrderPage />)
    await screen.findByText('订单不存在')
    expect(screen.queryByText('重试')).toBeNull()
    fireEvent.click(screen.getByText('回到订单列表'))
    expect(jest.mocked(Taro.redirectTo)).toHaveBeenLastCalledWith({ url: '/packages/trade/orders/index' })
    fireEvent.click(screen.getByText('回到首页'))
    expect(jest.mocked(Taro.switchTab)).toHaveBeenLastCalledWith({ url: '/pages/home/index' })
  })

  test('another failure still offers 重试', async () => {
    const server = createFakeOrders()
    let failing = true
    setTransport(createFakeTransport({ ...server.handlers, 'order.get': (input: { orderId: string }) => {
      if (failing) throw fail('INTERNAL', '服务繁忙')
      return server.handlers['order.get']!(input)
    } }).transport)
    server.put(orderView('o1', 'PAID'))
    setRouterParams({ id: 'o1' })
    render(<OrderPage />)
    await screen.findByText('服务繁忙')
    failing = false
    fireEvent.click(screen.getByText('重试'))
    await waitFor(() => expect(label()).toBe('已支付'))
  })

  test('订单编号 is the human order number, never the internal id', async () => {
    const server = createFakeOrders()
    setTransport(createFakeTransport(server.handlers).transport)
    server.put(orderView('o_mx50abcdefghijklmnop', 'PAID', { orderNo: '20261125-0042' }))
    setRouterParams({ id: 'o_mx50abcdefghijklmnop' })
    render(<OrderPage />)
    await screen.findByText('20261125-0042')
    expect(screen.queryByText(/o_mx50/)).toBeNull()
  })

  test('申请退款 from the order list opens the refund sheet', async () => {
    const server = createFakeOrders()
    setTransport(createFakeTransport(server.handlers).transport)
    server.put(orderView('o1', 'PAID'))
    setRouterParams({ id: 'o1', action: 'refund' })
    render(<OrderPage />)
    await waitFor(() => expect(label()).toBe('已支付'))
    await screen.findByTestId('refund-sheet')
  })
})
