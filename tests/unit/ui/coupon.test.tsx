/** @jest-environment jsdom */
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setTransport } from '../../../src/api'
import type { ClaimableTemplateView, ClaimCouponInput, CouponView } from '../../../src/core/contracts/coupon'
import type { CouponStatus } from '../../../src/core/coupon/types'
import ClaimCenterPage from '../../../src/packages/mall/claim'
import CouponsPage from '../../../src/packages/mall/coupons'
import { createFakeTransport, fail } from '../../mocks/fake-transport'
import { setRouterParams } from '../../mocks/taro'

const DAY = 24 * 60 * 60 * 1000
const NOW = Date.now()

const coupon = (id: string, status: CouponStatus, extra: Partial<CouponView> = {}): CouponView => ({
  couponId: id,
  templateId: 'tpl-10',
  title: '满99减10',
  kind: 'amount',
  rule: { kind: 'amount', amountOff: 1000, threshold: 9900 },
  ruleLabel: '满99减10',
  status,
  statusLabel: status,
  validFrom: NOW - DAY,
  validUntil: NOW + 30 * DAY,
  inStoreOnly: false,
  source: 'claim',
  code: '123456789012',
  issuedAt: NOW - DAY,
  orderId: null,
  usedAt: null,
  ...extra
})

const WALLET: CouponView[] = [
  coupon('c-online', 'AVAILABLE'),
  coupon('c-store', 'AVAILABLE', { title: '到店 8.5 折', rule: { kind: 'percent', offBps: 1500, maxOff: 2000, threshold: 0 }, ruleLabel: '8.5折 最高减20', inStoreOnly: true, code: '888866661234' }),
  coupon('c-locked', 'LOCKED', { title: '满50减5', rule: { kind: 'amount', amountOff: 500, threshold: 5000 }, orderId: 'o9' }),
  coupon('c-used', 'USED', { usedAt: NOW - 3600_000 }),
  coupon('c-old', 'EXPIRED', { validFrom: NOW - 40 * DAY, validUntil: NOW - 10 * DAY })
]

function setupCoupons(wallet: CouponView[] = WALLET) {
  const fake = createFakeTransport({
    'coupon.list': ({ status, page = 0 }: { status?: CouponStatus; page?: number }) => ({
      items: page === 0 ? wallet.filter((c) => !status || c.status === status) : [],
      page,
      pageSize: 20,
      hasMore: false
    })
  })
  setTransport(fake.transport)
  return fake
}

beforeEach(() => {
  jest.mocked(Taro.showModal).mockImplementation(async () => ({ errMsg: 'ok', confirm: true, cancel: false }))
  setRouterParams({})
})
afterEach(() => {
  cleanup()
  jest.clearAllMocks()
})

describe('我的优惠券', () => {
  test('可用 lists the usable coupons (and those held by an unpaid order) with value, threshold and validity', async () => {
    const fake = setupCoupons()
    render(<CouponsPage />)
    const online = await screen.findByTestId('coupon-c-online')
    expect(within(online).getByText('10')).not.toBeNull()
    expect(within(online).getByText('满99可用')).not.toBeNull()
    expect(within(online).getByText(/^\d{4}\.\d{2}\.\d{2}–\d{4}\.\d{2}\.\d{2}$/)).not.toBeNull()
    const store = screen.getByTestId('coupon-c-store')
    expect(within(store).getByText('8.5')).not.toBeNull()
    expect(within(store).getByText('折')).not.toBeNull()
    expect(within(store).getByText('到店使用')).not.toBeNull()
    expect(within(screen.getByTestId('coupon-c-locked')).getByText('使用中')).not.toBeNull()
    expect(screen.queryByTestId('coupon-c-used')).toBeNull()
    expect(fake.callsOf('coupon', 'list').map((c) => c.data.status)).toEqual(['AVAILABLE', 'LOCKED'])

    fireEvent.click(within(online).getByText('去使用'))
    expect(jest.mocked(Taro.switchTab)).toHaveBeenCalledWith({ url: '/pages/home/index' })
    fireEvent.click(within(screen.getByTestId('coupon-c-locked')).getByText('使用中'))
    expect(jest.mocked(Taro.navigateTo)).toHaveBeenCalledWith({ url: '/packages/trade/order/index?id=o9' })
  })

  test('an in-store coupon shows its code for staff: a QR code and the digits', async () => {
    setupCoupons()
    render(<CouponsPage />)
    await screen.findByTestId('coupon-c-store')
    expect(screen.queryByTestId('coupon-code')).toBeNull()
    fireEvent.click(screen.getByTestId('coupon-show-code-c-store'))
    const code = screen.getByTestId('coupon-code')
    expect(within(code).getByText('8888 6666 1234')).not.toBeNull()
    expect(code.querySelector('svg')!.getAttribute('data-text')).toBe('888866661234')
    fireEvent.click(screen.getByText('收起券码'))
    expect(screen.queryByTestId('coupon-code')).toBeNull()
  })

  test('the tabs 已使用 and 已过期 list those coupons stamped, without actions', async () => {
    const fake = setupCoupons()
    render(<CouponsPage />)
    await screen.findByTestId('coupon-c-online')

    fireEvent.click(screen.getByTestId('coupons-tab-used'))
    const used = await screen.findByTestId('coupon-c-used')
    expect(within(used).getByText('已使用')).not.toBeNull()
    expect(within(used).queryByText('去使用')).toBeNull()
    expect(screen.queryByTestId('coupon-c-online')).toBeNull()

    fireEvent.click(screen.getByTestId('coupons-tab-expired'))
    const old = await screen.findByTestId('coupon-c-old')
    expect(within(old).getByText('已过期')).not.toBeNull()
    expect(fake.callsOf('coupon', 'list').map((c) => c.data.status)).toEqual(['AVAILABLE', 'LOCKED', 'USED', 'EXPIRED'])
  })

  test('no coupons: the empty state leads to the claim center; a failure offers 重试', async () => {
    const fake = setupCoupons([])
    render(<CouponsPage />)
    await screen.findByText('暂无可用的优惠券')
    fireEvent.click(screen.getByText('去领券中心'))
    expect(jest.mocked(Taro.navigateTo)).toHaveBeenCalledWith({ url: '/packages/mall/claim/index' })

    cleanup()
    const list = fake.handlers['coupon.list']!
    fake.handlers['coupon.list'] = () => {
      fake.handlers['coupon.list'] = list
      throw fail('INTERNAL', '服务繁忙，请稍后再试')
    }
    render(<CouponsPage />)
    await screen.findByText('服务繁忙，请稍后再试')
    fireEvent.click(screen.getByText('重试'))
    await screen.findByText('暂无可用的优惠券')
  })
})

const template = (id: string, extra: Partial<ClaimableTemplateView> = {}): ClaimableTemplateView => ({
  templateId: id,
  title: '新人满99减10',
  description: '全场通用',
  kind: 'amount',
  rule: { kind: 'amount', amountOff: 1000, threshold: 9900 },
  ruleLabel: '满99减10',
  validity: { type: 'relative', days: 30 },
  validityLabel: '领取后30天内有效',
  inStoreOnly: false,
  perMemberLimit: 1,
  claimedByMe: 0,
  remaining: 50,
  soldOut: false,
  canClaim: true,
  ...extra
})

function setupClaims() {
  const templates = new Map<string, ClaimableTemplateView>([
    ['tpl-10', template('tpl-10')],
    ['tpl-gone', template('tpl-gone', { title: '限量 20 元券', remaining: 0, soldOut: true, canClaim: false })],
    ['tpl-mine', template('tpl-mine', { title: '满50减5', claimedByMe: 1, canClaim: false })]
  ])
  const seen = new Map<string, CouponView>()
  let release: (() => void) | null = null
  const fake = createFakeTransport({
    'coupon.templates': () => ({ items: [...templates.values()] }),
    'coupon.claim': async ({ templateId, requestId }: ClaimCouponInput) => {
      if (release === null) await new Promise<void>((done) => (release = done))
      const earlier = seen.get(requestId)
      if (earlier) return earlier
      const t = templates.get(templateId)!
      if (!t.canClaim) throw fail('COUPON_CLAIM_LIMIT', `每人限领 ${t.perMemberLimit} 张，您已领满`)
      templates.set(templateId, { ...t, claimedByMe: t.claimedByMe + 1, remaining: (t.remaining ?? 0) - 1, canClaim: false })
      const issued = coupon(`c-${requestId}`, 'AVAILABLE', { templateId })
      seen.set(requestId, issued)
      return issued
    }
  })
  setTransport(fake.transport)
  return { fake, templates, answer: () => (release as (() => void) | null)?.() }
}

describe('领券中心', () => {
  test('领取 on a double tap claims once with one requestId; the template then shows 已领取', async () => {
    const { fake, answer } = setupClaims()
    render(<ClaimCenterPage />)
    const card = await screen.findByTestId('template-tpl-10')
    expect(within(card).getByText('领取后30天内有效')).not.toBeNull()
    expect(within(card).getByText('每人限领 1 张 · 仅剩 50 张')).not.toBeNull()

    const button = screen.getByTestId('claim-tpl-10')
    act(() => {
      button.click()
      button.click()
    })
    await screen.findByText('领取中…')
    await act(async () => answer())
    await waitFor(() => expect(screen.getByTestId('claim-tpl-10').textContent).toBe('已领取'))
    expect(fake.callsOf('coupon', 'claim')).toHaveLength(1)
    expect(fake.callsOf('coupon', 'claim')[0]!.data).toMatchObject({ templateId: 'tpl-10', requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) })
    expect(jest.mocked(Taro.showToast)).toHaveBeenCalledWith({ title: '领取成功', icon: 'success' })
    expect(within(screen.getByTestId('template-tpl-10')).getByText('每人限领 1 张 · 已领 1 张 · 仅剩 49 张')).not.toBeNull()
  })

  test('已领完 and 已领取 templates cannot be claimed', async () => {
    const { fake } = setupClaims()
    render(<ClaimCenterPage />)
    await screen.findByTestId('template-tpl-gone')
    expect(screen.getByTestId('claim-tpl-gone').textContent).toBe('已领完')
    expect(screen.getByTestId('claim-tpl-mine').textContent).toBe('已领取')
    fireEvent.click(screen.getByTestId('claim-tpl-gone'))
    fireEvent.click(screen.getByTestId('claim-tpl-mine'))
    expect(fake.callsOf('coupon', 'claim')).toHaveLength(0)
  })

  test('a refusal is a toast; NOT_A_MEMBER offers the way to join', async () => {
    const { fake } = setupClaims()
    fake.handlers['coupon.claim'] = () => {
      throw fail('NOT_A_MEMBER', '请先开通会员卡')
    }
    render(<ClaimCenterPage />)
    fireEvent.click(await screen.findByTestId('claim-tpl-10'))
    await waitFor(() => expect(jest.mocked(Taro.showModal)).toHaveBeenCalledWith(expect.objectContaining({ title: '开通会员', confirmText: '去开卡' })))
    await waitFor(() => expect(jest.mocked(Taro.switchTab)).toHaveBeenCalledWith({ url: '/pages/member/index' }))

    fake.handlers['coupon.claim'] = () => {
      throw fail('COUPON_SOLD_OUT', '优惠券已被领完')
    }
    await waitFor(() => expect(screen.getByTestId('claim-tpl-10').textContent).toBe('领取'))
    fireEvent.click(screen.getByTestId('claim-tpl-10'))
    await waitFor(() => expect(jest.mocked(Taro.showToast)).toHaveBeenCalledWith(expect.objectContaining({ title: '优惠券已被领完' })))
  })

  test('nothing to claim shows the empty state', async () => {
    const fake = createFakeTransport({ 'coupon.templates': () => ({ items: [] }) })
    setTransport(fake.transport)
    render(<ClaimCenterPage />)
    await screen.findByText('暂时没有可领的优惠券，过几天再来看看')
  })
})
