/** @jest-environment jsdom */
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setTransport } from '../../../src/api'
import type { StatsFigures, StatsOverview } from '../../../src/core/contracts/stats'
import { ORDER_KINDS } from '../../../src/core/order/kind'
import OpsDashboardPage from '../../../src/packages/ops/index'
import { OPS_MENU } from '../../../src/packages/ops/index/menu'
import { createFakeTransport, fail } from '../../mocks/fake-transport'
import { setRouterParams } from '../../mocks/taro'

function figures(gmvFen: number, paidOrders: number, extra: Partial<StatsFigures> = {}): StatsFigures {
  return {
    gmvFen,
    paidOrders,
    payingCustomers: paidOrders,
    newMembers: 2,
    refundFen: 0,
    refundOrders: 0,
    series: [{ day: '2025-01-07', gmvFen, paidOrders }],
    kinds: ORDER_KINDS.map((kind) => ({ kind, gmvFen: kind === 'normal' ? gmvFen : 0, paidOrders: kind === 'normal' ? paidOrders : 0 })),
    ...extra
  }
}

function overview(range: StatsOverview['range'], current: StatsFigures, previous: StatsFigures): StatsOverview {
  const before = { ...previous, series: previous.series.map((p) => ({ ...p, day: '2025-01-06' })) }
  return { range, from: '2025-01-07', to: '2025-01-07', ...current, previous: { from: '2025-01-06', to: '2025-01-06', ...before }, serverNow: Date.now() }
}

/** A Canvas 2D context that records what uCharts draws. */
function mockCanvas() {
  const drawn: string[] = []
  const context = new Proxy({} as Record<string | symbol, unknown>, {
    get(target, prop) {
      if (prop in target) return target[prop]
      if (prop === 'measureText') return (text: string) => ({ width: String(text).length * 6 })
      if (prop === 'fillText') return (text: string) => drawn.push(String(text))
      if (typeof prop === 'string' && prop.startsWith('set')) return undefined
      return () => undefined
    },
    set(target, prop, value) {
      target[prop] = value
      return true
    }
  })
  const getContext = jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation((() => context) as never)
  return { drawn, getContext }
}

const operatorWhoami = () => ({ openid: 'demo-operator', roles: ['customer', 'operator'], staffStoreIds: [] })

beforeEach(() => setRouterParams({}))
afterEach(() => {
  cleanup()
  jest.restoreAllMocks()
  jest.clearAllMocks()
})

describe('ops: the dashboard (运营概览)', () => {
  test('KPI cards with changes against the previous period, the kind breakdown, the chart drawn on a Canvas 2D, and the menu', async () => {
    const canvas = mockCanvas()
    const fake = createFakeTransport({
      'system.whoami': operatorWhoami,
      'stats.overview': ({ range }: { range: StatsOverview['range'] }) =>
        range === 'today'
          ? overview(
              'today',
              figures(30000, 3, {
                refundFen: 3000,
                kinds: ORDER_KINDS.map((kind) => ({ kind, gmvFen: kind === 'flashsale' ? 10000 : kind === 'normal' ? 20000 : 0, paidOrders: kind === 'flashsale' ? 1 : kind === 'normal' ? 2 : 0 }))
              }),
              figures(20000, 4)
            )
          : overview(range, figures(70000, 7, { series: [{ day: '2025-01-06', gmvFen: 30000, paidOrders: 3 }, { day: '2025-01-07', gmvFen: 40000, paidOrders: 4 }] }), figures(70000, 7))
    })
    setTransport(fake.transport)
    render(<OpsDashboardPage />)

    await screen.findByTestId('ops-overview')
    expect(screen.getByTestId('kpi-gmv-value').textContent).toBe('¥300.00')
    expect(screen.getByTestId('kpi-gmv-change').textContent).toBe('较昨日 ↑ 50%')
    expect(screen.getByTestId('kpi-orders-change').textContent).toBe('较昨日 ↓ 25%')
    expect(screen.getByTestId('kpi-aov-value').textContent).toBe('¥100.00')
    expect(screen.getByTestId('kpi-refund-rate-value').textContent).toBe('10.0%')
    expect(screen.getByTestId('kpi-refund-rate-change').textContent).toBe('较昨日 —')
    expect(within(screen.getByTestId('kind-flashsale')).getByText('¥100.00 · 1 单 · 33.3%')).toBeTruthy()
    expect(within(screen.getByTestId('kind-live')).getByText('¥0.00 · 0 单 · 0%')).toBeTruthy()
    expect(screen.getByTestId('ops-period').textContent).toContain('净收入 ¥270.00')

    // uCharts drew the trend on the canvas's 2D context (legend and axis labels are text).
    await waitFor(() => expect(canvas.drawn).toContain('成交额(元)'))
    expect(canvas.getContext).toHaveBeenCalledWith('2d')
    expect(canvas.drawn).toContain('1/7')
    expect(canvas.drawn).toContain('1/6')
    expect(screen.queryByText('图表暂时无法显示')).toBeNull()

    fireEvent.click(screen.getByTestId('ops-range-7d'))
    await waitFor(() => expect(screen.getByTestId('kpi-gmv-change').textContent).toBe('较前 7 天 持平'))
    expect(fake.callsOf('stats', 'overview').map((c) => c.data)).toEqual([{ range: 'today' }, { range: '7d' }])
    await waitFor(() => expect(canvas.drawn).toContain('1/6'))

    expect(screen.getAllByTestId(/^ops-menu-/)).toHaveLength(OPS_MENU.length)
    fireEvent.click(screen.getByTestId('ops-menu-flashsale'))
    expect(jest.mocked(Taro.navigateTo)).toHaveBeenLastCalledWith({ url: '/packages/ops/activities/index?tab=flashsale' })
    fireEvent.click(screen.getByTestId('ops-menu-groupbuy'))
    expect(jest.mocked(Taro.navigateTo)).toHaveBeenLastCalledWith({ url: '/packages/ops/activities/index?tab=groupbuy' })
  })

  test('an empty range says so; a failed load offers 重试; the server refusing the role shows 无权限', async () => {
    mockCanvas()
    let answer: () => unknown = () => overview('today', figures(0, 0, { newMembers: 0 }), figures(0, 0, { newMembers: 0 }))
    setTransport(createFakeTransport({ 'system.whoami': operatorWhoami, 'stats.overview': () => answer() }).transport)
    render(<OpsDashboardPage />)
    expect(await screen.findByText('这段时间还没有成交')).toBeTruthy()
    expect(screen.getByTestId('kpi-gmv-change').textContent).toBe('较昨日 持平')
    cleanup()

    answer = () => {
      throw fail('INTERNAL', '服务繁忙')
    }
    render(<OpsDashboardPage />)
    expect(await screen.findByText('服务繁忙')).toBeTruthy()
    answer = () => overview('today', figures(100, 1), figures(0, 0))
    fireEvent.click(screen.getByText('重试'))
    await waitFor(() => expect(screen.getByTestId('kpi-gmv-change').textContent).toBe('较昨日 —'))
    cleanup()

    answer = () => {
      throw fail('FORBIDDEN', '无权限')
    }
    render(<OpsDashboardPage />)
    await screen.findByTestId('ops-no-access')
  })
})
