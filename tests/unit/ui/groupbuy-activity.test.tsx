/** @jest-environment jsdom */
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setTransport } from '../../../src/api'
import { resetServerClock } from '../../../src/components/order-countdown/server-clock'
import type { ActivityDetailView, GroupBuyActivityView, OpenGroupSummary } from '../../../src/core/contracts/groupbuy'
import GroupBuyActivityPage from '../../../src/packages/groupbuy/activity'
import GroupBuyListPage from '../../../src/packages/groupbuy/index'
import { PICKUP_STORES } from '../../mocks/fake-orders'
import { createFakeTransport, fail, type FakeHandler } from '../../mocks/fake-transport'
import { setRouterParams } from '../../mocks/taro'

const HOUR = 3_600_000

const activity = (id: string, extra: Partial<GroupBuyActivityView> = {}): GroupBuyActivityView => ({
  activityId: id,
  title: `冻顶乌龙拼团 ${id}`,
  skuId: 'sku-oolong-100',
  productId: 'p-oolong',
  productName: '冻顶乌龙',
  skuName: '100g 罐装',
  image: null,
  listPrice: 6800,
  groupPrice: 4900,
  leaderPrice: 4500,
  groupSize: 3,
  timeLimitMinutes: 24 * 60,
  perMemberLimit: 2,
  leaderDiscount: { type: 'fen', amount: 400 },
  virtualCompletion: false,
  startAt: Date.now() - HOUR,
  endAt: Date.now() + 48 * HOUR,
  phase: 'ACTIVE',
  createdAt: Date.now() - 2 * HOUR,
  updatedAt: Date.now() - 2 * HOUR,
  stats: null,
  ...extra
})

const openGroup = (groupId: string, extra: Partial<OpenGroupSummary> = {}): OpenGroupSummary => ({
  groupId,
  leader: { nickname: '拼友A', avatar: null, leader: true, paid: true, virtual: false, joinedAt: Date.now() - 60_000 },
  size: 3,
  seatsLeft: 2,
  expiresAt: Date.now() + HOUR,
  joinedByMe: false,
  ...extra
})

const detail = (extra: Partial<ActivityDetailView> = {}): ActivityDetailView => ({
  activity: activity('a1'),
  openGroups: [openGroup('g1')],
  mySeats: 0,
  limitReached: false,
  soldCount: 0,
  serverNow: Date.now(),
  ...extra
})

function setup(page: 'list' | 'activity', handlers: Record<string, FakeHandler>) {
  const fake = createFakeTransport({
    'system.ping': () => ({ pong: true, now: Date.now() }),
    'catalog.pickupStores': () => ({ stores: PICKUP_STORES }),
    ...handlers
  })
  setTransport(fake.transport)
  setRouterParams({ id: 'a1' })
  render(page === 'list' ? <GroupBuyListPage /> : <GroupBuyActivityPage />)
  return fake
}

beforeEach(() => {
  resetServerClock()
})
afterEach(() => {
  cleanup()
  jest.clearAllMocks()
})

describe('activity list', () => {
  test('lists the active activities with N人团 and the group price; a tap opens the detail', async () => {
    const fake = setup('list', {
      'groupbuy.listActivities': () => ({ items: [activity('a1'), activity('a2', { groupSize: 5, groupPrice: 3900 })], serverNow: Date.now() })
    })
    const card = await screen.findByTestId('group-activity-a2')
    expect(card.textContent).toContain('5人团')
    expect(card.textContent).toContain('¥39.00')
    expect(card.textContent).toContain('¥68.00')
    expect(fake.callsOf('groupbuy', 'listActivities')[0]!.data).toEqual({ view: 'customer' })
    fireEvent.click(screen.getByTestId('group-activity-a1'))
    expect(jest.mocked(Taro.navigateTo)).toHaveBeenCalledWith({ url: '/packages/groupbuy/activity/index?id=a1' })
  })

  test('no activity: the empty state; a failed read: the error with 重试', async () => {
    setup('list', { 'groupbuy.listActivities': () => ({ items: [], serverNow: Date.now() }) })
    await screen.findByText('暂时没有进行中的拼团，稍后再来看看')
    cleanup()
    let attempts = 0
    setup('list', {
      'groupbuy.listActivities': () => {
        attempts += 1
        if (attempts === 1) throw fail('INTERNAL', '服务繁忙')
        return { items: [activity('a1')], serverNow: Date.now() }
      }
    })
    fireEvent.click(await screen.findByText('重试'))
    await screen.findByTestId('group-activity-a1')
  })
})

describe('activity detail', () => {
  test('shows the group price, the leader price, the open groups with a countdown, and 发起拼团', async () => {
    setup('activity', { 'groupbuy.getActivity': () => detail() })
    await screen.findByTestId('open-groups')
    expect(screen.getByTestId('activity-group-price').textContent).toBe('¥49.00')
    expect(screen.getByTestId('activity-leader-price').textContent).toContain('¥45.00')
    const row = screen.getByTestId('open-group-g1')
    expect(row.textContent).toContain('拼友A 的团')
    expect(row.textContent).toContain('还差 2 人')
    expect(row.textContent).toMatch(/(01:00:00|59:59)后结束/)
    fireEvent.click(screen.getByTestId('open-group-go-g1'))
    expect(jest.mocked(Taro.navigateTo)).toHaveBeenCalledWith({ url: '/packages/groupbuy/group/index?id=g1' })
    expect(screen.getByTestId('group-open').textContent).toBe('发起拼团')
  })

  test('发起拼团: delivery needs the address; opens once on a double tap, pays, then goes to the group', async () => {
    const fetchMock = jest.fn(async () => ({ ok: true, status: 200, json: async () => ({ delivered: 1 }) }) as unknown as Response)
    ;(globalThis as { fetch: unknown }).fetch = fetchMock
    let paid = false
    fetchMock.mockImplementation(async () => {
      paid = true
      return { ok: true, status: 200, json: async () => ({ delivered: 1 }) } as unknown as Response
    })
    const fake = setup('activity', {
      'groupbuy.getActivity': () => detail(),
      'groupbuy.open': async () => {
        await new Promise((done) => setTimeout(done, 30))
        return { groupId: 'g7', orderId: 'o7', expiresAt: Date.now() + 600_000 }
      },
      'order.pay': () => ({ orderId: 'o7', amount: 5300, expiresAt: Date.now() + 600_000, payment: { provider: 'sandbox', orderId: 'o7', amount: 5300, sheetUrl: '/pay/o7' } }),
      'order.get': () => ({ _id: 'o7', status: paid ? 'PAID' : 'PENDING_PAYMENT' })
    })
    fireEvent.click(await screen.findByTestId('group-open'))
    await screen.findByTestId('group-sheet')
    fireEvent.click(screen.getByTestId('group-sheet-pay'))
    // Inline, under each field, not a toast.
    expect(jest.mocked(Taro.showToast)).not.toHaveBeenCalled()
    expect((await screen.findByTestId('address-name-error')).textContent).toBe('请填写收货人')
    expect(screen.getByTestId('address-phone-error').textContent).toBe('请填写手机号')
    expect(screen.getByTestId('address-detail-error').textContent).toBe('请填写详细地址')
    expect(fake.callsOf('groupbuy', 'open')).toHaveLength(0)

    fireEvent.change(screen.getByTestId('address-name'), { target: { value: '张三' } })
    fireEvent.change(screen.getByTestId('address-phone'), { target: { value: '13800138000' } })
    fireEvent.change(screen.getByTestId('address-region'), { target: { value: '上海市 徐汇区' } })
    fireEvent.change(screen.getByTestId('address-detail'), { target: { value: '漕溪北路 88 号' } })
    // The leader's price plus the shop's shipping, as the server will price the order.
    expect(screen.getByTestId('group-sheet-amount').textContent).toBe('¥53.00')
    expect(screen.getByText('含运费 ¥8.00')).not.toBeNull()
    fireEvent.click(screen.getByTestId('group-sheet-pay'))
    fireEvent.click(screen.getByTestId('group-sheet-pay'))
    await screen.findByTestId('pay-sheet')
    expect(fake.callsOf('groupbuy', 'open')).toHaveLength(1)
    expect(fake.callsOf('groupbuy', 'open')[0]!.data).toMatchObject({
      activityId: 'a1',
      fulfillment: { type: 'delivery', address: { name: '张三', phone: '13800138000', region: '上海市 徐汇区', detail: '漕溪北路 88 号' } }
    })
    expect(screen.getByTestId('pay-sheet-amount').textContent).toBe('¥53.00')
    fireEvent.click(screen.getByTestId('pay-confirm'))
    await waitFor(() => expect(jest.mocked(Taro.redirectTo)).toHaveBeenCalledWith({ url: '/packages/groupbuy/group/index?id=g7' }))
  })

  test('LIMIT_EXCEEDED is shown on the page; a member at the limit cannot open another group', async () => {
    let limit = false
    setup('activity', {
      'groupbuy.getActivity': () => detail({ limitReached: limit, mySeats: limit ? 2 : 1 }),
      'groupbuy.open': () => {
        limit = true
        throw fail('LIMIT_EXCEEDED', '每人限参与 2 次')
      }
    })
    fireEvent.click(await screen.findByTestId('group-open'))
    fireEvent.click(screen.getByTestId('fulfillment-pickup'))
    await screen.findByText('私域生活馆 · 演示店')
    fireEvent.click(screen.getByTestId('group-sheet-pay'))
    const refusal = await screen.findByTestId('seat-refusal')
    expect(refusal.textContent).toContain('已达参团上限')
    expect(refusal.textContent).toContain('每人限参与 2 次')
    await waitFor(() => expect(screen.getByTestId('group-open').textContent).toBe('已达参团上限'))
    expect((screen.getByTestId('group-open') as HTMLButtonElement).disabled).toBe(true)
  })

  test('an ended activity says so and offers no 发起拼团; an unknown one is an empty state', async () => {
    setup('activity', { 'groupbuy.getActivity': () => detail({ activity: activity('a1', { phase: 'ENDED' }), openGroups: [] }) })
    await screen.findByTestId('open-groups')
    expect(screen.getByTestId('group-open').textContent).toBe('活动已结束')
    expect(screen.getByText('暂时没有可参与的团，发起一个邀请好友吧')).not.toBeNull()
    cleanup()
    setup('activity', { 'groupbuy.getActivity': () => { throw fail('ACTIVITY_NOT_FOUND', '活动不存在') } })
    await screen.findByText('这个拼团活动不存在或已下架')
  })
})
