/** @jest-environment jsdom */
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setTransport } from '../../../src/api'
import { orderCardActions } from '../../../src/core/order/card-actions'
import { ORDER_STATUSES, type OrderStatus } from '../../../src/core/order/status'
import OrdersPage from '../../../src/packages/trade/orders'
import { useCartStore } from '../../../src/stores/cart'
import { createFakeCart } from '../../mocks/fake-cart'
import { OOLONG } from '../../mocks/catalog-fixtures'
import { createFakeOrders, NOW, orderView } from '../../mocks/fake-orders'
import { createFakeTransport } from '../../mocks/fake-transport'
import { setRouterParams } from '../../mocks/taro'

function setup(orders: Array<[string, OrderStatus, Record<string, unknown>?]>) {
  const server = createFakeOrders()
  orders.forEach(([id, status, extra], index) => server.put(orderView(id, status, { createdAt: NOW - index * 60_000, ...extra })))
  const cart = createFakeCart([OOLONG])
  const fake = createFakeTransport({ ...cart.handlers, ...server.handlers })
  setTransport(fake.transport)
  setRouterParams({})
  render(<OrdersPage />)
  return { server, fake }
}

const actionsOf = (id: string) => within(screen.getByTestId(`order-card-${id}`)).queryAllByTestId(/^card-action-/).map((el) => el.textContent)

beforeEach(() => {
  act(() => useCartStore.getState().reset())
  ;(globalThis as { fetch: unknown }).fetch = jest.fn(async () => ({ ok: true, status: 200, json: async () => ({}) }))
})
afterEach(() => {
  cleanup()
  jest.clearAllMocks()
})

describe('order list cards: actions as the state machine allows', () => {
  test('the state machine decides: every status, and an unpaid order past its deadline', () => {
    const now = NOW
    const of = (status: OrderStatus, extra: { expiresAt?: number; source?: 'shop' | 'mall' } = {}) => orderCardActions({ status, expiresAt: now + 60_000, ...extra }, { now })
    expect(Object.fromEntries(ORDER_STATUSES.map((s) => [s, of(s)]))).toEqual({
      PENDING_PAYMENT: ['cancel', 'pay'],
      PAID: ['refund'],
      SHIPPED: ['refund', 'confirm'],
      READY_FOR_PICKUP: ['refund'],
      COMPLETED: ['reorder'],
      CANCELLED: ['reorder'],
      REFUND_REQUESTED: [],
      REFUNDING: [],
      REFUNDED: ['reorder'],
    })
    expect(of('PENDING_PAYMENT', { expiresAt: now - 1 })).toEqual(['cancel'])
    expect(of('COMPLETED', { source: 'mall' })).toEqual([])
    expect(orderCardActions({ status: 'PAID', expiresAt: 0 }, { now, canRequestRefund: false })).toEqual([])
  })

  test('cards show 去支付/取消, 确认收货/申请退款, 再来一单 and each card shows its order number', async () => {
    setup([['o1', 'PENDING_PAYMENT'], ['o2', 'SHIPPED'], ['o3', 'COMPLETED'], ['o4', 'REFUNDING']])
    await screen.findByTestId('order-card-o1')
    expect(actionsOf('o1')).toEqual(['取消', '去支付'])
    expect(actionsOf('o2')).toEqual(['申请退款', '确认收货'])
    expect(actionsOf('o3')).toEqual(['再来一单'])
    expect(actionsOf('o4')).toEqual([])
    expect(screen.getByTestId('order-card-o1').textContent).toMatch(/订单号 20261125-\d{4}/)
  })

  test('去支付 opens the pay sheet on the list; paid, the 支付成功 page opens', async () => {
    const { server } = setup([['o1', 'PENDING_PAYMENT']])
    fireEvent.click(await screen.findByTestId('card-action-pay'))
    await screen.findByTestId('pay-sheet')
    ;(globalThis as { fetch: unknown }).fetch = jest.fn(async () => {
      server.settle('o1', 'SUCCESS')
      return { ok: true, status: 200, json: async () => ({}) }
    })
    fireEvent.click(screen.getByText('确认支付'))
    await waitFor(() => expect(jest.mocked(Taro.navigateTo)).toHaveBeenCalledWith({ url: '/packages/trade/pay-result/index?id=o1' }))
    expect(jest.mocked(Taro.navigateTo)).not.toHaveBeenCalledWith({ url: '/packages/trade/order/index?id=o1' })
  })

  test('取消 and 确认收货 ask first, then the card shows the new status', async () => {
    setup([['o1', 'PENDING_PAYMENT'], ['o2', 'SHIPPED']])
    fireEvent.click(within(await screen.findByTestId('order-card-o1')).getByTestId('card-action-cancel'))
    await waitFor(() => expect(screen.getByTestId('order-card-o1').textContent).toContain('已取消'))
    expect(jest.mocked(Taro.showModal)).toHaveBeenCalledWith(expect.objectContaining({ title: '取消订单' }))
    fireEvent.click(within(screen.getByTestId('order-card-o2')).getByTestId('card-action-confirm'))
    await waitFor(() => expect(screen.getByTestId('order-card-o2').textContent).toContain('已完成'))
    expect(actionsOf('o2')).toEqual(['再来一单'])
  })

  test('a refused confirm dialog changes nothing', async () => {
    const { fake } = setup([['o1', 'PENDING_PAYMENT']])
    jest.mocked(Taro.showModal).mockResolvedValueOnce({ errMsg: 'ok', confirm: false, cancel: true } as never)
    fireEvent.click(await screen.findByTestId('card-action-cancel'))
    await waitFor(() => expect(jest.mocked(Taro.showModal)).toHaveBeenCalled())
    expect(fake.callsOf('order', 'cancel')).toHaveLength(0)
  })

  test('申请退款 opens the order with its refund sheet; 再来一单 puts the lines in the cart', async () => {
    const { fake } = setup([['o1', 'PAID'], ['o2', 'COMPLETED']])
    fireEvent.click(within(await screen.findByTestId('order-card-o1')).getByTestId('card-action-refund'))
    expect(jest.mocked(Taro.navigateTo)).toHaveBeenLastCalledWith({ url: '/packages/trade/order/index?id=o1&action=refund' })
    fireEvent.click(within(screen.getByTestId('order-card-o2')).getByTestId('card-action-reorder'))
    await waitFor(() => expect(jest.mocked(Taro.switchTab)).toHaveBeenCalledWith({ url: '/pages/cart/index' }))
    expect(fake.callsOf('cart', 'add')[0]!.data).toMatchObject({ skuId: 'sku-oolong-100', quantity: 1 })
  })
})
