/** @jest-environment jsdom */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setTransport } from '../../../src/api'
import type { MemberCardView, NotMemberCardView, TierView } from '../../../src/core/contracts/member'
import MemberPage from '../../../src/pages/member'
import { joinProblems } from '../../../src/pages/member/join-form'
import { useCartStore } from '../../../src/stores/cart'
import { createFakeCart } from '../../mocks/fake-cart'
import { createFakeTransport, fail } from '../../mocks/fake-transport'

// The shared component mock has no Picker (the global `jest`, not @jest/globals', so swc hoists jest.mock above the imports): a date picker here is its children plus an input standing for the wheel.
jest.mock('@tarojs/components', () => {
  const actual = jest.requireActual<Record<string, unknown>>('../../mocks/taro-components')
  const { createElement } = jest.requireActual<typeof import('react')>('react')
  const Picker = ({ children, onChange, value, end }: { children: import('react').ReactNode; onChange: (e: unknown) => void; value: string; end?: string }) =>
    createElement(
      'div',
      { 'data-taro': 'Picker' },
      children,
      createElement('input', { 'data-testid': 'picker-wheel', 'data-end': end, value, onChange: (e: { target: { value: string } }) => onChange({ detail: { value: e.target.value } }) })
    )
  return { ...actual, Picker }
})

const tier = (id: string, name: string, minGrowth: number, discountBps: number, pointsMultiplier: number, benefits: string[]): TierView => ({
  id,
  name,
  minGrowth,
  discountBps,
  pointsMultiplier,
  benefits
})
const TIERS = [
  tier('normal', '普通', 0, 0, 1, ['消费 1 元得 1 积分']),
  tier('silver', '银卡', 500, 200, 1.2, ['购物享98折', '积分 1.2 倍']),
  tier('gold', '金卡', 2000, 500, 1.5, ['购物享95折', '积分 1.5 倍']),
  tier('black', '黑金', 10000, 1000, 2, ['购物享9折', '积分 2 倍'])
]

const OFFER: NotMemberCardView = { joined: false, tiers: TIERS, joinGift: { points: 100, couponTemplateId: 'tpl-join' } }

function memberCard(over: Partial<MemberCardView> = {}): MemberCardView {
  return {
    joined: true,
    member: { memberId: 'M10001', nickname: '小思', phone: '138****0000', birthday: null, joinedAt: 1 },
    growth: 1200,
    tier: TIERS[1]!,
    nextTier: TIERS[2]!,
    progress: { remaining: 800, percent: 46 },
    points: { balance: 360, expiringSoon: { amount: 120, on: '2026-12-31' } },
    birthdayGift: { inBirthMonth: false, claimedThisYear: false },
    tiers: TIERS,
    ...over
  }
}

function setup(initial: NotMemberCardView | MemberCardView) {
  let card: NotMemberCardView | MemberCardView = initial
  const fake = createFakeTransport({
    ...createFakeCart([]).handlers,
    'system.ping': () => ({ pong: true, now: Date.parse('2026-05-14T04:00:00Z') }),
    'member.card': () => card,
    'member.join': async (input: { nickname: string }) => {
      await new Promise((done) => setTimeout(done, 20))
      card = memberCard({ member: { ...memberCard().member, nickname: input.nickname }, growth: 0, tier: TIERS[0]!, nextTier: TIERS[1]!, progress: { remaining: 500, percent: 0 } })
      return { created: true, gift: { points: 100, couponTemplateId: 'tpl-join', couponIssued: true }, card }
    },
    'member.claimBirthdayGift': async () => {
      await new Promise((done) => setTimeout(done, 20))
      card = { ...(card as MemberCardView), birthdayGift: { inBirthMonth: true, claimedThisYear: true } }
      return { year: 2026, granted: true, points: 200, couponIssued: false }
    }
  })
  setTransport(fake.transport)
  render(<MemberPage />)
  return {
    fake,
    setCard: (next: NotMemberCardView | MemberCardView) => {
      card = next
    }
  }
}

beforeEach(() => useCartStore.getState().reset())
afterEach(() => {
  cleanup()
  jest.clearAllMocks()
})

describe('member tab: joining', () => {
  test('the join card shows the join gift; a bad form is refused before asking; a good one joins once', async () => {
    const { fake } = setup(OFFER)
    const card = await screen.findByTestId('join-card')
    expect(within(card).getByTestId('join-gift').textContent).toContain('100 积分 + 优惠券')
    expect(screen.getByTestId('tier-table').textContent).toContain('黑金')

    fireEvent.click(screen.getByTestId('join-submit'))
    expect(await screen.findByText('请填写昵称')).toBeTruthy()
    fireEvent.change(screen.getByTestId('join-nickname'), { target: { value: '  小思  ' } })
    fireEvent.change(screen.getByTestId('join-phone'), { target: { value: '1380013800' } })
    fireEvent.click(screen.getByTestId('join-submit'))
    expect(await screen.findByText('手机号格式不正确')).toBeTruthy()
    expect(screen.queryByText('请填写昵称')).toBeNull()
    expect(fake.callsOf('member', 'join')).toHaveLength(0)

    fireEvent.change(screen.getByTestId('join-phone'), { target: { value: '13800138000' } })
    const wheel = screen.getByTestId('picker-wheel')
    expect(wheel.getAttribute('data-end')).toBe('2026-05-14')
    fireEvent.change(wheel, { target: { value: '1995-05-20' } })
    expect(screen.getByTestId('join-birthday').textContent).toContain('1995-05-20')

    fireEvent.click(screen.getByTestId('join-submit'))
    fireEvent.click(screen.getByTestId('join-submit'))
    expect((screen.getByTestId('join-submit') as HTMLButtonElement).disabled).toBe(true)
    await screen.findByTestId('member-card')
    expect(fake.callsOf('member', 'join')).toEqual([{ fn: 'member', action: 'join', data: { nickname: '小思', phone: '13800138000', birthday: '1995-05-20' } }])
    expect(jest.mocked(Taro.showToast)).toHaveBeenCalledWith(expect.objectContaining({ title: '开卡成功，获得100 积分和优惠券' }))
    expect(screen.getByTestId('member-tier').textContent).toBe('普通')
  })

  test('the form checks: nickname length, phone shape, a birthday not after today', () => {
    expect(joinProblems({ nickname: 'a'.repeat(21), phone: '', birthday: '' }, '2026-05-14')).toEqual({ nickname: '昵称最多 20 个字' })
    expect(joinProblems({ nickname: '小思', phone: '23800138000', birthday: '2026-05-15' }, '2026-05-14')).toEqual({
      phone: '手机号格式不正确',
      birthday: '生日不能晚于今天'
    })
    expect(joinProblems({ nickname: '小思', phone: ' ', birthday: '2026-05-14' }, '2026-05-14')).toEqual({})
  })

  test('a refused join keeps the form and says why', async () => {
    const { fake } = setup(OFFER)
    fake.handlers['member.join'] = () => {
      throw fail('BIRTHDAY_INVALID', '生日不能晚于今天')
    }
    fireEvent.change(await screen.findByTestId('join-nickname'), { target: { value: '小思' } })
    fireEvent.click(screen.getByTestId('join-submit'))
    await waitFor(() => expect(jest.mocked(Taro.showToast)).toHaveBeenCalledWith(expect.objectContaining({ title: '生日不能晚于今天' })))
    expect((screen.getByTestId('join-submit') as HTMLButtonElement).disabled).toBe(false)
    expect(screen.getByTestId('join-card')).toBeTruthy()
  })
})

describe('member tab: the card', () => {
  test('tier, growth towards the next tier with its numbers, benefits, points and what expires', async () => {
    setup(memberCard())
    const card = await screen.findByTestId('member-card')
    expect(within(card).getByText('小思')).toBeTruthy()
    expect(within(card).getByText('NO. M10001')).toBeTruthy()
    expect(screen.getByTestId('member-tier').textContent).toBe('银卡')
    // Silver starts at 500, gold at 2000: 1200 is (1200 − 500) / 1500 = 46% of the way, 800 to go.
    expect(screen.getByTestId('tier-progress').getAttribute('data-percent')).toBe('46')
    expect((card.querySelector('.tier-progress__fill') as HTMLElement).style.width).toBe('46%')
    expect(screen.getByTestId('tier-progress-value').textContent).toBe('1200 / 2000')
    expect(screen.getByTestId('tier-progress-hint').textContent).toBe('再获得 800 成长值升级为金卡')
    expect(screen.getByTestId('member-benefits').textContent).toBe('购物享98折积分 1.2 倍')
    expect(screen.getByTestId('points-balance').textContent).toBe('360')
    expect(screen.getByTestId('points-expiring').textContent).toBe('120 积分将于 2026-12-31 过期')
    expect(screen.getByTestId('tier-table').textContent).toContain('当前等级')
    expect(screen.queryByTestId('birthday-gift')).toBeNull()

    fireEvent.click(screen.getByTestId('points-panel'))
    expect(jest.mocked(Taro.navigateTo)).toHaveBeenLastCalledWith({ url: '/packages/member/points/index' })
    fireEvent.click(screen.getByTestId('member-action-code'))
    expect(jest.mocked(Taro.navigateTo)).toHaveBeenLastCalledWith({ url: '/packages/member/code/index' })
    fireEvent.click(screen.getByTestId('member-action-checkin'))
    expect(jest.mocked(Taro.navigateTo)).toHaveBeenLastCalledWith({ url: '/packages/member/checkin/index' })
  })

  test('at the top tier the bar is full and says so; no expiry notice when nothing expires soon', async () => {
    setup(memberCard({ growth: 12000, tier: TIERS[3]!, nextTier: null, progress: { remaining: 0, percent: 100 }, points: { balance: 0, expiringSoon: null } }))
    await screen.findByTestId('member-card')
    expect(screen.getByTestId('tier-progress-value').textContent).toBe('12000')
    expect(screen.getByTestId('tier-progress-hint').textContent).toBe('已是最高等级')
    expect(screen.getByTestId('tier-progress').getAttribute('data-percent')).toBe('100')
    expect(screen.queryByTestId('points-expiring')).toBeNull()
  })

  test('the birthday gift is offered in the birth month and claimed once', async () => {
    const { fake } = setup(memberCard({ member: { ...memberCard().member, birthday: '1995-05-20' }, birthdayGift: { inBirthMonth: true, claimedThisYear: false } }))
    const claim = await screen.findByTestId('birthday-claim')
    fireEvent.click(claim)
    fireEvent.click(claim)
    await waitFor(() => expect(screen.queryByTestId('birthday-gift')).toBeNull())
    expect(fake.callsOf('member', 'claimBirthdayGift')).toHaveLength(1)
    expect(jest.mocked(Taro.showToast)).toHaveBeenCalledWith(expect.objectContaining({ title: '生日快乐！已获得200 积分' }))
  })

  test('a failed load shows the error, and 重试 loads the card', async () => {
    const { fake } = setup(memberCard())
    await screen.findByTestId('member-card')
    cleanup()
    const ok = fake.handlers['member.card']
    fake.handlers['member.card'] = () => {
      throw fail('INTERNAL', '服务开小差了')
    }
    render(<MemberPage />)
    expect(await screen.findByText('服务开小差了')).toBeTruthy()
    fake.handlers['member.card'] = ok
    await act(async () => fireEvent.click(screen.getByText('重试')))
    expect(await screen.findByTestId('member-card')).toBeTruthy()
  })
})

describe('我的: member entries', () => {
  test('积分明细, 会员码 and 签到 open their pages', async () => {
    const { default: MePage } = await import('../../../src/pages/me')
    setTransport(
      createFakeTransport({
        ...createFakeCart([]).handlers,
        'system.whoami': () => ({ openid: 'demo-customer', roles: ['customer'], staffStoreIds: [] }),
        'order.list': () => ({ items: [], page: 0, pageSize: 50, hasMore: false })
      }).transport
    )
    render(<MePage />)
    fireEvent.click(await screen.findByTestId('me-entry-points'))
    expect(jest.mocked(Taro.navigateTo)).toHaveBeenLastCalledWith({ url: '/packages/member/points/index' })
    fireEvent.click(screen.getByTestId('me-entry-code'))
    expect(jest.mocked(Taro.navigateTo)).toHaveBeenLastCalledWith({ url: '/packages/member/code/index' })
    fireEvent.click(screen.getByTestId('me-entry-checkin'))
    expect(jest.mocked(Taro.navigateTo)).toHaveBeenLastCalledWith({ url: '/packages/member/checkin/index' })
  })
})
