/** @jest-environment jsdom */
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setTransport } from '../../../src/api'
import { defaultTransport } from '../../../src/api/transport'
import type { GuideCodeView, GuideLeaderboardView, GuideMonthView } from '../../../src/core/contracts/guide'
import { chinaMonth } from '../../../src/core/points/china-day'
import { OPS_MENU } from '../../../src/packages/ops/index/menu'
import OpsGuidesPage from '../../../src/packages/ops/guides'
import StaffGuidePage from '../../../src/packages/staff/guide'
import GuideCustomersPage from '../../../src/packages/staff/guide-customers'
import { captureGuideLink } from '../../../src/utils/guide-link'
import { createFakeTransport, fail } from '../../mocks/fake-transport'
import { setRouterParams } from '../../mocks/taro'
import { restoreStorageMocks, useMemoryStorage } from '../../mocks/memory-storage'

const CODE: GuideCodeView = { code: 'G1234567Z', path: '/pages/home/index?guide=G1234567Z', storeId: 'store-demo', storeName: '演示店', stores: [{ storeId: 'store-demo', storeName: '演示店' }], wxacodeUrl: null }
const month = (over: Partial<GuideMonthView> = {}): GuideMonthView => ({
  period: chinaMonth(Date.now()),
  customers: 12,
  newCustomers: 3,
  orders: 2,
  gmvFen: 15600,
  commissionFen: 351,
  accruedFen: 468,
  reversedFen: 117,
  balanceFen: 900,
  rateBps: 300,
  items: [
    { orderNo: '20261202-0007', gmvFen: 11700, commissionFen: 351, reversedFen: 117, state: 'PARTLY_REVERSED', stateLabel: '部分退款', at: Date.now() },
    { orderNo: '20261202-0009', gmvFen: 3900, commissionFen: 117, reversedFen: 0, state: 'ACCRUED', stateLabel: '已计佣', at: Date.now() }
  ],
  ...over
})

afterEach(() => {
  cleanup()
  jest.clearAllMocks()
  setTransport(defaultTransport)
  setRouterParams({})
})

describe('utils/guide-link', () => {
  let storage: Record<string, string>
  beforeEach(() => {
    storage = useMemoryStorage()
  })
  afterEach(() => {
    restoreStorageMocks()
    window.history.replaceState(null, '', '/')
  })

  test('binds the guide= the app was opened with, says so once, and forgets the code', async () => {
    window.history.replaceState(null, '', '/pages/home/index?guide=g1234567z')
    const fake = createFakeTransport({ 'guide.bind': () => ({ bound: true, guide: '王**', storeName: '演示店', boundNow: true }) })
    setTransport(fake.transport)
    captureGuideLink()
    await waitFor(() => expect(storage['siyu.pendingGuide']).toBeUndefined())
    expect(fake.callsOf('guide', 'bind').map((c) => c.data)).toEqual([{ code: 'G1234567Z' }])
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已绑定专属导购 王**', icon: 'none' })
  })

  test('a refusal drops the code quietly; a network failure keeps it for the next launch', async () => {
    window.history.replaceState(null, '', '/?guide=G1234567Z')
    setTransport(createFakeTransport({ 'guide.bind': () => { throw fail('GUIDE_ALREADY_BOUND', '你已有专属导购') } }).transport)
    captureGuideLink()
    await waitFor(() => expect(storage['siyu.pendingGuide']).toBeUndefined())
    expect(Taro.showToast).not.toHaveBeenCalled()

    setTransport(async () => { throw new TypeError('Failed to fetch') })
    captureGuideLink()
    await new Promise((done) => setTimeout(done, 10))
    expect(storage['siyu.pendingGuide']).toBe('G1234567Z')

    // Next launch, no guide= in the URL: the kept code is tried again.
    window.history.replaceState(null, '', '/')
    const fake = createFakeTransport({ 'guide.bind': () => ({ bound: true, guide: '王**', storeName: '演示店', boundNow: false }) })
    setTransport(fake.transport)
    captureGuideLink()
    await waitFor(() => expect(storage['siyu.pendingGuide']).toBeUndefined())
    expect(fake.calls).toHaveLength(1)
    expect(Taro.showToast).not.toHaveBeenCalled()

    // Nothing kept, nothing opened: no call.
    captureGuideLink()
    expect(fake.calls).toHaveLength(1)
  })
})

describe('staff: 我的导购', () => {
  test('shows the code as a QR of the link, the month’s figures and orders by number; 分享 opens the link sheet', async () => {
    const fake = createFakeTransport({ 'guide.myCode': () => CODE, 'guide.myMonth': () => month() })
    setTransport(fake.transport)
    render(<StaffGuidePage />)
    expect(await screen.findByTestId('guide-code')).toHaveProperty('textContent', 'G1234567Z')
    expect(screen.getByTestId('guide-qr')).toBeTruthy()
    await screen.findByTestId('guide-month')
    expect(screen.getByTestId('guide-customers').textContent).toContain('12')
    expect(screen.getByTestId('guide-customers').textContent).toContain('本月新增 3')
    expect(screen.getByTestId('guide-gmv').textContent).toContain('¥156.00')
    expect(screen.getByTestId('guide-commission').textContent).toContain('¥3.51')
    expect(screen.getByTestId('guide-commission').textContent).toContain('已扣退款 ¥1.17')
    const row = screen.getByTestId('guide-order-20261202-0007').textContent ?? ''
    expect(row).toContain('部分退款')
    expect(row).toContain('佣金 ¥2.34')
    fireEvent.click(screen.getByTestId('guide-share'))
    expect((await screen.findByTestId('share-link')).textContent).toBe(`${window.location.origin}/pages/home/index?guide=G1234567Z`)

    fireEvent.click(screen.getByTestId('guide-month-prev'))
    await waitFor(() => expect(fake.callsOf('guide', 'myMonth').length).toBeGreaterThanOrEqual(2))
    expect(fake.callsOf('guide', 'myMonth').at(-1)?.data).not.toEqual(fake.callsOf('guide', 'myMonth')[0].data)

    fireEvent.click(screen.getByTestId('guide-customers-link'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/guide-customers/index?storeId=store-demo' })
  })

  test('an empty month says so; a customer is told they are not staff', async () => {
    setTransport(createFakeTransport({ 'guide.myCode': () => CODE, 'guide.myMonth': () => month({ orders: 0, items: [], commissionFen: 0, reversedFen: 0 }) }).transport)
    render(<StaffGuidePage />)
    expect(await screen.findByText('本月还没有专属顾客的成交订单')).toBeTruthy()
    cleanup()
    setTransport(createFakeTransport({ 'guide.myCode': () => { throw fail('GUIDE_NOT_STAFF', '你还不是门店员工，无法使用导购功能') }, 'guide.myMonth': () => month() }).transport)
    render(<StaffGuidePage />)
    expect(await screen.findByText('你还不是门店员工，无法使用导购功能')).toBeTruthy()
  })

  test('我的顾客 lists masked customers with tier, tags and last purchase', async () => {
    setRouterParams({ storeId: 'store-demo' })
    const fake = createFakeTransport({
      'guide.myCustomers': () => ({
        storeId: 'store-demo',
        storeName: '演示店',
        total: 2,
        items: [
          { key: 'a1', nickname: '周**', tierName: '金卡', tags: ['高价值'], lastPurchaseAt: Date.UTC(2026, 11, 1), boundAt: Date.UTC(2026, 10, 1), isMember: true },
          { key: 'b2', nickname: '微信用户', tierName: null, tags: [], lastPurchaseAt: null, boundAt: Date.UTC(2026, 10, 2), isMember: false }
        ]
      })
    })
    setTransport(fake.transport)
    render(<GuideCustomersPage />)
    expect((await screen.findByTestId('guide-customers-total')).textContent).toContain('共 2 位专属顾客')
    const rows = screen.getAllByTestId('guide-customer-row').map((r) => r.textContent ?? '')
    expect(rows[0]).toContain('周**')
    expect(rows[0]).toContain('金卡')
    expect(rows[0]).toContain('高价值')
    expect(rows[0]).toContain('最近购买 2026-12-01')
    expect(rows[1]).toContain('未入会')
    expect(rows[1]).toContain('还没有购买')
    expect(fake.calls[0].data).toEqual({ storeId: 'store-demo', limit: 100 })
  })
})

describe('ops: 导购', () => {
  const board: GuideLeaderboardView = {
    storeId: 'store-demo',
    storeName: '演示店',
    period: chinaMonth(Date.now()),
    rows: [
      { rank: 1, nickname: '店员小王', active: true, customers: 10, orders: 4, gmvFen: 46800, commissionFen: 1404 },
      { rank: 2, nickname: '店员小张', active: false, customers: 0, orders: 1, gmvFen: 3900, commissionFen: 117 }
    ],
    storeHeldCustomers: 5
  }
  const setup = (save = (data: any) => data.settings) =>
    createFakeTransport({
      'system.whoami': () => ({ openid: 'demo-operator', roles: ['customer', 'operator'], staffStoreIds: [] }),
      'staff.adminStores': () => ({ stores: [{ storeId: 'store-demo', name: '演示店' }, { storeId: 'store-b', name: '第二门店' }] }),
      'guide.leaderboard': () => board,
      'guide.settings': () => ({ commissionBps: 300, rebindDays: 30 }),
      'guide.saveSettings': save
    })

  test('is in the dashboard menu; ranks a store’s guides and marks who left', async () => {
    expect(OPS_MENU).toContainEqual({ key: 'guides', label: '导购', url: '/packages/ops/guides/index' })
    const fake = setup()
    setTransport(fake.transport)
    render(<OpsGuidesPage />)
    await waitFor(() => expect(screen.getAllByTestId('guides-row')).toHaveLength(2))
    const rows = screen.getAllByTestId('guides-row').map((r) => r.textContent ?? '')
    expect(rows[0]).toContain('店员小王')
    expect(rows[0]).toContain('¥468.00')
    expect(rows[0]).toContain('佣金 ¥14.04')
    expect(rows[1]).toContain('（已离职）')
    expect(screen.getByText('离职导购的 5 位顾客已归门店所有')).toBeTruthy()
    fireEvent.click(screen.getByTestId('guides-store-store-b'))
    await waitFor(() => expect(fake.callsOf('guide', 'leaderboard').at(-1)?.data).toMatchObject({ storeId: 'store-b' }))
  })

  test('saves the settings as basis points and days, refusing a bad rate before asking', async () => {
    const fake = setup()
    setTransport(fake.transport)
    render(<OpsGuidesPage />)
    await screen.findByTestId('guides-settings-save')
    const rate = () => document.querySelector('#guide-rate') as HTMLInputElement
    await waitFor(() => expect(rate().value).toBe('3'))
    fireEvent.change(rate(), { target: { value: '80' } })
    fireEvent.click(screen.getByTestId('guides-settings-save'))
    expect(await screen.findByText('佣金比例最高 50%')).toBeTruthy()
    expect(fake.callsOf('guide', 'saveSettings')).toHaveLength(0)
    fireEvent.change(rate(), { target: { value: '2.5' } })
    fireEvent.change(document.querySelector('#guide-rebind') as HTMLInputElement, { target: { value: '15' } })
    fireEvent.click(screen.getByTestId('guides-settings-save'))
    await waitFor(() => expect(fake.callsOf('guide', 'saveSettings')).toHaveLength(1))
    expect(fake.callsOf('guide', 'saveSettings')[0].data).toEqual({ settings: { commissionBps: 250, rebindDays: 15 } })
  })
})
