/** @jest-environment jsdom */
import { afterEach, describe, expect, jest, test } from '@jest/globals'
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setTransport } from '../../../src/api'
import type { ExportView, OpsOrderDetail, OpsOrderRow } from '../../../src/core/contracts/order-ops'
import type { RefundRequestRow } from '../../../src/core/contracts/order-refund'
import OpsOrderPage from '../../../src/packages/ops/order'
import OpsOrdersPage from '../../../src/packages/ops/orders'
import { createFakeTransport, fail, type FakeHandler } from '../../mocks/fake-transport'
import { setRouterParams, trigger } from '../../mocks/taro'

const row = (over: Partial<OpsOrderRow>): OpsOrderRow => ({
  orderId: 'o_1',
  orderNo: '20261201-0001',
  createdAt: Date.UTC(2026, 11, 1, 2, 5),
  status: 'PAID',
  statusLabel: '已支付',
  kind: 'normal',
  kindLabel: '普通订单',
  fulfillmentType: 'delivery',
  storeName: null,
  customerName: '会员小王',
  customerPhone: '139****0001',
  itemsSummary: '乌龙茶（500g）×2',
  payable: 5800,
  points: 0,
  refunded: 0,
  canShip: true,
  ...over
})

const exportView: ExportView = { fileID: 'cloud://local/exports/orders-1.csv', url: 'http://127.0.0.1:8787/api/storage/exports/orders-1.csv', rows: 2, capped: false, limit: 5000 }

function setupList(handlers: Record<string, FakeHandler>) {
  const fake = createFakeTransport({
    'system.whoami': () => ({ openid: 'demo-operator', roles: ['operator'], staffStoreIds: [] }),
    'catalog.pickupStores': () => ({ stores: [{ storeId: 'store-a', name: '徐家汇店', address: '', phone: null, hours: null, location: null }] }),
    ...handlers
  })
  setTransport(fake.transport)
  render(<OpsOrdersPage />)
  return fake
}

afterEach(() => {
  cleanup()
  jest.clearAllMocks()
  process.env.TARO_ENV = 'h5'
})

describe('ops orders list', () => {
  test('lists orders with number, time (Shanghai), customer, amount and status; filters; loads the next page by cursor', async () => {
    const fake = setupList({
      'order.search': (input) =>
        input.cursor
          ? { items: [row({ orderId: 'o_3', status: 'COMPLETED', statusLabel: '已完成', canShip: false })], nextCursor: null }
          : {
              items: [
                row({}),
                row({ orderId: 'o_2', fulfillmentType: 'pickup', storeName: '徐家汇店', canShip: false }),
                row({ orderId: 'o_m', kind: 'mall', kindLabel: '积分商城', payable: 990, points: 800, canShip: false })
              ],
              nextCursor: 'c1'
            }
    })
    const first = await screen.findByTestId('ops-order-o_1')
    expect(first.textContent).toContain('2026-12-01 10:05')
    // The order number, never the internal id.
    expect(first.textContent).toContain('20261201-0001')
    expect(first.textContent).not.toContain('o_1')
    expect(first.textContent).toContain('会员小王')
    expect(first.textContent).toContain('139****0001')
    expect(first.textContent).toContain('¥58.00')
    expect(first.textContent).toContain('已支付')
    expect(screen.getByTestId('ops-order-o_2').textContent).toContain('徐家汇店')
    // A points-mall order costs points, not ¥9.90 alone.
    expect(screen.getByTestId('ops-order-o_m').textContent).toContain('800积分 + ¥9.90')

    act(() => trigger('reachBottom'))
    await screen.findByTestId('ops-order-o_3')
    expect(fake.callsOf('order', 'search').at(-1)!.data).toMatchObject({ cursor: 'c1' })

    fireEvent.click(screen.getByTestId('orders-status-PAID'))
    await waitFor(() => expect(fake.callsOf('order', 'search').at(-1)!.data).toEqual({ status: 'PAID', pageSize: 20 }))
    fireEvent.click(await screen.findByTestId('orders-kind-flashsale'))
    await waitFor(() => expect(fake.callsOf('order', 'search').at(-1)!.data).toEqual({ status: 'PAID', kind: 'flashsale', pageSize: 20 }))
    fireEvent.click(await screen.findByTestId('orders-store-store-a'))
    await waitFor(() => expect(fake.callsOf('order', 'search').at(-1)!.data).toMatchObject({ storeId: 'store-a' }))
    fireEvent.click(await screen.findByTestId('orders-date-7d'))
    await waitFor(() => expect(fake.callsOf('order', 'search').at(-1)!.data).toMatchObject({ from: expect.any(Number), to: expect.any(Number) }))
    const { from, to } = fake.callsOf('order', 'search').at(-1)!.data as { from: number; to: number }
    expect(to - from).toBe(7 * 24 * 60 * 60 * 1000)
    expect((from + 8 * 3600 * 1000) % (24 * 3600 * 1000)).toBe(0)

    fireEvent.change(document.querySelector('#orders-search')!, { target: { value: '13900000001' } })
    fireEvent.click(screen.getByTestId('orders-search-go'))
    await waitFor(() => expect(fake.callsOf('order', 'search').at(-1)!.data).toMatchObject({ q: '13900000001', status: 'PAID', kind: 'flashsale' }))
  })

  test('shows the empty state, and the error state with 重试', async () => {
    setupList({ 'order.search': () => ({ items: [], nextCursor: null }) })
    await screen.findByText('没有符合条件的订单')
    cleanup()
    let failing = true
    setupList({
      'order.search': () => {
        if (failing) throw fail('BUSY', '系统繁忙，请稍后再试')
        return { items: [row({})], nextCursor: null }
      }
    })
    await screen.findByText('系统繁忙，请稍后再试')
    failing = false
    fireEvent.click(screen.getByText('重试'))
    await screen.findByTestId('ops-order-o_1')
  })

  test('batch ships the selected paid delivery orders with a carrier and a tracking number each', async () => {
    const fake = setupList({
      'order.search': () => ({ items: [row({}), row({ orderId: 'o_2', canShip: false, status: 'COMPLETED', statusLabel: '已完成' })], nextCursor: null }),
      'order.shipBatch': (input) => ({ results: input.items.map((item: { orderId: string }) => ({ orderId: item.orderId, ok: true, status: 'SHIPPED' })), shipped: input.items.length, failed: 0 })
    })
    await screen.findByTestId('ops-order-o_1')
    fireEvent.click(screen.getByTestId('orders-select'))
    fireEvent.click(screen.getByTestId('ops-order-check-o_2'))
    fireEvent.click(screen.getByTestId('ops-order-check-o_1'))
    expect(screen.getByTestId('orders-ship').textContent).toBe('发货（1）')
    fireEvent.click(screen.getByTestId('orders-ship'))
    await screen.findByTestId('orders-ship-panel')
    fireEvent.click(screen.getByTestId('orders-carrier-中通'))
    fireEvent.click(screen.getByTestId('orders-ship-submit'))
    expect(fake.callsOf('order', 'shipBatch')).toHaveLength(0)
    fireEvent.change(document.querySelector('#orders-tracking-o_1')!, { target: { value: 'ZT123' } })
    fireEvent.click(screen.getByTestId('orders-ship-submit'))
    await waitFor(() => expect(fake.callsOf('order', 'shipBatch')).toHaveLength(1))
    expect(fake.callsOf('order', 'shipBatch')[0]!.data).toEqual({ items: [{ orderId: 'o_1', carrier: '中通', trackingNo: 'ZT123' }], requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) })
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '已发货 1 单', icon: 'none' }))
  })

  test('export on H5 downloads the file through an <a download> with the filters of the list', async () => {
    const clicks: Array<{ href: string; download: string }> = []
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push({ href: this.href, download: this.download })
    })
    const fake = setupList({ 'order.search': () => ({ items: [row({})], nextCursor: null }), 'order.exportCsv': () => exportView })
    await screen.findByTestId('ops-order-o_1')
    fireEvent.click(screen.getByTestId('orders-status-PAID'))
    fireEvent.click(screen.getByTestId('orders-export'))
    await waitFor(() => expect(clicks).toHaveLength(1))
    expect(fake.callsOf('order', 'exportCsv')[0]!.data).toEqual({ status: 'PAID' })
    expect(clicks[0]).toEqual({ href: exportView.url, download: 'orders-1.csv' })
    click.mockRestore()
  })

  test('export on weapp shows the link with 复制链接', async () => {
    process.env.TARO_ENV = 'weapp'
    const setClipboardData = jest.fn(async (_options: unknown) => ({ errMsg: 'ok' }))
    ;(Taro as unknown as { setClipboardData: typeof setClipboardData }).setClipboardData = setClipboardData
    setupList({ 'order.search': () => ({ items: [row({})], nextCursor: null }), 'order.exportCsv': () => exportView })
    await screen.findByTestId('ops-order-o_1')
    fireEvent.click(screen.getByTestId('orders-export'))
    const result = await screen.findByTestId('orders-export-result')
    expect(result.textContent).toContain('已导出 2 条订单')
    expect(result.textContent).toContain(exportView.url)
    fireEvent.click(screen.getByTestId('orders-export-copy'))
    expect(setClipboardData).toHaveBeenCalledWith({ data: exportView.url })
  })
})

describe('ops order detail', () => {
  const detail: OpsOrderDetail = {
    orderId: 'o_1',
    orderNo: '20261201-0001',
    status: 'PAID',
    statusLabel: '已支付',
    kind: 'live',
    kindLabel: '直播',
    createdAt: Date.UTC(2026, 11, 1, 2, 5),
    remark: '',
    items: [{ skuId: 's1', productId: 'p1', productName: '乌龙茶', skuName: '500g', image: null, unitPrice: 2900, quantity: 2, lineTotal: 5800 }],
    amounts: { itemsTotal: 5800, discount: 0, shippingFee: 0, payable: 5800 },
    points: 0,
    customer: { nickname: '会员小王', phone: '13900000001' },
    fulfillment: { type: 'delivery', address: { name: '王', phone: '13900000001', region: '上海市', detail: '1 号' } },
    shipping: { carrier: null, trackingNo: null, shippedAt: null },
    payment: { transactionId: 'wx1', amount: 5800, at: Date.UTC(2026, 11, 1, 2, 6), method: 'wechat', walletFen: 0 },
    refunds: [],
    refunded: 0,
    timeline: [
      { event: 'create', label: '下单', at: Date.UTC(2026, 11, 1, 2, 5), by: '顾客' },
      { event: 'pay', label: '已支付', at: Date.UTC(2026, 11, 1, 2, 6), by: '支付' }
    ],
    canShip: true,
    refundPending: false,
    refundRequest: null
  }
  const pendingRequest: RefundRequestRow = {
    orderId: 'o_1',
    attempt: 2,
    state: 'PENDING',
    orderStatus: 'REFUND_REQUESTED',
    orderStatusLabel: '退款审核中',
    amount: 2900,
    paid: 5800,
    full: false,
    linesSummary: '乌龙茶（500g）×1',
    reason: '少喝一杯',
    customerName: '会员小王',
    requestedAt: Date.UTC(2026, 11, 1, 3),
    autoApproveAt: Date.UTC(2026, 11, 3, 3),
    decidedAt: null,
    decidedBy: null,
    decisionNote: null
  }
  const requested: OpsOrderDetail = { ...detail, status: 'REFUND_REQUESTED', statusLabel: '退款审核中', canShip: false, refundPending: true, refundRequest: pendingRequest }

  test('shows the order with its timeline and ships it with a carrier', async () => {
    let current = detail
    const fake = createFakeTransport({
      'system.whoami': () => ({ openid: 'demo-operator', roles: ['operator'], staffStoreIds: [] }),
      'order.opsGet': () => current,
      'order.ship': (input) => {
        current = { ...detail, status: 'SHIPPED', statusLabel: '已发货', canShip: false, shipping: { carrier: input.carrier, trackingNo: input.trackingNo, shippedAt: 1 } }
        return {}
      }
    })
    setTransport(fake.transport)
    setRouterParams({ id: 'o_1' })
    render(<OpsOrderPage />)
    const timeline = await screen.findByTestId('ops-order-timeline')
    expect(timeline.textContent).toContain('下单')
    expect(timeline.textContent).toContain('2026-12-01 10:06')
    expect(screen.getByTestId('ops-order-customer').textContent).toBe('会员小王')
    fireEvent.click(screen.getByTestId('ship-carrier-极兔'))
    fireEvent.change(document.querySelector('#ship-tracking')!, { target: { value: 'JT9' } })
    fireEvent.click(screen.getByTestId('ops-order-ship-submit'))
    await waitFor(() => expect(screen.getByTestId('ops-order-tracking').textContent).toBe('极兔 JT9'))
    expect(fake.callsOf('order', 'ship')[0]!.data).toEqual({ orderId: 'o_1', carrier: '极兔', trackingNo: 'JT9' })
  })

  test('a points-mall order shows the points it was redeemed for beside its cash part', async () => {
    const mallOrder: OpsOrderDetail = { ...detail, kind: 'mall', kindLabel: '积分商城', points: 800, amounts: { itemsTotal: 990, discount: 0, shippingFee: 0, payable: 990 } }
    setTransport(createFakeTransport({ 'system.whoami': () => ({ openid: 'demo-operator', roles: ['operator'], staffStoreIds: [] }), 'order.opsGet': () => mallOrder }).transport)
    setRouterParams({ id: 'o_1' })
    render(<OpsOrderPage />)
    expect((await screen.findByTestId('ops-order-points')).textContent).toContain('800 积分')
    expect(screen.getByTestId('ops-order-payable').textContent).toContain('800积分 + ¥9.90')
    expect(screen.getByText('另付现金')).not.toBeNull()
  })

  function setupDetail(handlers: Record<string, FakeHandler>) {
    const fake = createFakeTransport({ 'system.whoami': () => ({ openid: 'demo-operator', roles: ['operator'], staffStoreIds: [] }), ...handlers })
    setTransport(fake.transport)
    setRouterParams({ id: 'o_1' })
    render(<OpsOrderPage />)
    return fake
  }

  test('a pending refund request shows its amount and reason, and links to the refund review page', async () => {
    setupDetail({ 'order.opsGet': () => requested })
    const card = await screen.findByTestId('ops-order-refund-review')
    expect(within(card).getByTestId('ops-order-refund-amount').textContent).toBe('部分退款 ¥29.00（实付 ¥58.00）')
    expect(card.textContent).toContain('少喝一杯')
    expect(card.textContent).toContain('第 2 次申请')
    fireEvent.click(within(card).getByTestId('ops-order-refund-list'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/ops/refunds/index' })
  })

  test('同意 (after the confirm) sends order.reviewRefund with the request attempt, and the page shows the order as it now is', async () => {
    jest.mocked(Taro.showModal).mockImplementation(async () => ({ errMsg: 'ok', confirm: true, cancel: false }))
    let current = requested
    const fake = setupDetail({
      'order.opsGet': () => current,
      'order.reviewRefund': () => {
        current = { ...detail, refunded: 2900, refundRequest: null }
        return {}
      }
    })
    fireEvent.click(within(await screen.findByTestId('ops-order-refund-review')).getByTestId('refund-approve'))
    await waitFor(() => expect(fake.callsOf('order', 'reviewRefund')).toHaveLength(1))
    expect(jest.mocked(Taro.showModal)).toHaveBeenCalledWith(expect.objectContaining({ title: '同意退款' }))
    expect(fake.callsOf('order', 'reviewRefund')[0]!.data).toEqual({ orderId: 'o_1', decision: 'approve', attempt: 2 })
    await waitFor(() => expect(screen.queryByTestId('ops-order-refund-review')).toBeNull())
  })

  test('拒绝 asks for a reason in the sheet and sends it with the attempt; a request decided meanwhile is reloaded', async () => {
    let current = requested
    const fake = setupDetail({
      'order.opsGet': () => current,
      'order.reviewRefund': () => {
        current = { ...detail, refundRequest: null }
        throw fail('REFUND_ALREADY_DECIDED', '该退款申请已处理')
      }
    })
    fireEvent.click(within(await screen.findByTestId('ops-order-refund-review')).getByTestId('refund-reject'))
    const sheet = await screen.findByTestId('refund-reject-sheet')
    const submit = within(sheet).getByTestId('refund-reject-submit') as HTMLButtonElement
    expect(submit.disabled).toBe(true)
    fireEvent.click(within(sheet).getByText('商品已拆封使用'))
    fireEvent.click(submit)
    await waitFor(() => expect(fake.callsOf('order', 'reviewRefund')).toHaveLength(1))
    expect(fake.callsOf('order', 'reviewRefund')[0]!.data).toEqual({ orderId: 'o_1', decision: 'reject', attempt: 2, reason: '商品已拆封使用' })
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '该申请已被处理', icon: 'none' }))
    await waitFor(() => expect(screen.queryByTestId('ops-order-refund-review')).toBeNull())
  })

  test('no 同意 / 拒绝 without a pending request', async () => {
    setupDetail({ 'order.opsGet': () => detail })
    await screen.findByTestId('ops-order-timeline')
    expect(screen.queryByTestId('refund-approve')).toBeNull()
    expect(screen.queryByTestId('refund-reject')).toBeNull()
  })
})
