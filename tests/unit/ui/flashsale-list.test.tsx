/** @jest-environment jsdom */
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setTransport } from '../../../src/api'
import { offsetOfAnswer, pickOffset, resetSaleClock, saleOffset, withServerNow } from '../../../src/components/flash-countdown/clock'
import { resetServerClock, syncServerClock } from '../../../src/components/order-countdown/server-clock'
import type { FlashSaleState, FlashSaleView } from '../../../src/core/contracts/flashsale'
import FlashSaleListPage from '../../../src/packages/flashsale/list'
import EntryTiles from '../../../src/pages/home/entry-tiles'
import FlashStrip from '../../../src/pages/home/flash-strip'
import { createFakeTransport, fail } from '../../mocks/fake-transport'
import { setRouterParams } from '../../mocks/taro'

function sale(saleId: string, state: FlashSaleState, extra: Partial<FlashSaleView> = {}): FlashSaleView {
  const now = Date.now()
  return {
    saleId,
    title: `秒杀 ${saleId}`,
    skuId: `sku-${saleId}`,
    productId: `p-${saleId}`,
    productName: `商品 ${saleId}`,
    skuName: '标准装',
    image: null,
    listPrice: 10000,
    salePrice: 3900,
    quantity: 20,
    sold: state === 'SOLD_OUT' ? 20 : 5,
    remaining: state === 'SOLD_OUT' ? 0 : 15,
    paid: 4,
    state,
    startAt: state === 'SCHEDULED' ? now + 30 * 60_000 : now - 60_000,
    endAt: now + 2 * 3_600_000,
    stoppedAt: null,
    perMemberLimit: 2,
    shards: 4,
    paymentMinutes: 5,
    myCount: 0,
    reminded: false,
    serverNow: now,
    ...extra
  }
}

function setup(sales: () => FlashSaleView[]) {
  const fake = createFakeTransport({
    'system.ping': () => ({ pong: true, now: Date.now() }),
    'flashsale.list': () => ({ sales: sales(), serverNow: Date.now() })
  })
  setTransport(fake.transport)
  render(<FlashSaleListPage />)
  return fake
}

beforeEach(() => {
  resetServerClock()
  resetSaleClock()
  setRouterParams({})
})
afterEach(() => {
  cleanup()
  jest.clearAllMocks()
})

describe('flash sale list', () => {
  test('正在疯抢 shows live sales (ending soonest first) then sold-out ones; 即将开抢 shows upcoming with their countdown', async () => {
    const now = Date.now()
    setup(() => [
      sale('a', 'SCHEDULED'),
      sale('b', 'LIVE', { endAt: now + 3 * 3_600_000 }),
      sale('c', 'SOLD_OUT'),
      sale('d', 'LIVE', { endAt: now + 3_600_000 }),
      sale('e', 'ENDED')
    ])
    await screen.findByTestId('flash-card-b')
    const live = screen.getAllByTestId(/^flash-card-/).map((el) => el.getAttribute('data-testid'))
    expect(live).toEqual(['flash-card-d', 'flash-card-b', 'flash-card-c'])
    expect(within(screen.getByTestId('flash-card-c')).getAllByText('已抢光').length).toBeGreaterThan(0)
    expect(within(screen.getByTestId('flash-card-d')).getByText('已抢25%')).toBeTruthy()
    expect(within(screen.getByTestId('flash-card-d')).getByText('¥39.00')).toBeTruthy()
    expect(within(screen.getByTestId('flash-card-d')).getByText('3.9折')).toBeTruthy()

    fireEvent.click(screen.getByTestId('flash-tab-upcoming'))
    const upcoming = screen.getByTestId('flash-card-a')
    expect(within(upcoming).getByText('距开抢')).toBeTruthy()
    expect(within(upcoming).getByTestId('flash-countdown-time').textContent).toMatch(/^(30:00|29:59)$/)
    expect(screen.queryByTestId('flash-card-e')).toBeNull()

    fireEvent.click(upcoming)
    expect(jest.mocked(Taro.navigateTo)).toHaveBeenCalledWith({ url: '/packages/flashsale/detail/index?id=a' })
  })

  test('with nothing live it opens on 即将开抢; an empty tab says so', async () => {
    setup(() => [sale('a', 'SCHEDULED')])
    await screen.findByTestId('flash-card-a')
    fireEvent.click(screen.getByTestId('flash-tab-live'))
    expect(screen.getByText('现在没有进行中的秒杀，看看即将开抢的吧')).toBeTruthy()
    fireEvent.click(screen.getByText('看看即将开抢'))
    expect(screen.getByTestId('flash-card-a')).toBeTruthy()
  })

  test('a failed read shows the error; 重试 reads again', async () => {
    let ok = false
    const fake = createFakeTransport({
      'flashsale.list': () => {
        if (!ok) throw fail('INTERNAL', '服务暂时出了点问题，请稍后再试')
        return { sales: [sale('b', 'LIVE')], serverNow: Date.now() }
      }
    })
    setTransport(fake.transport)
    render(<FlashSaleListPage />)
    await screen.findByText('服务暂时出了点问题，请稍后再试')
    ok = true
    fireEvent.click(screen.getByText('重试'))
    await screen.findByTestId('flash-card-b')
  })

  test('a live sale whose countdown ends makes the list read again', async () => {
    let reads = 0
    const fake = setup(() => (++reads === 1 ? [sale('b', 'LIVE', { endAt: Date.now() + 1_100 })] : [sale('b', 'SOLD_OUT')]))
    await screen.findByTestId('flash-card-b')
    await waitFor(() => expect(fake.callsOf('flashsale', 'list').length).toBeGreaterThanOrEqual(2), { timeout: 4_000 })
    await waitFor(() => expect(within(screen.getByTestId('flash-card-b')).getAllByText('已抢光').length).toBeGreaterThan(0))
  })
})

describe('home: 秒杀 tile', () => {
  test('opens the flash sale list', () => {
    render(<EntryTiles />)
    fireEvent.click(screen.getByTestId('entry-flashsale'))
    expect(jest.mocked(Taro.navigateTo)).toHaveBeenCalledWith({ url: '/packages/flashsale/list/index' })
  })
})

describe('home: 限时秒杀 strip', () => {
  test('shows the live sale ending soonest, then the next to start; 更多 opens the list', async () => {
    const now = Date.now()
    setTransport(
      createFakeTransport({
        'flashsale.list': () => ({
          sales: [sale('later', 'SCHEDULED', { startAt: now + 7_200_000 }), sale('live', 'LIVE'), sale('soon', 'SCHEDULED'), sale('gone', 'SOLD_OUT')],
          serverNow: Date.now()
        })
      }).transport
    )
    render(<FlashStrip />)
    await screen.findByTestId('home-flash-live')
    expect(screen.getAllByTestId(/^home-flash-/).map((el) => el.getAttribute('data-testid'))).toEqual(['home-flash-live', 'home-flash-soon'])
    fireEvent.click(screen.getByText('更多 ›'))
    expect(jest.mocked(Taro.navigateTo)).toHaveBeenCalledWith({ url: '/packages/flashsale/list/index' })
    fireEvent.click(screen.getByTestId('home-flash-soon'))
    expect(jest.mocked(Taro.navigateTo)).toHaveBeenLastCalledWith({ url: '/packages/flashsale/detail/index?id=soon' })
  })

  test('shows nothing when there is no sale or the read fails', async () => {
    const fake = createFakeTransport({})
    setTransport(fake.transport)
    const { container } = render(<FlashStrip />)
    await waitFor(() => expect(fake.callsOf('flashsale', 'list').length).toBeGreaterThan(0))
    expect(container.innerHTML).toBe('')
  })
})

describe('sale clock', () => {
  test('trusts the ping, unless an answer contradicts it by more than 1.5 s', () => {
    expect(offsetOfAnswer(10_500, 10_000, 10_200)).toBe(400)
    expect(pickOffset(300, null)).toBe(300)
    expect(pickOffset(300, 1_000)).toBe(300)
    expect(pickOffset(0, 60_000)).toBe(60_000)
  })

  test('an answer far from the ping moves the countdowns to the server clock', async () => {
    setTransport(createFakeTransport({ 'system.ping': () => ({ pong: true, now: Date.now() }) }).transport)
    await syncServerClock()
    expect(Math.abs(saleOffset())).toBeLessThan(100)
    await withServerNow(async () => ({ serverNow: Date.now() + 120_000 }))
    expect(Math.abs(saleOffset() - 120_000)).toBeLessThan(100)
  })
})
