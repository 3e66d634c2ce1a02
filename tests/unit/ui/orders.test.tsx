/** @jest-environment jsdom */
import { afterEach, describe, expect, jest, test } from '@jest/globals'
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setTransport } from '../../../src/api'
import type { OrderStatus } from '../../../src/core/order/status'
import OrdersPage from '../../../src/packages/trade/orders'
import { tabForParam } from '../../../src/packages/trade/orders/tabs'
import { createFakeOrders, NOW, orderView } from '../../mocks/fake-orders'
import { createFakeTransport, fail } from '../../mocks/fake-transport'
import { setRouterParams, trigger } from '../../mocks/taro'

function setup(orders: Array<[string, OrderStatus]>, params: Record<string, string> = {}) {
  const server = createFakeOrders()
  orders.forEach(([id, status], index) => server.put(orderView(id, status, { createdAt: NOW - index * 60_000 })))
  const fake = createFakeTransport(server.handlers)
  setTransport(fake.transport)
  setRouterParams(params)
  render(<OrdersPage />)
  return { server, fake }
}

const cards = () => screen.queryAllByTestId(/^order-card-/).map((el) => el.getAttribute('data-testid')!.replace('order-card-', ''))

afterEach(() => {
  cleanup()
  jest.clearAllMocks()
})

describe('orders list', () => {
  test('no orders: the empty state leads to the shop', async () => {
    setup([])
    await screen.findByText('暂无相关订单')
    fireEvent.click(screen.getByText('去逛逛'))
    expect(jest.mocked(Taro.switchTab)).toHaveBeenCalledWith({ url: '/pages/home/index' })
  })

  test('a card shows the status, first item, piece count, payable and time, and opens the order', async () => {
    setup([['o1', 'PAID']])
    await screen.findByTestId('order-card-o1')
    const card = screen.getByTestId('order-card-o1')
    expect(card.textContent).toContain('已支付')
    expect(card.textContent).toContain('冻顶乌龙')
    expect(card.textContent).toContain('共 1 件')
    expect(card.textContent).toContain('¥76.00')
    expect(card.textContent).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/)
    fireEvent.click(card)
    expect(jest.mocked(Taro.navigateTo)).toHaveBeenCalledWith({ url: '/packages/trade/order/index?id=o1' })
  })

  test('pages of ten, the next page on reaching the bottom, then 没有更多了', async () => {
    const many = Array.from({ length: 12 }, (_, i) => [`o${String(i + 1).padStart(2, '0')}`, 'PAID'] as [string, OrderStatus])
    const { fake } = setup(many)
    await waitFor(() => expect(cards()).toHaveLength(10))
    expect(cards()[0]).toBe('o01')
    expect(screen.getByTestId('orders-footer').textContent).toContain('加载更多')
    act(() => trigger('reachBottom'))
    act(() => trigger('reachBottom'))
    await waitFor(() => expect(cards()).toHaveLength(12))
    expect(screen.getByTestId('orders-footer').textContent).toBe('没有更多了')
    expect(fake.callsOf('order', 'list').map((c) => c.data.page)).toEqual([0, 1])
  })

  test('tabs list one status; 退款 lists refunding then refunded orders', async () => {
    const { fake } = setup([
      ['o1', 'PENDING_PAYMENT'],
      ['o2', 'REFUNDED'],
      ['o3', 'PAID'],
      ['o4', 'REFUNDING']
    ])
    await waitFor(() => expect(cards()).toEqual(['o1', 'o2', 'o3', 'o4']))
    fireEvent.click(screen.getByTestId('orders-tab-PENDING_PAYMENT'))
    await waitFor(() => expect(cards()).toEqual(['o1']))
    expect(fake.callsOf('order', 'list').pop()!.data).toEqual({ status: 'PENDING_PAYMENT', page: 0, pageSize: 10 })
    fireEvent.click(screen.getByTestId('orders-tab-REFUND'))
    await waitFor(() => expect(cards()).toEqual(['o4', 'o2']))
  })

  test('?status= opens its tab', async () => {
    const { fake } = setup([['o1', 'READY_FOR_PICKUP']], { status: 'READY_FOR_PICKUP' })
    await waitFor(() => expect(cards()).toEqual(['o1']))
    expect(fake.callsOf('order', 'list')[0]!.data).toMatchObject({ status: 'READY_FOR_PICKUP' })
    expect(screen.getByTestId('orders-tab-READY_FOR_PICKUP').className).toContain('orders__tab--on')
    expect(tabForParam('REFUNDED').key).toBe('REFUND')
    expect(tabForParam('bogus').key).toBe('all')
  })

  test('a failed load shows the error and 重试 loads again', async () => {
    const { fake } = setup([['o1', 'PAID']])
    await waitFor(() => expect(cards()).toEqual(['o1']))
    cleanup()
    const list = fake.handlers['order.list']!
    fake.handlers['order.list'] = () => {
      throw fail('INTERNAL', '服务繁忙')
    }
    render(<OrdersPage />)
    await screen.findByText('服务繁忙')
    fake.handlers['order.list'] = list
    fireEvent.click(screen.getByText('重试'))
    await waitFor(() => expect(cards()).toEqual(['o1']))
  })

  test('coming back to the page reads the list again', async () => {
    const { server } = setup([['o1', 'PENDING_PAYMENT']])
    await waitFor(() => expect(cards()).toEqual(['o1']))
    server.put(orderView('o1', 'CANCELLED'))
    act(() => trigger('didShow'))
    await waitFor(() => expect(screen.getByTestId('order-card-o1').textContent).toContain('已取消'))
  })
})
