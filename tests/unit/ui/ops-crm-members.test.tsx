/** @jest-environment jsdom */
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setTransport } from '../../../src/api'
import OpsMemberPage from '../../../src/packages/ops/member'
import OpsMembersPage from '../../../src/packages/ops/members'
import { createFakeTransport, type FakeHandler } from '../../mocks/fake-transport'
import { setRouterParams, trigger } from '../../mocks/taro'
import { memberItem, operatorWhoami, TAGS, TIERS_CARD } from './crm-fixtures'

function setup(page: () => JSX.Element, more: Record<string, FakeHandler> = {}) {
  const fake = createFakeTransport({
    'system.whoami': operatorWhoami,
    'member.card': () => TIERS_CARD,
    'crm.tags': () => TAGS,
    'crm.members': ({ cursor }: { cursor: string | null }) =>
      cursor === 'c2'
        ? { items: [memberItem('o3')], total: 3, nextCursor: null }
        : { items: [memberItem('o1'), memberItem('o2', { nickname: '小思', tags: [] })], total: 3, nextCursor: 'c2' },
    'crm.tag': ({ openids }: { openids: string[] }) => ({ updated: openids.length, missing: [] }),
    ...more
  })
  setTransport(fake.transport)
  const Page = page
  render(<Page />)
  return fake
}

const input = (id: string) => document.querySelector(`#${id}`) as HTMLInputElement
const type = (id: string, value: string) => fireEvent.change(input(id), { target: { value } })

beforeEach(() => setRouterParams({}))
afterEach(() => {
  cleanup()
  jest.clearAllMocks()
})

describe('ops CRM: the member list (会员)', () => {
  test('search, filters and sort make the crm.members input; spend is typed in ¥ and sent in fen', async () => {
    const fake = setup(() => <OpsMembersPage />)
    await screen.findByTestId('member-row-o1')
    expect(screen.getByTestId('members-total').textContent).toBe('共 3 位会员')
    expect(fake.callsOf('crm', 'members')[0]!.data).toEqual({ filter: {}, sort: 'last', cursor: null, pageSize: 20 })

    type('members-search', '1380000')
    fireEvent.click(screen.getByTestId('members-search-go'))
    await waitFor(() => expect(fake.callsOf('crm', 'members')).toHaveLength(2))
    expect(fake.callsOf('crm', 'members')[1]!.data.filter).toEqual({ q: '1380000' })

    fireEvent.click(screen.getByTestId('members-filter'))
    await screen.findByTestId('members-filter-sheet')
    await waitFor(() => expect(screen.getByTestId('filter-tier-gold')).toBeTruthy())
    fireEvent.click(screen.getByTestId('filter-tier-gold'))
    fireEvent.click(screen.getByTestId('filter-rfm-重要挽留'))
    fireEvent.click(screen.getByTestId('filter-stage-休眠期'))
    fireEvent.click(screen.getByTestId('filter-stage-流失期'))
    fireEvent.click(screen.getByTestId('filter-tag-茶饮控'))
    fireEvent.click(screen.getByTestId('filter-channel-live'))
    type('filter-spend-min', '100')
    type('filter-spend-max', '2000.5')
    type('filter-lastPaidDays-min', '60')
    type('filter-orders-min', '2')
    fireEvent.click(screen.getByTestId('members-filter-apply'))
    await waitFor(() => expect(fake.callsOf('crm', 'members')).toHaveLength(3))
    expect(fake.callsOf('crm', 'members')[2]!.data).toEqual({
      filter: {
        q: '1380000',
        tiers: ['gold'],
        rfmClasses: ['重要挽留'],
        lifecycles: ['休眠期', '流失期'],
        tags: ['茶饮控'],
        channels: ['live'],
        spendFen: { min: 10_000, max: 200_050 },
        lastPaidDays: { min: 60 },
        orders: { min: 2 }
      },
      sort: 'last',
      cursor: null,
      pageSize: 20
    })
    expect(screen.queryByTestId('members-filter-sheet')).toBeNull()
    expect(screen.getByTestId('members-filter').textContent).toBe('筛选 · 8')

    fireEvent.click(screen.getByTestId('members-sort-spend'))
    await waitFor(() => expect(fake.callsOf('crm', 'members')).toHaveLength(4))
    expect(fake.callsOf('crm', 'members')[3]!.data.sort).toBe('spend')

    // 保存为分群 carries the current filter to the segment form.
    fireEvent.click(screen.getByTestId('members-save-segment'))
    const url = (jest.mocked(Taro.navigateTo).mock.calls.at(-1)![0] as { url: string }).url
    expect(url.startsWith('/packages/ops/segment-form/index?filter=')).toBe(true)
    expect(JSON.parse(decodeURIComponent(url.split('filter=')[1]!)).spendFen).toEqual({ min: 10_000, max: 200_050 })
  })

  test('a bad range is refused in the sheet and nothing is asked', async () => {
    const fake = setup(() => <OpsMembersPage />)
    await screen.findByTestId('member-row-o1')
    fireEvent.click(screen.getByTestId('members-filter'))
    type('filter-orders-min', '5')
    type('filter-orders-max', '2')
    fireEvent.click(screen.getByTestId('members-filter-apply'))
    expect(screen.getByTestId('field-filter-orders-error').textContent).toBe('下限不能大于上限')
    expect(fake.callsOf('crm', 'members')).toHaveLength(1)
  })

  test('load more appends the next page with the cursor; the end says so', async () => {
    const fake = setup(() => <OpsMembersPage />)
    await screen.findByTestId('member-row-o2')
    act(() => trigger('reachBottom'))
    await screen.findByTestId('member-row-o3')
    expect(fake.callsOf('crm', 'members')[1]!.data.cursor).toBe('c2')
    expect(screen.getAllByTestId(/^member-row-/).map((el) => el.dataset.testid)).toEqual(['member-row-o1', 'member-row-o2', 'member-row-o3'])
    expect(screen.getByText('没有更多了')).toBeTruthy()
    act(() => trigger('reachBottom'))
    expect(fake.callsOf('crm', 'members')).toHaveLength(2)
  })

  test('multi-select → 打标签 calls crm.tag with the chosen members and tags, then reloads', async () => {
    const fake = setup(() => <OpsMembersPage />)
    await screen.findByTestId('member-row-o1')
    fireEvent.click(screen.getByTestId('members-select'))
    fireEvent.click(screen.getByTestId('member-check-o1'))
    fireEvent.click(screen.getByTestId('member-check-o2'))
    fireEvent.click(screen.getByTestId('members-tag'))
    const sheet = await screen.findByTestId('members-tag-sheet')
    type('tag-new', '高意向')
    fireEvent.click(within(sheet).getByTestId('tag-new-add'))
    fireEvent.click(within(sheet).getByTestId('tag-remove-茶饮控'))
    fireEvent.click(within(sheet).getByTestId('members-tag-submit'))
    await waitFor(() => expect(fake.callsOf('crm', 'tag')).toHaveLength(1))
    expect(fake.callsOf('crm', 'tag')[0]!.data).toEqual({ openids: ['o1', 'o2'], add: ['高意向'], remove: ['茶饮控'] })
    await waitFor(() => expect(screen.queryByTestId('members-tag-sheet')).toBeNull())
    await waitFor(() => expect(fake.callsOf('crm', 'members')).toHaveLength(2))
    expect(jest.mocked(Taro.showToast)).toHaveBeenCalledWith({ title: '已更新 2 位会员', icon: 'none' })
  })

  test('an empty member base says so', async () => {
    setup(() => <OpsMembersPage />, { 'crm.members': () => ({ items: [], total: 0, nextCursor: null }) })
    expect(await screen.findByText('还没有会员')).toBeTruthy()
  })
})

describe('ops CRM: the member profile (客户画像)', () => {
  const profile = {
    member: memberItem('o1', { tags: ['茶饮控', '高客单'] }),
    campaigns: [
      { campaignId: 'cp1', name: '沉睡客唤醒', arm: 'target', deliveredAt: Date.UTC(2026, 10, 1), granted: true, messaged: false },
      { campaignId: 'cp2', name: '生日礼', arm: 'holdout', deliveredAt: Date.UTC(2026, 10, 2), granted: false, messaged: false }
    ],
    card: { memberId: 'M0001', joinedAt: Date.UTC(2026, 0, 1), birthday: '1990-05-01', growth: 600 },
    stats: {
      firstPaidAt: Date.UTC(2026, 0, 2),
      lastPaidAt: Date.UTC(2026, 10, 20),
      paidOrders: 5,
      paidFen: 56_000,
      refundedFen: 1_000,
      refundedOrders: 1,
      netOrders: 4,
      netFen: 55_000,
      aovFen: 13_750,
      topCategories: [{ categoryId: 'tea', name: '茶饮', orders: 3 }],
      lastVisitAt: Date.UTC(2026, 10, 25)
    },
    manualTags: ['茶饮控'],
    ruleTags: ['高客单'],
    points: { balance: 320 },
    orders: [{ orderId: 'or1', status: '已完成', payableFen: 12_000, createdAt: Date.UTC(2026, 10, 20), title: '茉莉花茶 等 2 件' }],
    pointsLedger: [{ at: Date.UTC(2026, 10, 20), delta: 120, note: '消费得积分' }],
    coupons: [{ couponId: 'c1', title: '满99减20', status: '可使用', validUntil: Date.UTC(2026, 11, 31) }],
    timeline: [{ at: Date.UTC(2026, 10, 20), kind: 'order', title: '下单', detail: '¥120.00' }]
  }

  test('figures, RFM, stage, tags (manual editable through crm.tag, rule read-only), campaigns with their arm, and the timeline', async () => {
    setRouterParams({ openid: 'o1' })
    const fake = setup(() => <OpsMemberPage />, { 'crm.member': () => profile })
    await screen.findByTestId('member-profile')
    expect(fake.callsOf('crm', 'member')[0]!.data).toEqual({ openid: 'o1' })
    expect(screen.getByTestId('member-kpi-net').textContent).toContain('¥550.00')
    expect(screen.getByTestId('member-rfm-r').textContent).toBe('4')
    expect(screen.getByTestId('member-rfm-class').textContent).toBe('重要价值')
    expect(screen.getByTestId('member-lifecycle').textContent).toBe('成熟期')
    expect(within(screen.getByTestId('member-campaigns')).getByText('目标组')).toBeTruthy()
    expect(within(screen.getByTestId('member-campaigns')).getByText('对照组')).toBeTruthy()
    expect(within(screen.getByTestId('member-categories')).getByText('3 单')).toBeTruthy()
    expect(within(screen.getByTestId('member-timeline')).getByText('下单')).toBeTruthy()
    expect(screen.getByTestId('member-rule-tag-高客单')).toBeTruthy()

    fireEvent.click(screen.getByTestId('member-tag-茶饮控'))
    await waitFor(() => expect(fake.callsOf('crm', 'tag')).toHaveLength(1))
    expect(fake.callsOf('crm', 'tag')[0]!.data).toEqual({ openids: ['o1'], remove: ['茶饮控'] })
    type('member-tag-new', 'VIP')
    fireEvent.click(screen.getByTestId('member-tag-add'))
    await waitFor(() => expect(fake.callsOf('crm', 'tag')).toHaveLength(2))
    expect(fake.callsOf('crm', 'tag')[1]!.data).toEqual({ openids: ['o1'], add: ['VIP'] })
    // Rule tags cannot be clicked away.
    fireEvent.click(screen.getByTestId('member-rule-tag-高客单'))
    await waitFor(() => expect(fake.callsOf('crm', 'member').length).toBeGreaterThanOrEqual(3))
    expect(fake.callsOf('crm', 'tag')).toHaveLength(2)
  })
})
