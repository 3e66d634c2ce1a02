/** @jest-environment jsdom */
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setTransport } from '../../../src/api'
import { resetSaleClock } from '../../../src/components/flash-countdown/clock'
import { resetServerClock } from '../../../src/components/order-countdown/server-clock'
import type { FlashSaleState, FlashSaleView } from '../../../src/core/contracts/flashsale'
import FlashSaleDetailPage from '../../../src/packages/flashsale/detail'
import { REQUEST_ID_PATTERN } from '../../../src/utils/request-id'
import { PICKUP_STORES } from '../../mocks/fake-orders'
import { createFakeTransport, fail, type FakeHandler } from '../../mocks/fake-transport'
import { setRouterParams, trigger } from '../../mocks/taro'

function sale(state: FlashSaleState, extra: Partial<FlashSaleView> = {}): FlashSaleView {
  const now = Date.now()
  return {
    saleId: 'fs1',
    title: '冻顶乌龙 限时秒杀',
    skuId: 'sku-oolong-100',
    productId: 'p-oolong',
    productName: '冻顶乌龙',
    skuName: '100g 罐装',
    image: null,
    listPrice: 6800,
    salePrice: 3900,
    quantity: 10,
    sold: state === 'SOLD_OUT' ? 10 : 3,
    remaining: state === 'SOLD_OUT' ? 0 : 7,
    paid: 2,
    state,
    startAt: state === 'SCHEDULED' ? now + 3_600_000 : now - 60_000,
    endAt: now + 7_200_000,
    stoppedAt: null,
    perMemberLimit: 1,
    shards: 4,
    paymentMinutes: 5,
    myCount: 0,
    reminded: false,
    serverNow: now,
    ...extra
  }
}

function setup(current: () => FlashSaleView, more: Record<string, FakeHandler> = {}) {
  const fake = createFakeTransport({
    'system.ping': () => ({ pong: true, now: Date.now() }),
    'flashsale.get': () => ({ ...current(), serverNow: Date.now() }),
    'catalog.pickupStores': () => ({ stores: PICKUP_STORES }),
    ...more
  })
  setTransport(fake.transport)
  setRouterParams({ id: 'fs1' })
  render(<FlashSaleDetailPage />)
  return fake
}

const buyButton = () => screen.getByTestId('flash-buy') as HTMLButtonElement

beforeEach(() => {
  resetServerClock()
  resetSaleClock()
})
afterEach(() => {
  cleanup()
  jest.clearAllMocks()
})

describe('flash sale detail: before the start', () => {
  test('SCHEDULED shows the countdown to the start, 即将开抢 off, and 提醒我 records the request', async () => {
    const fake = setup(() => sale('SCHEDULED', { startAt: Date.now() + 65 * 60_000 + 30_000 }), {
      'flashsale.remind': ({ saleId }) => ({ saleId, reminded: true, remindAt: Date.now() + 3_600_000 })
    })
    await screen.findByTestId('flash-band')
    expect(screen.getByTestId('flash-countdown-time').textContent).toMatch(/^01:05:(30|29)$/)
    expect(screen.getByText('距开抢')).toBeTruthy()
    expect(buyButton().textContent).toBe('即将开抢')
    expect(buyButton().disabled).toBe(true)
    fireEvent.click(buyButton())
    expect(fake.callsOf('flashsale', 'buy')).toHaveLength(0)

    fireEvent.click(screen.getByTestId('flash-remind'))
    fireEvent.click(screen.getByTestId('flash-remind'))
    await waitFor(() => expect(screen.getByTestId('flash-remind').textContent).toBe('已设提醒'))
    expect(fake.callsOf('flashsale', 'remind')).toEqual([{ fn: 'flashsale', action: 'remind', data: { saleId: 'fs1' } }])
    expect((screen.getByTestId('flash-remind') as HTMLButtonElement).disabled).toBe(true)
  })

  test('when the countdown to the start reaches zero the page reads the sale again and 立即抢购 turns on', async () => {
    const startAt = Date.now() + 1_200
    let current = sale('SCHEDULED', { startAt })
    const fake = setup(() => current)
    await screen.findByTestId('flash-band')
    expect(buyButton().disabled).toBe(true)
    current = sale('LIVE', { startAt })
    await waitFor(() => expect(buyButton().textContent).toBe('立即抢购'), { timeout: 4_000 })
    expect(buyButton().disabled).toBe(false)
    expect(screen.getByText('距结束')).toBeTruthy()
    expect(fake.callsOf('flashsale', 'get').length).toBeGreaterThanOrEqual(2)
  })

  test('a sale the clock says has started but the answer still shows SCHEDULED is read again a second later', async () => {
    const startAt = Date.now() - 100
    let reads = 0
    // The first read and the one when the countdown ends still say SCHEDULED; the retry a second later says LIVE.
    const fake = setup(() => (++reads < 3 ? sale('SCHEDULED', { startAt }) : sale('LIVE', { startAt })))
    await screen.findByTestId('flash-band')
    await waitFor(() => expect(fake.callsOf('flashsale', 'get')).toHaveLength(2))
    expect(buyButton().textContent).toBe('即将开抢')
    await waitFor(() => expect(buyButton().textContent).toBe('立即抢购'), { timeout: 4_000 })
    expect(fake.callsOf('flashsale', 'get')).toHaveLength(3)
  })
})

describe('flash sale detail: buying', () => {
  test('LIVE: a double tap buys once, with a valid requestId, and opens the order to pay', async () => {
    let release: () => void = () => undefined
    const fake = setup(() => sale('LIVE'), {
      'flashsale.buy': () => new Promise((done) => (release = () => done({ orderId: 'o-fs-1', expiresAt: Date.now() + 300_000 })))
    })
    await screen.findByTestId('flash-band')
    expect(buyButton().textContent).toBe('立即抢购')
    await screen.findByText('私域生活馆 · 演示店')
    fireEvent.click(buyButton())
    fireEvent.click(buyButton())
    await waitFor(() => expect(buyButton().disabled).toBe(true))
    fireEvent.click(buyButton())
    await act(async () => release())
    await waitFor(() => expect(jest.mocked(Taro.navigateTo)).toHaveBeenCalledWith({ url: '/packages/trade/order/index?id=o-fs-1' }))
    const buys = fake.callsOf('flashsale', 'buy')
    expect(buys).toHaveLength(1)
    expect(buys[0]!.data.saleId).toBe('fs1')
    expect(buys[0]!.data.requestId).toMatch(REQUEST_ID_PATTERN)
    // Picked up at the store the picker chose (the first, with no earlier choice and no location).
    expect(buys[0]!.data.fulfillment).toEqual({ type: 'pickup', storeId: 'store-demo' })
  })

  test('SOLD_OUT shows 已抢光 and never calls buy', async () => {
    const fake = setup(() => sale('SOLD_OUT'))
    await screen.findByTestId('flash-band')
    expect(buyButton().textContent).toBe('已抢光')
    expect(buyButton().disabled).toBe(true)
    fireEvent.click(buyButton())
    expect(fake.callsOf('flashsale', 'buy')).toHaveLength(0)
    expect(screen.getAllByText('已抢光').length).toBeGreaterThan(1)
  })

  test.each([
    ['SOLD_OUT', '手慢了，已抢光', '已抢光'],
    ['LIMIT_EXCEEDED', '每人限购 1 件', '已达限购'],
    ['ENDED', '秒杀已结束', '已结束']
  ])('a %s refusal shows the message and turns 立即抢购 off', async (code, message, label) => {
    const fake = setup(() => sale('LIVE'), {
      'flashsale.buy': () => {
        throw fail(code, message)
      }
    })
    await screen.findByTestId('flash-band')
    await screen.findByText('私域生活馆 · 演示店')
    fireEvent.click(buyButton())
    await waitFor(() => expect(buyButton().textContent).toBe(label))
    expect(buyButton().disabled).toBe(true)
    expect(jest.mocked(Taro.showToast)).toHaveBeenCalledWith(expect.objectContaining({ title: message }))
    fireEvent.click(buyButton())
    expect(fake.callsOf('flashsale', 'buy')).toHaveLength(1)
    // The sale is read again after a refusal; pulling down lets the fresh read decide.
    await waitFor(() => expect(fake.callsOf('flashsale', 'get').length).toBeGreaterThanOrEqual(2))
    await act(async () => trigger('pullDownRefresh'))
    await waitFor(() => expect(buyButton().textContent).toBe('立即抢购'))
  })

  test('a network failure keeps the requestId, so tapping again cannot buy twice', async () => {
    let calls = 0
    const fake = setup(() => sale('LIVE'), {
      'flashsale.buy': () => {
        calls += 1
        if (calls === 1) throw fail('NETWORK_ERROR', '网络不给力，请稍后重试')
        return { orderId: 'o-fs-2', expiresAt: Date.now() + 300_000 }
      }
    })
    await screen.findByTestId('flash-band')
    await screen.findByText('私域生活馆 · 演示店')
    fireEvent.click(buyButton())
    await waitFor(() => expect(fake.callsOf('flashsale', 'buy')).toHaveLength(1))
    await waitFor(() => expect(buyButton().disabled).toBe(false))
    fireEvent.click(buyButton())
    await waitFor(() => expect(jest.mocked(Taro.navigateTo)).toHaveBeenCalledWith({ url: '/packages/trade/order/index?id=o-fs-2' }))
    const [first, second] = fake.callsOf('flashsale', 'buy')
    expect(second!.data.requestId).toBe(first!.data.requestId)
  })

  test('a member at the limit sees 已达限购', async () => {
    setup(() => sale('LIVE', { myCount: 1 }))
    await screen.findByTestId('flash-band')
    expect(buyButton().textContent).toBe('已达限购')
    expect(screen.getByTestId('flash-limit').textContent).toBe('每人限购 1 件，已抢 1 件')
  })

  test('an unknown sale says so and leads to the list', async () => {
    const fake = createFakeTransport({ 'flashsale.get': () => { throw fail('SALE_NOT_FOUND', '秒杀活动不存在') } })
    setTransport(fake.transport)
    setRouterParams({ id: 'nope' })
    render(<FlashSaleDetailPage />)
    fireEvent.click(await screen.findByText('看看其他秒杀'))
    expect(jest.mocked(Taro.redirectTo)).toHaveBeenCalledWith({ url: '/packages/flashsale/list/index' })
  })
})
