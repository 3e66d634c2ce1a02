/** @jest-environment jsdom */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setTransport } from '../../../src/api'
import { resetSaleClock } from '../../../src/components/flash-countdown/clock'
import { resetServerClock } from '../../../src/components/order-countdown/server-clock'
import type { FlashSaleState, FlashSaleStats, FlashSaleView } from '../../../src/core/contracts/flashsale'
import OpsActivitiesPage from '../../../src/packages/ops/activities'
import OpsSalePage from '../../../src/packages/ops/sale'
import MePage from '../../../src/pages/me'
import { useCartStore } from '../../../src/stores/cart'
import { createFakeCart } from '../../mocks/fake-cart'
import { createFakeTransport, fail, type FakeHandler } from '../../mocks/fake-transport'
import { setRouterParams } from '../../mocks/taro'

function sale(saleId: string, state: FlashSaleState, extra: Partial<FlashSaleView> = {}): FlashSaleView {
  const now = Date.now()
  return {
    saleId,
    title: `秒杀 ${saleId}`,
    skuId: 'sku-oolong-100',
    productId: 'p-oolong',
    productName: '冻顶乌龙',
    skuName: '100g 罐装',
    image: null,
    listPrice: 6800,
    salePrice: 3900,
    quantity: 10,
    sold: 3,
    remaining: 7,
    paid: 2,
    state,
    startAt: state === 'SCHEDULED' ? now + 3_600_000 : now - 60_000,
    endAt: now + 7_200_000,
    stoppedAt: null,
    perMemberLimit: 1,
    shards: 2,
    paymentMinutes: 5,
    myCount: 0,
    reminded: false,
    serverNow: now,
    ...extra
  }
}

const statsOf = (s: FlashSaleView): FlashSaleStats => ({
  saleId: s.saleId,
  state: s.state,
  quantity: s.quantity,
  sold: s.sold,
  paid: s.paid,
  remaining: s.remaining,
  pendingOrders: s.sold - s.paid,
  returned: 0,
  reminders: 5,
  paidFen: s.paid * s.salePrice,
  paidBuyers: s.paid,
  shards: [
    { shard: 0, remaining: 4, sold: 1, paid: 1 },
    { shard: 1, remaining: 3, sold: 2, paid: 1 }
  ],
  serverNow: Date.now()
})

function setupSale(initial: FlashSaleView, roles = ['customer', 'operator'], more: Record<string, FakeHandler> = {}) {
  let current = initial
  const fake = createFakeTransport({
    'system.ping': () => ({ pong: true, now: Date.now() }),
    'system.whoami': () => ({ openid: 'demo-operator', roles, staffStoreIds: [] }),
    'flashsale.get': () => ({ ...current, serverNow: Date.now() }),
    'flashsale.stats': () => statsOf(current),
    'flashsale.stop': () => (current = { ...current, state: 'ENDED', stoppedAt: Date.now() }),
    'flashsale.launchNow': () => (current = { ...current, state: 'LIVE', startAt: Date.now() }),
    ...more
  })
  setTransport(fake.transport)
  setRouterParams({ id: initial.saleId })
  render(<OpsSalePage />)
  return { fake, set: (next: FlashSaleView) => (current = next) }
}

const stat = (key: string) => within(screen.getByTestId(`stat-${key}`)).getByText(/^\d+$/).textContent

beforeEach(() => {
  resetServerClock()
  resetSaleClock()
  jest.mocked(Taro.showModal).mockImplementation(async () => ({ errMsg: 'ok', confirm: true, cancel: false }))
})
afterEach(() => {
  cleanup()
  jest.clearAllMocks()
})

describe('ops: a flash sale live view', () => {
  test('shows 成交额, paid buyers, sold, paid, remaining, pending and reminders; stock shards stay internal', async () => {
    setupSale(sale('fs1', 'LIVE'))
    await screen.findByTestId('ops-sale-state')
    expect(screen.getByTestId('ops-sale-state').textContent).toBe('进行中')
    expect([stat('sold'), stat('paid'), stat('remaining'), stat('pending'), stat('reminders')]).toEqual(['3', '2', '7', '1', '5'])
    expect(within(screen.getByTestId('stat-revenue')).getByText('¥78.00')).toBeTruthy()
    expect(stat('buyers')).toBe('2')
    expect(document.body.textContent).not.toContain('分片')
    expect(screen.getByText('距结束')).toBeTruthy()
    expect(screen.queryByTestId('ops-sale-launch')).toBeNull()
    expect(screen.queryByTestId('ops-sale-edit')).toBeNull()
  })

  test('停止 asks first: declining sends nothing; confirming stops the sale and shows 已停止', async () => {
    const { fake } = setupSale(sale('fs1', 'LIVE'))
    await screen.findByTestId('ops-sale-stop')
    jest.mocked(Taro.showModal).mockImplementationOnce(async () => ({ errMsg: 'ok', confirm: false, cancel: true }))
    fireEvent.click(screen.getByTestId('ops-sale-stop'))
    await waitFor(() => expect(jest.mocked(Taro.showModal)).toHaveBeenCalledTimes(1))
    expect(jest.mocked(Taro.showModal)).toHaveBeenCalledWith(expect.objectContaining({ title: '停止秒杀', confirmText: '确定停止' }))
    await waitFor(() => expect(fake.callsOf('flashsale', 'get').length).toBeGreaterThanOrEqual(2))
    expect(fake.callsOf('flashsale', 'stop')).toHaveLength(0)

    fireEvent.click(screen.getByTestId('ops-sale-stop'))
    await waitFor(() => expect(screen.getByTestId('ops-sale-state').textContent).toBe('已停止'))
    expect(fake.callsOf('flashsale', 'stop')).toEqual([{ fn: 'flashsale', action: 'stop', data: { saleId: 'fs1' } }])
    expect(screen.queryByTestId('ops-sale-stop')).toBeNull()
    expect(jest.mocked(Taro.showToast)).toHaveBeenCalledWith({ title: '秒杀已停止', icon: 'success' })
  })

  test('a scheduled sale offers 编辑 and 立即开始', async () => {
    const { fake } = setupSale(sale('fs1', 'SCHEDULED'))
    await screen.findByTestId('ops-sale-launch')
    expect(screen.getByTestId('ops-sale-state').textContent).toBe('未开始')
    fireEvent.click(screen.getByTestId('ops-sale-edit'))
    expect(jest.mocked(Taro.navigateTo)).toHaveBeenCalledWith({ url: '/packages/ops/sale-form/index?id=fs1' })
    fireEvent.click(screen.getByTestId('ops-sale-launch'))
    await waitFor(() => expect(screen.getByTestId('ops-sale-state').textContent).toBe('进行中'))
    expect(fake.callsOf('flashsale', 'launchNow')).toHaveLength(1)
  })

  test('a refused action shows why and reads the sale again', async () => {
    const { fake, set } = setupSale(sale('fs1', 'SCHEDULED'), undefined, {
      'flashsale.launchNow': () => {
        throw fail('SALE_NOT_EDITABLE', '秒杀已开始，不能再修改')
      }
    })
    await screen.findByTestId('ops-sale-launch')
    set(sale('fs1', 'LIVE'))
    fireEvent.click(screen.getByTestId('ops-sale-launch'))
    await waitFor(() => expect(screen.getByTestId('ops-sale-state').textContent).toBe('进行中'))
    expect(jest.mocked(Taro.showToast)).toHaveBeenCalledWith(expect.objectContaining({ title: '秒杀已开始，不能再修改' }))
    expect(fake.callsOf('flashsale', 'launchNow')).toHaveLength(1)
  })

  test('a customer gets 无权限', async () => {
    const { fake } = setupSale(sale('fs1', 'LIVE'), ['customer'])
    await screen.findByTestId('ops-no-access')
    expect(fake.callsOf('flashsale', 'stats')).toHaveLength(0)
  })

  test('a FORBIDDEN answer (role taken away) also shows 无权限', async () => {
    setupSale(sale('fs1', 'LIVE'), undefined, {
      'flashsale.stats': () => {
        throw fail('FORBIDDEN', '没有权限执行此操作')
      }
    })
    await screen.findByTestId('ops-no-access')
  })
})

describe('ops: home', () => {
  test('lists sales (live first) with their numbers; 拼团活动 lists activities with their groups', async () => {
    const fake = createFakeTransport({
      'system.whoami': () => ({ openid: 'demo-operator', roles: ['customer', 'operator'], staffStoreIds: [] }),
      'flashsale.list': () => ({ sales: [sale('ended', 'ENDED', { stoppedAt: Date.now() }), sale('soon', 'SCHEDULED'), sale('now', 'LIVE')], serverNow: Date.now() }),
      'groupbuy.listActivities': () => ({
        items: [
          {
            activityId: 'ga1',
            title: '乌龙两人团',
            skuId: 'sku-oolong-100',
            productId: 'p-oolong',
            productName: '冻顶乌龙',
            skuName: '100g 罐装',
            image: null,
            listPrice: 6800,
            groupPrice: 4900,
            leaderPrice: 4900,
            groupSize: 2,
            timeLimitMinutes: 1440,
            perMemberLimit: 1,
            leaderDiscount: null,
            virtualCompletion: false,
            startAt: Date.now() - 60_000,
            endAt: Date.now() + 86_400_000,
            phase: 'ACTIVE',
            createdAt: Date.now(),
            updatedAt: Date.now(),
            stats: { groupsPending: 0, groupsOpen: 2, groupsSucceeded: 3, groupsSucceededVirtual: 1, groupsFailed: 4, paidMembers: 9, refundedMembers: 4 }
          }
        ],
        serverNow: Date.now()
      })
    })
    setTransport(fake.transport)
    setRouterParams({})
    render(<OpsActivitiesPage />)
    await screen.findByTestId('ops-sale-now')
    expect(screen.getAllByTestId(/^ops-sale-/).map((el) => el.getAttribute('data-testid'))).toEqual(['ops-sale-now', 'ops-sale-soon', 'ops-sale-ended'])
    expect(within(screen.getByTestId('ops-sale-ended')).getByText('已停止')).toBeTruthy()
    const row = within(screen.getByTestId('ops-sale-now'))
    expect(row.getByText('已售')).toBeTruthy()
    fireEvent.click(screen.getByTestId('ops-sale-now'))
    expect(jest.mocked(Taro.navigateTo)).toHaveBeenCalledWith({ url: '/packages/ops/sale/index?id=now' })
    fireEvent.click(screen.getByTestId('ops-create'))
    expect(jest.mocked(Taro.navigateTo)).toHaveBeenLastCalledWith({ url: '/packages/ops/sale-form/index' })

    fireEvent.click(screen.getByTestId('ops-tab-groupbuy'))
    const activity = within(await screen.findByTestId('ops-activity-ga1'))
    expect(activity.getByText('进行中')).toBeTruthy()
    expect(within(activity.getByTestId('stat-open')).getByText('2')).toBeTruthy()
    expect(within(activity.getByTestId('stat-succeeded')).getByText('4')).toBeTruthy()
    expect(within(activity.getByTestId('stat-failed')).getByText('4')).toBeTruthy()
    expect(fake.callsOf('groupbuy', 'listActivities')[0]!.data).toEqual({ view: 'operator' })
    fireEvent.click(screen.getByTestId('ops-create'))
    expect(jest.mocked(Taro.navigateTo)).toHaveBeenLastCalledWith({ url: '/packages/ops/group-form/index' })
  })
})

describe('我的: the 运营后台 entry', () => {
  test.each([
    [['customer', 'operator'], true],
    [['customer'], false]
  ])('roles %j: shown %s', async (roles, shown) => {
    useCartStore.getState().reset()
    ;(globalThis as { fetch?: unknown }).fetch = jest.fn(async () => ({ ok: true, json: async () => ({ users: [] }) }))
    setTransport(
      createFakeTransport({
        ...createFakeCart([]).handlers,
        'system.whoami': () => ({ openid: 'someone', roles, staffStoreIds: [] }),
        'order.list': ({ page, pageSize }: { page: number; pageSize: number }) => ({ items: [], page, pageSize, hasMore: false })
      }).transport
    )
    render(<MePage />)
    // The header no longer shows the openid: wait for the roles to arrive instead.
    await screen.findByTestId('account-card')
    await waitFor(() => expect(screen.queryByTestId('me-entry-ops') !== null).toBe(shown))
    if (shown) {
      fireEvent.click(screen.getByTestId('me-entry-ops'))
      expect(jest.mocked(Taro.navigateTo)).toHaveBeenCalledWith({ url: '/packages/ops/index/index' })
    }
  })
})
