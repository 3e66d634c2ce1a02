/** @jest-environment jsdom */
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import MePage from '../../../src/pages/me'
import { setTransport } from '../../../src/api'
import { useCartStore } from '../../../src/stores/cart'
import type { OrderView } from '../../../src/core/contracts/order'
import type { OrderStatus } from '../../../src/core/order/status'
import { createFakeCart } from '../../mocks/fake-cart'
import { createFakeTransport } from '../../mocks/fake-transport'

const order = (id: string, status: OrderStatus, payable: number) => ({ _id: id, status, amounts: { itemsTotal: payable, discount: 0, shippingFee: 0, payable } }) as unknown as OrderView

const ORDERS = [order('o1', 'PENDING_PAYMENT', 6800), order('o2', 'PAID', 15800), order('o3', 'PAID', 3900), order('o4', 'COMPLETED', 1200), order('o5', 'CANCELLED', 999)]

const MEMBER_CARD = {
  joined: true,
  member: { memberId: 'M0001', nickname: '新客小林', phone: '138****0000', birthday: null, joinedAt: 0 },
  growth: 0,
  tier: { id: 'silver', name: '银卡会员', minGrowth: 0, discountBps: 0, pointsMultiplier: 1, benefits: [] },
  nextTier: null,
  progress: { remaining: 0, percent: 100 },
  points: { balance: 120, expiringSoon: null },
  birthdayGift: { inBirthMonth: false, claimedThisYear: false },
  tiers: []
}

function setup(extra: Record<string, (data: any) => unknown> = {}) {
  const fake = createFakeTransport({
    ...createFakeCart([]).handlers,
    'system.whoami': () => ({ openid: 'demo-customer', roles: ['customer'], staffStoreIds: [] }),
    ...extra,
    'order.list': ({ page, pageSize }: { page: number; pageSize: number }) => ({
      items: ORDERS.slice(page * pageSize, (page + 1) * pageSize),
      page,
      pageSize,
      hasMore: (page + 1) * pageSize < ORDERS.length
    })
  })
  setTransport(fake.transport)
  return fake
}

const originalEnv = process.env.TARO_ENV
beforeEach(() => {
  useCartStore.getState().reset()
  ;(globalThis as { fetch?: unknown }).fetch = jest.fn(async () => ({
    ok: true,
    json: async () => ({ users: [{ openid: 'demo-customer', nickname: '小思（顾客）', roles: [], staffStoreIds: [] }] })
  }))
})
afterEach(() => {
  cleanup()
  jest.clearAllMocks()
  process.env.TARO_ENV = originalEnv
})

describe('me page', () => {
  test('order shortcuts show counts and open the order list by status', async () => {
    setup()
    render(<MePage />)
    const header = await screen.findByTestId('account-card')
    expect(header.textContent).not.toMatch(/openid|demo-customer/)
    const paid = screen.getByTestId('orders-PAID')
    expect(await within(paid).findByText('2')).toBeTruthy()
    expect(within(paid).getByText('待发货')).toBeTruthy()
    fireEvent.click(paid)
    expect(jest.mocked(Taro.navigateTo)).toHaveBeenLastCalledWith({ url: '/packages/trade/orders/index?status=PAID' })
    fireEvent.click(screen.getByText('待支付'))
    expect(jest.mocked(Taro.navigateTo)).toHaveBeenLastCalledWith({ url: '/packages/trade/orders/index?status=PENDING_PAYMENT' })
    fireEvent.click(screen.getByText('退款'))
    expect(jest.mocked(Taro.navigateTo)).toHaveBeenLastCalledWith({ url: '/packages/trade/orders/index?status=REFUNDING' })
    fireEvent.click(screen.getByText('全部订单 ›'))
    expect(jest.mocked(Taro.navigateTo)).toHaveBeenLastCalledWith({ url: '/packages/trade/orders/index' })
    expect(screen.getByText(/^私域商城 v\d+\.\d+\.\d+/)).toBeTruthy()
  })

  test('the identity switcher is on H5 only', async () => {
    setup()
    process.env.TARO_ENV = 'weapp'
    const { unmount } = render(<MePage />)
    await screen.findByTestId('account-card')
    expect(screen.queryByText('切换身份')).toBeNull()
    expect(screen.queryByText(/H5 · 本地云|私域商城 v/)).toBeNull()
    unmount()
    process.env.TARO_ENV = 'h5'
    render(<MePage />)
    expect(await screen.findByText('切换身份')).toBeTruthy()
    expect(await screen.findAllByText('小思（顾客）')).toHaveLength(2)
    expect(screen.getByText('私域商城 v0.1.0 · H5 · 本地云')).toBeTruthy()
  })

  test('after joining, the header shows the member nickname, tier, points and coupons', async () => {
    setup({ 'member.card': () => MEMBER_CARD, 'coupon.summary': () => ({ available: 3 }) })
    render(<MePage />)
    expect((await screen.findByTestId('account-nickname')).textContent).toBe('新客小林')
    expect(screen.getByTestId('account-tier').textContent).toBe('银卡会员')
    expect(screen.getByTestId('account-points').textContent).toContain('120')
    expect(screen.getByTestId('account-coupons').textContent).toContain('3')
    expect(screen.queryByText('微信用户')).toBeNull()
    expect(screen.queryByTestId('account-join')).toBeNull()
  })

  test('before joining: 加入会员 leads to the member tab', async () => {
    setup({ 'member.card': () => ({ joined: false, tiers: [], joinGift: { points: 100, couponTemplateId: null } }), 'coupon.summary': () => ({ available: 0 }) })
    render(<MePage />)
    fireEvent.click(await screen.findByTestId('account-join'))
    expect(jest.mocked(Taro.switchTab)).toHaveBeenLastCalledWith({ url: '/pages/member/index' })
    expect(screen.getByTestId('account-coupons').textContent).toContain('0')
  })
})

// The 会员 tab is tested in member.test.tsx.
