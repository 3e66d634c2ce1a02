/** @jest-environment jsdom */
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setTransport } from '../../../src/api'
import { resetServerClock } from '../../../src/components/order-countdown/server-clock'
import type { GroupBuyActivityView, GroupMemberView, GroupState, GroupView } from '../../../src/core/contracts/groupbuy'
import GroupPage from '../../../src/packages/groupbuy/group'
import { PICKUP_STORES } from '../../mocks/fake-orders'
import { createFakeTransport, fail, type FakeHandler } from '../../mocks/fake-transport'
import { setRouterParams } from '../../mocks/taro'

const HOUR = 3_600_000

const activity = (extra: Partial<GroupBuyActivityView> = {}): GroupBuyActivityView => ({
  activityId: 'a1',
  title: '冻顶乌龙 2 人团',
  skuId: 'sku-oolong-100',
  productId: 'p-oolong',
  productName: '冻顶乌龙',
  skuName: '100g 罐装',
  image: null,
  listPrice: 6800,
  groupPrice: 4900,
  leaderPrice: 4900,
  groupSize: 2,
  timeLimitMinutes: 24 * 60,
  perMemberLimit: 2,
  leaderDiscount: null,
  virtualCompletion: false,
  startAt: Date.now() - HOUR,
  endAt: Date.now() + 48 * HOUR,
  phase: 'ACTIVE',
  createdAt: Date.now() - 2 * HOUR,
  updatedAt: Date.now() - 2 * HOUR,
  stats: null,
  ...extra
})

const member = (nickname: string, extra: Partial<GroupMemberView> = {}): GroupMemberView => ({
  nickname,
  avatar: null,
  leader: false,
  paid: true,
  virtual: false,
  joinedAt: Date.now() - 60_000,
  ...extra
})

function group(state: GroupState, extra: Partial<GroupView> = {}): GroupView {
  const members = extra.members ?? [member('拼友A', { leader: true })]
  const size = extra.size ?? 2
  const reserved = members.length
  return {
    groupId: 'g1',
    state,
    stateLabel: state,
    activity: activity(),
    groupPrice: 4900,
    leaderPrice: 4900,
    size,
    reserved,
    paid: members.filter((m) => m.paid).length,
    seatsLeft: size - reserved,
    leader: members[0]!,
    members,
    expiresAt: Date.now() + 2 * HOUR + 5_000,
    openedAt: Date.now() - 60_000,
    succeededAt: null,
    failedAt: null,
    serverNow: Date.now(),
    joinedByMe: false,
    myOrderId: null,
    canJoin: state === 'OPEN' && size > reserved,
    ...extra
  }
}

function setup(view: GroupView, handlers: Record<string, FakeHandler> = {}) {
  const fake = createFakeTransport({
    'system.ping': () => ({ pong: true, now: Date.now() }),
    'groupbuy.get': () => view,
    'catalog.pickupStores': () => ({ stores: PICKUP_STORES }),
    ...handlers
  })
  setTransport(fake.transport)
  setRouterParams({ id: view.groupId })
  render(<GroupPage />)
  return fake
}

const title = () => screen.getByTestId('group-state-title').textContent

beforeEach(() => {
  resetServerClock()
  ;(Taro as unknown as { setClipboardData: unknown }).setClipboardData = jest.fn(async () => ({ errMsg: 'ok' }))
  ;(Taro as unknown as { showShareMenu: unknown }).showShareMenu = jest.fn(async () => ({ errMsg: 'ok' }))
})
afterEach(() => {
  cleanup()
  jest.clearAllMocks()
  jest.useRealTimers()
})

describe('group page: states', () => {
  test('open: the product, the leader, seats left, a countdown to the deadline and 参与拼团', async () => {
    setup(group('OPEN'))
    await screen.findByTestId('group-state')
    expect(title()).toBe('还差 1 人成团')
    expect(screen.getByText('冻顶乌龙 2 人团')).not.toBeNull()
    expect(screen.getByText('¥49.00')).not.toBeNull()
    expect(screen.getByText('¥68.00')).not.toBeNull()
    const members = screen.getAllByTestId('group-member')
    expect(members).toHaveLength(1)
    expect(members[0]!.textContent).toContain('团长')
    expect(members[0]!.textContent).toContain('拼友A')
    expect(screen.getAllByTestId('group-seat-empty')).toHaveLength(1)
    expect(screen.getByTestId('group-seats').textContent).toBe('2人团 · 已参团 1 人 · 剩余 1 个名额')
    expect(screen.getByTestId('group-countdown-time').textContent).toMatch(/^02:00:0[45]$/)
    expect(screen.getByTestId('group-action-join').textContent).toBe('参与拼团 ¥49.00')
  })

  test('an unpaid member shows as 待支付 next to the paid leader', async () => {
    setup(group('OPEN', { size: 3, members: [member('拼友A', { leader: true }), member('拼友B', { paid: false })] }))
    await screen.findByTestId('group-state')
    const members = screen.getAllByTestId('group-member')
    expect(members.map((m) => m.getAttribute('data-paid'))).toEqual(['yes', 'no'])
    expect(members[1]!.textContent).toContain('待支付')
    expect(title()).toBe('还差 1 人成团')
  })

  test('full: every seat held, the visitor is told and offered 去开新团', async () => {
    setup(group('OPEN', { members: [member('拼友A', { leader: true }), member('拼友B', { paid: false })] }))
    await screen.findByTestId('group-state')
    expect(title()).toBe('这个团已满员')
    expect(screen.queryByTestId('group-action-join')).toBeNull()
    fireEvent.click(screen.getByTestId('group-action-newGroup'))
    expect(jest.mocked(Taro.navigateTo)).toHaveBeenCalledWith({ url: '/packages/groupbuy/activity/index?id=a1' })
  })

  test('succeeded: 拼团成功 for a member, with the way to the order', async () => {
    setup(group('SUCCEEDED', { members: [member('拼友A', { leader: true }), member('拼友B')], joinedByMe: true, myOrderId: 'o9', succeededAt: Date.now() }))
    await screen.findByTestId('group-state')
    expect(title()).toBe('拼团成功')
    expect(screen.getByTestId('group-state').getAttribute('data-tone')).toBe('success')
    expect(screen.queryByTestId('group-countdown')).toBeNull()
    fireEvent.click(screen.getByTestId('group-action-order'))
    expect(jest.mocked(Taro.navigateTo)).toHaveBeenCalledWith({ url: '/packages/trade/order/index?id=o9' })
  })

  test('failed: 拼团失败，款项将原路退回 for a member; a new group is offered', async () => {
    setup(group('FAILED', { joinedByMe: true, myOrderId: 'o9', failedAt: Date.now() }))
    await screen.findByTestId('group-state')
    expect(title()).toBe('拼团失败，款项将原路退回')
    expect(screen.getByTestId('group-state').getAttribute('data-tone')).toBe('fail')
    expect(screen.getByTestId('group-action-newGroup').textContent).toBe('再开一团')
  })

  test('a group that does not exist is an empty state with the way to other groups; a failed read offers 重试', async () => {
    setup(group('OPEN'), { 'groupbuy.get': () => { throw fail('GROUP_NOT_FOUND', '拼团不存在') } })
    await screen.findByText('没有找到这个团，可能链接有误')
    cleanup()
    let attempts = 0
    setup(group('OPEN'), {
      'groupbuy.get': () => {
        attempts += 1
        if (attempts === 1) throw fail('INTERNAL', '服务繁忙')
        return group('OPEN')
      }
    })
    fireEvent.click(await screen.findByText('重试'))
    await screen.findByTestId('group-state')
  })
})

describe('group page: joining', () => {
  let fetchMock: jest.Mock<(url: string) => Promise<Response>>

  beforeEach(() => {
    fetchMock = jest.fn(async () => ({ ok: true, status: 200, json: async () => ({ delivered: 1 }) }) as unknown as Response)
    ;(globalThis as { fetch: unknown }).fetch = fetchMock
  })

  test('参与拼团 joins once on a double tap, pays, and then shows 拼团成功', async () => {
    let paid = false
    const joined = group('OPEN')
    const fake = setup(joined, {
      'groupbuy.get': () =>
        paid
          ? group('SUCCEEDED', { members: [member('拼友A', { leader: true }), member('拼友B')], joinedByMe: true, myOrderId: 'o2', canJoin: false })
          : joined,
      'groupbuy.join': async () => {
        await new Promise((done) => setTimeout(done, 30))
        return { groupId: 'g1', orderId: 'o2', expiresAt: Date.now() + 600_000 }
      },
      'order.pay': () => ({ orderId: 'o2', amount: 4900, expiresAt: Date.now() + 600_000, payment: { provider: 'sandbox', orderId: 'o2', amount: 4900, sheetUrl: '/pay/o2' } }),
      'order.get': () => ({ _id: 'o2', status: paid ? 'READY_FOR_PICKUP' : 'PENDING_PAYMENT' })
    })
    fetchMock.mockImplementation(async () => {
      paid = true
      return { ok: true, status: 200, json: async () => ({ delivered: 1 }) } as unknown as Response
    })
    fireEvent.click(await screen.findByTestId('group-action-join'))
    await screen.findByTestId('group-sheet')
    fireEvent.click(screen.getByTestId('fulfillment-pickup'))
    await screen.findByText('私域生活馆 · 演示店')
    expect(screen.getByTestId('group-sheet-amount').textContent).toBe('¥49.00')
    expect(screen.getByText('到店自提，无需运费')).not.toBeNull()
    const pay = screen.getByTestId('group-sheet-pay')
    fireEvent.click(pay)
    fireEvent.click(pay)
    await screen.findByTestId('pay-sheet')
    expect(fake.callsOf('groupbuy', 'join')).toHaveLength(1)
    const input = fake.callsOf('groupbuy', 'join')[0]!.data
    expect(input).toMatchObject({ groupId: 'g1', fulfillment: { type: 'pickup', storeId: 'store-demo' } })
    expect(input.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    expect(screen.getByTestId('pay-sheet-amount').textContent).toBe('¥49.00')

    fireEvent.click(screen.getByTestId('pay-confirm'))
    await waitFor(() => expect(title()).toBe('拼团成功'))
    expect(fetchMock).toHaveBeenCalledTimes(1)
    expect(fake.callsOf('groupbuy', 'join')).toHaveLength(1)
  })

  test('GROUP_FULL from join is shown clearly, with 去开新团', async () => {
    const fake = setup(group('OPEN'), { 'groupbuy.join': () => { throw fail('GROUP_FULL', '该团名额已满') } })
    fireEvent.click(await screen.findByTestId('group-action-join'))
    fireEvent.click(screen.getByTestId('fulfillment-pickup'))
    await screen.findByText('私域生活馆 · 演示店')
    fireEvent.click(screen.getByTestId('group-sheet-pay'))
    const refusal = await screen.findByTestId('seat-refusal')
    expect(refusal.getAttribute('data-code')).toBe('GROUP_FULL')
    expect(refusal.textContent).toContain('这个团已满员')
    expect(refusal.textContent).toContain('该团名额已满')
    expect(screen.queryByTestId('group-sheet')).toBeNull()
    fireEvent.click(screen.getByTestId('refusal-new-group'))
    expect(jest.mocked(Taro.navigateTo)).toHaveBeenCalledWith({ url: '/packages/groupbuy/activity/index?id=a1' })
    expect(fake.callsOf('order', 'pay')).toHaveLength(0)
  })

  test('a network failure keeps the requestId for the retry; GROUP_CLOSED is shown with 去开新团 and ends the intent', async () => {
    let answer: 'closed' | 'network' = 'network'
    const fake = setup(group('OPEN'), {
      'groupbuy.join': () => {
        throw answer === 'closed' ? fail('GROUP_CLOSED', '该团已结束') : fail('NETWORK_ERROR', '网络不给力，请稍后重试')
      }
    })
    fireEvent.click(await screen.findByTestId('group-action-join'))
    fireEvent.click(screen.getByTestId('fulfillment-pickup'))
    await screen.findByText('私域生活馆 · 演示店')
    fireEvent.click(screen.getByTestId('group-sheet-pay'))
    await waitFor(() => expect(fake.callsOf('groupbuy', 'join')).toHaveLength(1))
    await waitFor(() => expect((screen.getByTestId('group-sheet-pay') as HTMLButtonElement).disabled).toBe(false))
    answer = 'closed'
    fireEvent.click(screen.getByTestId('group-sheet-pay'))
    const refusal = await screen.findByTestId('seat-refusal')
    expect(refusal.textContent).toContain('这个团已结束')
    expect(screen.getByTestId('refusal-new-group')).not.toBeNull()
    // A refusal ends the intent: the next 参与拼团 carries a new requestId.
    fireEvent.click(screen.getByTestId('group-action-join'))
    fireEvent.click(screen.getByTestId('group-sheet-pay'))
    await waitFor(() => expect(fake.callsOf('groupbuy', 'join')).toHaveLength(3))
    const [first, second, third] = fake.callsOf('groupbuy', 'join').map((c) => c.data.requestId)
    expect(second).toBe(first)
    expect(third).not.toBe(first)
  })

  test('an unpaid seat (payment cancelled) opens the order page to pay within its window', async () => {
    setup(group('OPEN'), {
      'groupbuy.join': () => ({ groupId: 'g1', orderId: 'o3', expiresAt: Date.now() + 600_000 }),
      'order.pay': () => ({ orderId: 'o3', amount: 4900, expiresAt: Date.now() + 600_000, payment: { provider: 'sandbox', orderId: 'o3', amount: 4900, sheetUrl: '/pay/o3' } })
    })
    fireEvent.click(await screen.findByTestId('group-action-join'))
    fireEvent.click(screen.getByTestId('fulfillment-pickup'))
    await screen.findByText('私域生活馆 · 演示店')
    fireEvent.click(screen.getByTestId('group-sheet-pay'))
    fireEvent.click(await screen.findByTestId('pay-cancel'))
    await waitFor(() => expect(jest.mocked(Taro.navigateTo)).toHaveBeenCalledWith({ url: '/packages/trade/order/index?id=o3' }))
  })
})

describe('group page: sharing on H5', () => {
  test('a member taps 邀请好友: a share sheet with the link (this page\'s origin), its QR code, and 复制链接', async () => {
    setup(group('OPEN', { joinedByMe: true, myOrderId: 'o1', canJoin: false }))
    fireEvent.click(await screen.findByTestId('group-invite'))
    const link = await screen.findByTestId('share-link')
    const url = `${window.location.origin}/packages/groupbuy/group/index?id=g1`
    expect(link.textContent).toBe(url)
    expect(screen.getByTestId('share-sheet').querySelector('svg')).not.toBeNull()
    fireEvent.click(screen.getByTestId('share-copy'))
    expect((Taro as unknown as { setClipboardData: jest.Mock }).setClipboardData).toHaveBeenCalledWith({ data: url })
    // The bar offers the member's order, not 参与拼团.
    expect(screen.queryByTestId('group-action-join')).toBeNull()
    expect(screen.getByTestId('group-action-order')).not.toBeNull()
  })

  test('a friend who has not joined sees 参与拼团 with the seats left, not 邀请好友', async () => {
    setup(group('OPEN', { joinedByMe: false, canJoin: true, seatsLeft: 2 }))
    const invite = await screen.findByTestId('group-join-invite')
    expect(invite.textContent).toContain('仅剩 2 个名额')
    expect(invite.textContent).toContain('参与拼团')
    expect(screen.queryByTestId('group-share')).toBeNull()
    expect(screen.queryByTestId('group-invite')).toBeNull()
  })

  test('no share once the group succeeded', async () => {
    setup(group('SUCCEEDED', { members: [member('拼友A', { leader: true }), member('拼友B')], joinedByMe: true, myOrderId: 'o1' }))
    await screen.findByTestId('group-state')
    expect(screen.queryByTestId('group-share')).toBeNull()
  })
})

describe('group page: live updates', () => {
  test('an open group is read again every few seconds and shows the new state', async () => {
    jest.useFakeTimers()
    let current = group('OPEN')
    const fake = setup(current, { 'groupbuy.get': () => current })
    await act(async () => {
      await jest.advanceTimersByTimeAsync(10)
    })
    expect(title()).toBe('还差 1 人成团')
    current = group('SUCCEEDED', { members: [member('拼友A', { leader: true }), member('拼友B')] })
    await act(async () => {
      await jest.advanceTimersByTimeAsync(5_100)
    })
    expect(title()).toBe('拼团成功')
    const reads = fake.callsOf('groupbuy', 'get').length
    await act(async () => {
      await jest.advanceTimersByTimeAsync(20_000)
    })
    // Decided: no more reads.
    expect(fake.callsOf('groupbuy', 'get').length).toBe(reads)
  })
})
