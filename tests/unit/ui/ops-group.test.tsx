/** @jest-environment jsdom */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setTransport } from '../../../src/api'
import { formatDateTime } from '../../../src/components/ops-datetime/format'
import { resetSaleClock } from '../../../src/components/flash-countdown/clock'
import { resetServerClock } from '../../../src/components/order-countdown/server-clock'
import type { ActivityStats, GroupBuyActivityView } from '../../../src/core/contracts/groupbuy'
import OpsGroupPage from '../../../src/packages/ops/group'
import OpsGroupFormPage from '../../../src/packages/ops/group-form'
import { parseRate } from '../../../src/packages/ops/group-form/form'
import { createFakeTransport, fail, type FakeHandler } from '../../mocks/fake-transport'
import { setRouterParams } from '../../mocks/taro'

// The shared component mock has no Picker (global `jest`, so swc hoists this above the imports).
jest.mock('@tarojs/components', () => {
  const actual = jest.requireActual<Record<string, unknown>>('../../mocks/taro-components')
  const { createElement } = jest.requireActual<typeof import('react')>('react')
  const Picker = ({ children }: { children: import('react').ReactNode }) => createElement('div', { 'data-taro': 'Picker' }, children)
  return { ...actual, Picker }
})

const OOLONG = {
  _id: 'p-oolong',
  name: '冻顶乌龙',
  subtitle: '',
  categoryId: 'tea',
  image: null,
  price: 6800,
  listPrice: 6800,
  soldOut: false,
  images: [],
  description: '',
  skus: [{ _id: 'sku-oolong-100', name: '100g 罐装', price: 6800, stock: 40, soldOut: false }]
}

const STATS: ActivityStats = { groupsPending: 1, groupsOpen: 2, groupsSucceeded: 3, groupsSucceededVirtual: 1, groupsFailed: 4, paidMembers: 9, refundedMembers: 5, paidFen: 17910, paidBuyers: 8 }

function activity(extra: Partial<GroupBuyActivityView> = {}): GroupBuyActivityView {
  const now = Date.now()
  return {
    activityId: 'ga1',
    title: '乌龙两人团',
    skuId: 'sku-oolong-100',
    productId: 'p-oolong',
    productName: '冻顶乌龙',
    skuName: '100g 罐装',
    image: null,
    listPrice: 6800,
    groupPrice: 4900,
    leaderPrice: 4410,
    groupSize: 2,
    timeLimitMinutes: 1440,
    perMemberLimit: 1,
    leaderDiscount: { type: 'bps', bps: 1000 },
    virtualCompletion: true,
    startAt: now - 60_000,
    endAt: now + 86_400_000,
    phase: 'ACTIVE',
    createdAt: now,
    updatedAt: now,
    stats: null,
    ...extra
  }
}

function setup(more: Record<string, FakeHandler>, roles = ['customer', 'operator']) {
  const fake = createFakeTransport({
    'system.ping': () => ({ pong: true, now: Date.now() }),
    'system.whoami': () => ({ openid: 'demo-operator', roles, staffStoreIds: [] }),
    'catalog.listProducts': () => ({ items: [OOLONG], page: 0, pageSize: 20, hasMore: false }),
    'catalog.productDetail': () => OOLONG,
    ...more
  })
  setTransport(fake.transport)
  return fake
}

const type = (container: HTMLElement, id: string, value: string) => fireEvent.change(container.querySelector(`#${id}`)!, { target: { value } })
const errorOf = (name: string) => screen.queryByTestId(`field-${name}-error`)?.textContent ?? null

beforeEach(() => {
  resetServerClock()
  resetSaleClock()
  jest.mocked(Taro.showModal).mockImplementation(async () => ({ errMsg: 'ok', confirm: true, cancel: false }))
})
afterEach(() => {
  cleanup()
  jest.clearAllMocks()
})

describe('ops: new group-buy activity', () => {
  test('checks the price, the leader discount and the times, then creates it', async () => {
    const fake = setup({ 'groupbuy.createActivity': (input) => ({ ...activity(), ...input, activityId: 'ga-new' }) })
    setRouterParams({})
    const { container } = render(<OpsGroupFormPage />)
    fireEvent.click(await screen.findByTestId('sku-picker'))
    fireEvent.click(await screen.findByTestId('sku-product-p-oolong'))
    fireEvent.click(await screen.findByTestId('sku-option-sku-oolong-100'))

    type(container, 'group-groupPrice', '70')
    fireEvent.click(screen.getByTestId('leader-discount-fen'))
    type(container, 'group-discountValue', '80')
    const start = Math.floor((Date.now() + 60_000) / 1000) * 1000
    type(container, 'group-startAt', formatDateTime(start))
    type(container, 'group-endAt', formatDateTime(start))
    fireEvent.click(screen.getByTestId('group-submit'))
    await waitFor(() => expect(errorOf('groupPrice')).toBe('拼团价须低于商品原价 ¥68.00'))
    expect(errorOf('endAt')).toBe('结束时间须晚于开始时间')
    expect(fake.callsOf('groupbuy', 'createActivity')).toHaveLength(0)

    type(container, 'group-groupPrice', '49')
    fireEvent.click(screen.getByTestId('group-submit'))
    await waitFor(() => expect(errorOf('leaderDiscount')).toBe('团长立减须低于拼团价'))

    fireEvent.click(screen.getByTestId('leader-discount-rate'))
    type(container, 'group-discountValue', '9')
    fireEvent.click(screen.getByTestId('group-size-3'))
    fireEvent.click(screen.getByTestId('time-limit-120'))
    fireEvent.click(screen.getByTestId('virtual-on'))
    type(container, 'group-endAt', formatDateTime(start + 86_400_000))
    fireEvent.click(screen.getByTestId('group-submit'))
    fireEvent.click(screen.getByTestId('group-submit'))
    await waitFor(() => expect(jest.mocked(Taro.redirectTo)).toHaveBeenCalledWith({ url: '/packages/ops/group/index?id=ga-new' }))
    expect(fake.callsOf('groupbuy', 'createActivity').map((c) => c.data)).toEqual([
      {
        skuId: 'sku-oolong-100',
        groupPrice: 4900,
        groupSize: 3,
        timeLimitMinutes: 120,
        perMemberLimit: 1,
        leaderDiscount: { type: 'bps', bps: 1000 },
        virtualCompletion: true,
        startAt: start,
        endAt: start + 86_400_000
      }
    ])
  })

  test("the server's ACTIVITY_INVALID issues show on their fields", async () => {
    setup({
      'groupbuy.createActivity': () => {
        throw fail('ACTIVITY_INVALID', '成团时限须为 10 分钟到 72 小时', { issues: [{ field: 'timeLimitMinutes', message: '成团时限须为 10 分钟到 72 小时' }] })
      }
    })
    setRouterParams({})
    const { container } = render(<OpsGroupFormPage />)
    fireEvent.click(await screen.findByTestId('sku-picker'))
    fireEvent.click(await screen.findByTestId('sku-product-p-oolong'))
    fireEvent.click(await screen.findByTestId('sku-option-sku-oolong-100'))
    type(container, 'group-groupPrice', '49')
    fireEvent.click(screen.getByTestId('group-submit'))
    await waitFor(() => expect(errorOf('timeLimitMinutes')).toBe('成团时限须为 10 分钟到 72 小时'))
  })

  test('editing fills the form from the activity and sends updateActivity', async () => {
    const fake = setup({
      'groupbuy.getActivity': () => ({ activity: activity(), openGroups: [], mySeats: 0, limitReached: false, serverNow: Date.now() }),
      'groupbuy.updateActivity': (input) => ({ ...activity(), ...input })
    })
    setRouterParams({ id: 'ga1' })
    const { container } = render(<OpsGroupFormPage />)
    await screen.findByTestId('group-submit')
    expect((container.querySelector('#group-groupPrice') as HTMLInputElement).value).toBe('49.00')
    expect((container.querySelector('#group-discountValue') as HTMLInputElement).value).toBe('9')
    expect(screen.getByTestId('virtual-on').className).toContain('ops-chips__chip--on')
    type(container, 'group-groupPrice', '45')
    fireEvent.click(screen.getByTestId('group-submit'))
    await waitFor(() => expect(fake.callsOf('groupbuy', 'updateActivity')).toHaveLength(1))
    expect(fake.callsOf('groupbuy', 'updateActivity')[0]!.data).toMatchObject({ activityId: 'ga1', groupPrice: 4500, leaderDiscount: { type: 'bps', bps: 1000 } })
    await waitFor(() => expect(jest.mocked(Taro.navigateBack)).toHaveBeenCalled())
  })

  test('折 are read to basis points', () => {
    expect(parseRate('9')).toBe(1000)
    expect(parseRate('9.5')).toBe(500)
    expect(parseRate('0.1')).toBe(9900)
    expect(parseRate('10')).toBeNull()
    expect(parseRate('0')).toBeNull()
  })
})

describe('ops: a group-buy live view', () => {
  function setupLive(roles?: string[]) {
    let current = activity()
    const fake = setup(
      {
        'groupbuy.getActivity': () => ({
          activity: current,
          openGroups: [
            {
              groupId: 'g1',
              leader: { nickname: '顾客 A', avatar: null, leader: true, paid: true, virtual: false, joinedAt: Date.now() },
              size: 2,
              seatsLeft: 1,
              expiresAt: Date.now() + 3_600_000,
              joinedByMe: false
            }
          ],
          mySeats: 0,
          limitReached: false,
          serverNow: Date.now()
        }),
        'groupbuy.stats': () => ({ activityId: 'ga1', phase: current.phase, stats: STATS, serverNow: Date.now() }),
        'groupbuy.stopActivity': () => (current = { ...current, phase: 'STOPPED' })
      },
      roles
    )
    setRouterParams({ id: 'ga1' })
    render(<OpsGroupPage />)
    return fake
  }

  test('shows groups open / succeeded / failed and the members paid; 停止 asks, then stops', async () => {
    const fake = setupLive()
    await screen.findByTestId('ops-activity-phase')
    const value = (key: string) => within(screen.getByTestId(`stat-${key}`)).getByText(/^\d+$/).textContent
    expect([value('open'), value('succeeded'), value('failed'), value('virtual'), value('paid'), value('refunded')]).toEqual(['2', '3', '4', '1', '9', '5'])
    // Money figures: 成交额 and distinct paying members.
    expect(screen.getByTestId('stat-revenue').textContent).toContain('¥179.10')
    expect(value('buyers')).toBe('8')
    expect(screen.getByText('另有 1 个团等待团长付款')).toBeTruthy()
    expect(within(screen.getByTestId('ops-group-g1')).getByText('1/2 人 · 差 1 人')).toBeTruthy()
    expect(screen.getByText('9 折，团长付 ¥44.10')).toBeTruthy()

    jest.mocked(Taro.showModal).mockImplementationOnce(async () => ({ errMsg: 'ok', confirm: false, cancel: true }))
    fireEvent.click(screen.getByTestId('ops-activity-stop'))
    await waitFor(() => expect(jest.mocked(Taro.showModal)).toHaveBeenCalledTimes(1))
    expect(fake.callsOf('groupbuy', 'stopActivity')).toHaveLength(0)
    fireEvent.click(screen.getByTestId('ops-activity-stop'))
    await waitFor(() => expect(screen.getByTestId('ops-activity-phase').textContent).toBe('已停止'))
    expect(fake.callsOf('groupbuy', 'stopActivity')).toEqual([{ fn: 'groupbuy', action: 'stopActivity', data: { activityId: 'ga1' } }])
    expect(screen.queryByTestId('ops-activity-stop')).toBeNull()
  })

  test('a customer gets 无权限', async () => {
    const fake = setupLive(['customer'])
    await screen.findByTestId('ops-no-access')
    expect(fake.callsOf('groupbuy', 'stats')).toHaveLength(0)
  })
})
